package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.sinks.PostgresOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A snapshot source on PostgreSQL, read in one REPEATABLE READ, read-only transaction so that all
 * tables and their positions come from the same instant.
 *
 * <ul>
 *   <li>{@link #mirror}: Flowcast's own mirror tables ({@code flowcast.ml_*}). Their lineage
 *       columns say up to which Kafka offset each partition was applied, which is the position.
 *       The newest rows of a partition may be gone (deleted), so the position can lie before the
 *       last change applied; the changes replayed from there only touch keys that are deleted
 *       again later in the same partition, so the end state is the same.
 *   <li>{@link #warehouse}: the source warehouse database itself ({@code <schema>.<table>} with
 *       the source column names); the position is its WAL LSN at the snapshot.
 * </ul>
 */
public final class PostgresSource implements WarehouseSource {

    private final boolean mirror;
    private final String url;
    private final Connection connection;
    private final String lsn;

    private PostgresSource(boolean mirror, PostgresOptions options) throws SQLException {
        this.mirror = mirror;
        this.url = options.url();
        this.connection = options.connect();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        // The first statement fixes the transaction's snapshot; the LSN read by it belongs to it.
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_current_wal_lsn()::text");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            this.lsn = rs.getString(1);
        }
    }

    public static PostgresSource mirror(PostgresOptions options) throws SQLException {
        return new PostgresSource(true, options);
    }

    public static PostgresSource warehouse(PostgresOptions options) throws SQLException {
        return new PostgresSource(false, options);
    }

    @Override
    public String describe() {
        return (mirror ? "postgres-mirror " : "postgres-warehouse ") + url;
    }

    @Override
    public void read(MirrorTable table, Consumer<Object[]> rows) throws SQLException {
        String sql = mirror ? JdbcRows.mirrorSelect(table, null) : JdbcRows.sourceSelect(table, null);
        JdbcRows.read(connection, table, sql, rows);
    }

    @Override
    public SnapshotPosition position(MirrorTable table) throws SQLException {
        if (!mirror) {
            return new SnapshotPosition(Map.of(), lsn, System.currentTimeMillis());
        }
        Map<Integer, Long> offsets = new HashMap<>();
        long sourceTs = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT source_partition, max(source_offset) + 1, max(source_ts) FROM flowcast." + table.mirrorTable()
                        + " WHERE source_topic = ? AND source_partition >= 0 GROUP BY source_partition")) {
            statement.setString(1, table.topic());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                    Timestamp ts = rs.getTimestamp(3);
                    if (ts != null) {
                        sourceTs = Math.max(sourceTs, ts.getTime());
                    }
                }
            }
        }
        return new SnapshotPosition(offsets, lsn, sourceTs);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
