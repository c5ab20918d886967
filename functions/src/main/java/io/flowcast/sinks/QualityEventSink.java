package io.flowcast.sinks;

import io.flowcast.records.QualityEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** {@code data_quality_events}: one row per job, check, table and window (a recomputed window overwrites). */
public final class QualityEventSink {

    static final String SQL =
            "INSERT INTO flowcast.data_quality_events (job, check_name, table_name, window_start, window_end, passed,"
                    + " observed, threshold, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                    + " ON CONFLICT (job, check_name, table_name, window_start) DO UPDATE SET window_end = EXCLUDED.window_end,"
                    + " passed = EXCLUDED.passed, observed = EXCLUDED.observed, threshold = EXCLUDED.threshold,"
                    + " details = EXCLUDED.details, created_at = now()";

    private QualityEventSink() {}

    public static JdbcSink<QualityEvent> create(PostgresOptions options) {
        return JdbcRowSinks.atLeastOnce(SQL, new Binder(), options);
    }

    static final class Binder implements JdbcStatementBuilder<QualityEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, QualityEvent e) throws SQLException {
            ps.setString(1, e.job());
            ps.setString(2, e.checkName());
            ps.setString(3, e.table());
            ps.setTimestamp(4, new Timestamp(e.windowStartMillis()));
            ps.setTimestamp(5, new Timestamp(e.windowEndMillis()));
            ps.setBoolean(6, e.passed());
            ps.setDouble(7, e.observed());
            ps.setDouble(8, e.threshold());
            ps.setString(9, e.details());
        }
    }
}
