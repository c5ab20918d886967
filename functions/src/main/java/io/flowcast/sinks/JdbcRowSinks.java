package io.flowcast.sinks;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * flink-connector-jdbc sinks of one statement per row, for the low-volume tables (dead letters,
 * alerts, quality events); each table's statement and binder live in its own class
 * ({@link DeadLetterSink}, ...). High-volume tables use {@link UnnestSink}.
 */
public final class JdbcRowSinks {

    private JdbcRowSinks() {}

    /** At-least-once JDBC sink of one statement; idempotence comes from the statement's ON CONFLICT. */
    public static <T> JdbcSink<T> atLeastOnce(String sql, JdbcStatementBuilder<T> binder, PostgresOptions options) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(JdbcExecutionOptions.builder()
                        .withBatchSize(options.batchSize())
                        .withBatchIntervalMs(options.flushIntervalMillis())
                        .withMaxRetries(options.maxRetries())
                        .build())
                .buildAtLeastOnce(connectionOptions(options));
    }

    private static JdbcConnectionOptions connectionOptions(PostgresOptions options) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder builder =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(options.url())
                        .withDriverName("org.postgresql.Driver");
        if (options.user() != null) {
            builder.withUsername(options.user());
        }
        if (options.password() != null && !options.password().isEmpty()) {
            builder.withPassword(options.password());
        }
        return builder.build();
    }
}
