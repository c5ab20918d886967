package io.flowcast.sinks;

import io.flowcast.records.DeadLetter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/** {@code dead_letter}: each rejected message whole, keyed by its Kafka position (a replay inserts nothing twice). */
public final class DeadLetterSink {

    static final String SQL =
            "INSERT INTO flowcast.dead_letter (job, source_topic, source_partition, source_offset, reason, detail,"
                    + " record_key, payload, payload_bytes, kafka_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING";

    private DeadLetterSink() {}

    public static JdbcSink<DeadLetter> create(PostgresOptions options) {
        return JdbcRowSinks.atLeastOnce(SQL, new Binder(), options);
    }

    static final class Binder implements JdbcStatementBuilder<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public void accept(PreparedStatement ps, DeadLetter d) throws SQLException {
            ps.setString(1, d.job());
            ps.setString(2, d.topic());
            ps.setInt(3, d.partition());
            ps.setLong(4, d.offset());
            ps.setString(5, d.reason().name());
            ps.setString(6, d.detail());
            ps.setString(7, d.recordKey());
            ps.setString(8, d.payload());
            ps.setInt(9, d.payloadBytes());
            if (d.kafkaTimestampMillis() >= 0) {
                ps.setTimestamp(10, new Timestamp(d.kafkaTimestampMillis()));
            } else {
                ps.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
            }
        }
    }
}
