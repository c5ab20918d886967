package io.flowcast.sinks;

import io.flowcast.records.PredictionRow;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;

/**
 * Writes {@code prediction_results}: every week close makes 52 rows per series (26 steps x 2
 * channels), the job's largest output. A flush is one {@code INSERT .. SELECT FROM unnest(..)
 * ON CONFLICT DO UPDATE} over column arrays, like the mirror tables ({@link MirrorStatements}),
 * instead of flink-connector-jdbc's statement per row; the buffer keeps the last row per primary
 * key, since one statement may touch a row only once. Dates travel as text arrays cast on the
 * server; doubles as float8 arrays (their text form round-trips exactly).
 */
public final class PredictionSink implements Sink<PredictionRow> {

    private static final long serialVersionUID = 1L;

    public static final String UPSERT = "INSERT INTO flowcast.prediction_results (product_code, region, origin_week, channel, step,"
            + " target_week, method, model_version, yhat, lo80, hi80, explanation, request_id)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::int[], ?::date[], ?::text[], ?::text[],"
            + " ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[])"
            + " ON CONFLICT (product_code, region, origin_week, channel, step, method, model_version, request_id) DO UPDATE SET"
            + " target_week = EXCLUDED.target_week, yhat = EXCLUDED.yhat, lo80 = EXCLUDED.lo80, hi80 = EXCLUDED.hi80,"
            + " explanation = EXCLUDED.explanation";

    private final PostgresOptions options;

    public PredictionSink(PostgresOptions options) {
        this.options = options;
    }

    @Override
    @Deprecated
    public SinkWriter<PredictionRow> createWriter(InitContext context) {
        throw new UnsupportedOperationException("Flink 1.20 creates writers with a WriterInitContext");
    }

    @Override
    public SinkWriter<PredictionRow> createWriter(WriterInitContext context) throws IOException {
        return new Writer(context, options);
    }

    /** Upserts rows whose primary keys are distinct, in one statement (the caller commits). */
    public static void upsert(Connection connection, Collection<PredictionRow> batch) throws SQLException {
        int n = batch.size();
        String[] product = new String[n];
        String[] region = new String[n];
        String[] origin = new String[n];
        String[] channel = new String[n];
        Integer[] step = new Integer[n];
        String[] target = new String[n];
        String[] method = new String[n];
        String[] version = new String[n];
        Double[] yhat = new Double[n];
        Double[] lo80 = new Double[n];
        Double[] hi80 = new Double[n];
        String[] explanation = new String[n];
        String[] request = new String[n];
        int i = 0;
        for (PredictionRow r : batch) {
            product[i] = r.productCode();
            region[i] = r.region();
            origin[i] = LocalDate.ofEpochDay(r.originWeekEpochDay()).toString();
            channel[i] = r.channel();
            step[i] = r.step();
            target[i] = LocalDate.ofEpochDay(r.targetWeekEpochDay()).toString();
            method[i] = r.method();
            version[i] = r.modelVersion();
            yhat[i] = r.yhat();
            lo80[i] = r.lo80();
            hi80[i] = r.hi80();
            explanation[i] = r.explanation();
            request[i] = r.requestId() == null ? "" : r.requestId();
            i++;
        }
        try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
            ps.setArray(1, connection.createArrayOf("text", product));
            ps.setArray(2, connection.createArrayOf("text", region));
            ps.setArray(3, connection.createArrayOf("text", origin));
            ps.setArray(4, connection.createArrayOf("text", channel));
            ps.setArray(5, connection.createArrayOf("int4", step));
            ps.setArray(6, connection.createArrayOf("text", target));
            ps.setArray(7, connection.createArrayOf("text", method));
            ps.setArray(8, connection.createArrayOf("text", version));
            ps.setArray(9, connection.createArrayOf("float8", yhat));
            ps.setArray(10, connection.createArrayOf("float8", lo80));
            ps.setArray(11, connection.createArrayOf("float8", hi80));
            ps.setArray(12, connection.createArrayOf("text", explanation));
            ps.setArray(13, connection.createArrayOf("text", request));
            ps.executeUpdate();
        }
    }

    static final class Writer extends PostgresSinkWriter<PredictionRow> {
        private final Map<String, PredictionRow> rows = new LinkedHashMap<>();
        private final Counter upserted;

        Writer(WriterInitContext context, PostgresOptions options) {
            super(context, options);
            this.upserted = context.metricGroup().counter("rowsUpserted");
        }

        @Override
        protected void buffer(PredictionRow r) {
            rows.put(r.productCode() + '\u0000' + r.region() + '\u0000' + r.originWeekEpochDay() + '\u0000' + r.channel()
                    + '\u0000' + r.step() + '\u0000' + r.method() + '\u0000' + r.modelVersion() + '\u0000' + r.requestId(), r);
        }

        @Override
        protected int buffered() {
            return rows.size();
        }

        @Override
        protected void writeBuffer() throws SQLException {
            upsert(connection(), rows.values());
            connection().commit();
            upserted.inc(rows.size());
            rows.clear();
        }
    }
}
