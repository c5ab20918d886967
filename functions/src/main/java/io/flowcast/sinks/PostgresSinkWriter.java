package io.flowcast.sinks;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A {@link BufferingSinkWriter} that writes to PostgreSQL over one connection, opened on the first
 * flush (autocommit off: a flush is one transaction) and discarded after a failure, so the retry
 * opens a fresh one.
 */
abstract class PostgresSinkWriter<T> extends BufferingSinkWriter<T> {

    private final PostgresOptions options;
    private Connection connection;

    PostgresSinkWriter(WriterInitContext context, PostgresOptions options) {
        super(context, options.batchSize(), options.flushIntervalMillis(), options.maxRetries());
        this.options = options;
    }

    /** The open connection, connecting first if there is none. */
    protected final Connection connection() throws SQLException {
        if (connection == null) {
            connection = options.connect();
        }
        return connection;
    }

    @Override
    protected final void reset() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being discarded after a failure; nothing more to do.
            }
            connection = null;
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        reset();
    }
}
