package io.flowcast.sinks;

import io.flowcast.records.AccuracyAlert;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** {@code forecast_accuracy_alerts}: products whose MAPE passed the threshold, per week and channel; a recomputation that no longer holds clears the alert (one statement raises or clears, so it batches). */
public final class AccuracyAlertSink {

    /** Raises (upserts) or clears (deletes) one alert: one statement, so it batches like the others. */
    static final String SQL =
            "WITH cleared AS (DELETE FROM flowcast.forecast_accuracy_alerts WHERE product_code = ? AND as_of_week = ?"
                    + " AND channel = ? AND NOT ?)"
                    + " INSERT INTO flowcast.forecast_accuracy_alerts (product_code, as_of_week, channel, mape, threshold, samples)"
                    + " SELECT ?, ?, ?, ?, ?, ? WHERE ? ON CONFLICT (product_code, as_of_week, channel) DO UPDATE SET"
                    + " mape = EXCLUDED.mape, threshold = EXCLUDED.threshold, samples = EXCLUDED.samples";

    private AccuracyAlertSink() {}

    public static JdbcSink<AccuracyAlert> create(PostgresOptions options) {
        return JdbcRowSinks.atLeastOnce(SQL, new Binder(), options);
    }

    static final class Binder implements JdbcStatementBuilder<AccuracyAlert> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, AccuracyAlert a) throws SQLException {
            java.time.LocalDate week = java.time.LocalDate.ofEpochDay(a.asOfWeekEpochDay());
            ps.setString(1, a.productCode());
            ps.setObject(2, week);
            ps.setString(3, a.channel());
            ps.setBoolean(4, a.raised());
            ps.setString(5, a.productCode());
            ps.setObject(6, week);
            ps.setString(7, a.channel());
            setFinite(ps, 8, a.mape());
            ps.setDouble(9, a.threshold());
            ps.setInt(10, a.samples());
            ps.setBoolean(11, a.raised());
        }
    }

    /** A measure that can be undefined (NaN, infinite) is written as NULL. */
    private static void setFinite(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            ps.setDouble(index, value);
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }
}
