package io.flowcast.sinks;

import io.flowcast.records.ModelAlert;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** {@code model_alerts}: one row per version and kind; a replayed change rewrites nothing. */
public final class ModelAlertSink {

    static final String SQL = "INSERT INTO flowcast.model_alerts (model_name, version, kind, detail, raised_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (model_name, version, kind) DO NOTHING";

    private ModelAlertSink() {}

    public static JdbcSink<ModelAlert> create(PostgresOptions options) {
        return JdbcRowSinks.atLeastOnce(SQL, new Binder(), options);
    }

    static final class Binder implements JdbcStatementBuilder<ModelAlert> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, ModelAlert a) throws SQLException {
            ps.setString(1, a.modelName());
            ps.setInt(2, a.version());
            ps.setString(3, a.kind());
            ps.setString(4, a.detail());
            ps.setTimestamp(5, Timestamp.from(Instant.ofEpochMilli(a.epochMillis())));
        }
    }
}
