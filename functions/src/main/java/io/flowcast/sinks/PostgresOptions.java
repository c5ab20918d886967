package io.flowcast.sinks;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and how the jobs write to PostgreSQL.
 *
 * @param url JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/flowcast}
 * @param batchSize rows buffered per subtask before a flush is forced
 * @param flushIntervalMillis upper bound on how long a row waits in the buffer (latency)
 * @param maxRetries attempts per flush on a transient failure before the task fails
 */
public record PostgresOptions(
        String url, String user, String password, int batchSize, long flushIntervalMillis, int maxRetries)
        implements Serializable {

    public PostgresOptions {
        Objects.requireNonNull(url, "url");
        if (batchSize <= 0 || flushIntervalMillis <= 0 || maxRetries < 0) {
            throw new IllegalArgumentException("batchSize and flushIntervalMillis must be > 0, maxRetries >= 0");
        }
    }

    /** Opens a connection with autocommit off (every flush is one transaction). */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "flowcast");
        Connection connection = DriverManager.getConnection(url, props);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Same options with another URL (tests point jobs at a scratch database). */
    public PostgresOptions withUrl(String newUrl) {
        return new PostgresOptions(newUrl, user, password, batchSize, flushIntervalMillis, maxRetries);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "PostgresOptions[url=" + url + ", user=" + user + ", batchSize=" + batchSize
                + ", flushIntervalMillis=" + flushIntervalMillis + ", maxRetries=" + maxRetries + "]";
    }
}
