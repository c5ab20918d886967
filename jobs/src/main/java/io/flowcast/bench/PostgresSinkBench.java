package io.flowcast.bench;

import io.flowcast.cdc.DerivedFields;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.sinks.MirrorBatch;
import io.flowcast.sinks.MirrorStatements;
import io.flowcast.sinks.PostgresOptions;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * PostgreSQL sink throughput next to COPY into the same table, measured in the same run:
 * the mirror sink's set-based upsert (insert path, then update path) against
 * {@code COPY ... FROM STDIN}, the fastest way PostgreSQL loads rows.
 */
public final class PostgresSinkBench {

    private static final MirrorTable TABLE = MirrorTable.SALES_ORDERS;
    private static final int WARM_UP_ROWS = 50_000;

    /** Rows per second for each path, and the upsert/COPY ratio the target is stated in. */
    public record Result(int rows, double copyRowsPerSecond, double upsertInsertRowsPerSecond, double upsertUpdateRowsPerSecond) {
        public double insertRatio() {
            return upsertInsertRowsPerSecond / copyRowsPerSecond;
        }

        public double updateRatio() {
            return upsertUpdateRowsPerSecond / copyRowsPerSecond;
        }
    }

    private PostgresSinkBench() {}

    public static Result run(PostgresOptions options, int rows, int batchSize, long seed) throws SQLException {
        List<MirrorChange> changes = syntheticOrders(rows, seed);
        String copyText = copyText(changes);
        try (Connection connection = options.connect()) {
            // Warm up both paths (JIT, plan cache, driver buffers) before anything is timed.
            List<MirrorChange> warmUp = changes.subList(0, Math.min(rows, WARM_UP_ROWS));
            truncate(connection);
            copy(connection, copyText(warmUp));
            truncate(connection);
            upsert(connection, warmUp, batchSize);

            truncate(connection);
            long start = System.nanoTime();
            copy(connection, copyText);
            double copySeconds = seconds(start);

            truncate(connection);
            start = System.nanoTime();
            upsert(connection, changes, batchSize);
            double insertSeconds = seconds(start);

            List<MirrorChange> updates = amendments(changes);
            start = System.nanoTime();
            upsert(connection, updates, batchSize);
            double updateSeconds = seconds(start);
            truncate(connection);
            return new Result(rows, rows / copySeconds, rows / insertSeconds, rows / updateSeconds);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Empties the table and refreshes its statistics, so every path starts from the same state. */
    private static void truncate(Connection connection) throws SQLException {
        // VACUUM refuses to run inside a transaction block.
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("TRUNCATE flowcast." + TABLE.mirrorTable());
            st.execute("VACUUM ANALYZE flowcast." + TABLE.mirrorTable());
        } finally {
            connection.setAutoCommit(false);
        }
    }

    private static void upsert(Connection connection, List<MirrorChange> changes, int batchSize) throws SQLException {
        MirrorBatch batch = new MirrorBatch();
        for (MirrorChange change : changes) {
            batch.add(change);
            if (batch.size() >= batchSize) {
                batch.flush(connection);
            }
        }
        batch.flush(connection);
    }

    private static void copy(Connection connection, String text) throws SQLException {
        String columns = String.join(", ", MirrorStatements.targetColumns(TABLE));
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY flowcast." + TABLE.mirrorTable() + " (" + columns + ") FROM STDIN", new StringReader(text));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
        connection.commit();
    }

    /** The same rows as COPY text: the same columns the upsert writes, so both do equal work. */
    static String copyText(List<MirrorChange> changes) {
        StringBuilder sb = new StringBuilder(changes.size() * 200);
        for (MirrorChange change : changes) {
            Object[] row = change.row();
            for (Object value : row) {
                sb.append(text(value)).append('\t');
            }
            DerivedFields derived = DerivedFields.of(change.eventTime());
            sb.append(text(TABLE.valueTotal(row))).append('\t')
                    .append(derived.month()).append('\t').append(derived.quarter()).append('\t')
                    .append(derived.dayOfWeek()).append('\t').append(derived.weekend() ? 't' : 'f').append('\t')
                    .append(change.op()).append('\t').append(Instant.ofEpochMilli(change.sourceTsMillis())).append('\t')
                    .append(change.topic()).append('\t').append(change.partition()).append('\t')
                    .append(change.offset()).append('\t').append("\\N").append('\n');
        }
        return sb.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        return value.toString();
    }

    /**
     * Updates as the warehouse sends them: the same order lines with a new status, shipped
     * quantity and discount (product, region and dates unchanged).
     */
    static List<MirrorChange> amendments(List<MirrorChange> orders) {
        List<MirrorChange> updates = new ArrayList<>(orders.size());
        for (MirrorChange order : orders) {
            Object[] row = order.row().clone();
            BigDecimal quantity = (BigDecimal) row[TABLE.indexOfSource("quantidade")];
            row[TABLE.indexOfSource("quantidade_atendida")] = quantity.subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
            row[TABLE.indexOfSource("desconto")] = new BigDecimal("0.05");
            row[TABLE.indexOfSource("status")] = "ENTREGUE";
            updates.add(new MirrorChange(TABLE, 'u', row, order.sourceTsMillis() + 60_000, order.topic(),
                    order.partition(), order.offset() + orders.size(), order.kafkaTsMillis() + 60_000, null));
        }
        return updates;
    }

    static List<MirrorChange> syntheticOrders(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] regions = {"SP", "GO", "MG", "EX", "RS", "PR"};
        Instant base = Instant.parse("2025-01-06T08:00:00Z");
        List<MirrorChange> changes = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Object[] row = new Object[TABLE.columns().size()];
            row[TABLE.indexOfSource("numero_pedido")] = "PV-" + (i / 4);
            row[TABLE.indexOfSource("item")] = i % 4 + 1;
            row[TABLE.indexOfSource("codigo_produto")] = String.format("P%04d", random.nextInt(150) + 1);
            row[TABLE.indexOfSource("cliente")] = "C" + random.nextInt(5000);
            row[TABLE.indexOfSource("regiao")] = regions[random.nextInt(regions.length)];
            BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1, 50));
            row[TABLE.indexOfSource("quantidade")] = quantity;
            row[TABLE.indexOfSource("quantidade_atendida")] = quantity;
            row[TABLE.indexOfSource("preco_unitario")] = BigDecimal.valueOf(random.nextInt(100, 100_000), 2);
            row[TABLE.indexOfSource("desconto")] = BigDecimal.valueOf(random.nextInt(0, 30), 2);
            row[TABLE.indexOfSource("promocao")] = random.nextInt(10) == 0;
            row[TABLE.indexOfSource("status")] = "FATURADO";
            row[TABLE.indexOfSource("data_pedido")] = base.plusSeconds(i * 37L);
            changes.add(new MirrorChange(TABLE, 'c', row, base.plusSeconds(i * 37L + 5).toEpochMilli(), TABLE.topic(),
                    i % 4, i, base.plusSeconds(i * 37L + 6).toEpochMilli(), null));
        }
        return changes;
    }
}
