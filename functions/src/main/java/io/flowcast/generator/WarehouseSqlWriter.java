package io.flowcast.generator;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the generator's row changes to a real warehouse database with SQL (INSERT, UPDATE,
 * DELETE on the tables of {@code warehouse/warehouse_tables.sql}), so that a Debezium connector
 * reading that database produces the CDC instead of our own encoder.
 *
 * <p>Changes are batched per statement and committed every {@code changesPerCommit} changes (a
 * warehouse commits in batches too). Order per row is kept: a row already pending in another
 * statement's batch flushes every pending batch first. Snapshot reads ({@code op=r}) become
 * inserts: in a real database they are just rows that exist.
 *
 * <p>The session runs in UTC, so {@code timestamp without time zone} columns hold the UTC wall
 * time of the generator's instants, which is how the CDC contract reads local date-times back.
 *
 * <p>Not thread-safe; owns no connection (the caller closes it).
 */
public final class WarehouseSqlWriter {

    /** DDL of the warehouse tables, on the class path (module flowcast-sql). */
    public static final String DDL_RESOURCE = "/warehouse/warehouse_tables.sql";

    enum Kind { INSERT, UPDATE, DELETE }

    private record Pending(PreparedStatement statement, Kind kind) {}

    private final Connection connection;
    private final int changesPerCommit;
    private final Map<MirrorTable, EnumMap<Kind, PreparedStatement>> statements = new EnumMap<>(MirrorTable.class);
    /** Statements with queued rows, in the order they were first used since the last flush. */
    private final List<PreparedStatement> dirty = new ArrayList<>();
    /** Rows queued since the last flush, by table and key, with the statement that holds them. */
    private final Map<String, Pending> pendingRows = new HashMap<>();
    private long uncommitted;
    private long commits;

    public WarehouseSqlWriter(Connection connection, int changesPerCommit) throws SQLException {
        this.connection = connection;
        this.changesPerCommit = changesPerCommit;
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
        }
        connection.commit();
    }

    /** Creates the warehouse schemas and tables (idempotent). */
    public static void createTables(Connection connection) throws SQLException, IOException {
        String ddl;
        try (InputStream in = WarehouseSqlWriter.class.getResourceAsStream(DDL_RESOURCE)) {
            if (in == null) {
                throw new IOException(DDL_RESOURCE + " is not on the class path");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute(ddl);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Queues one change; commits when {@code changesPerCommit} changes are queued. Returns true if it committed. */
    public boolean apply(ChangeEvent event) throws SQLException {
        MirrorTable table = event.table();
        Kind kind = switch (event.op()) {
            case READ, CREATE -> Kind.INSERT;
            case UPDATE -> Kind.UPDATE;
            case DELETE -> Kind.DELETE;
        };
        PreparedStatement statement = statement(table, kind);
        String rowKey = table.name() + "|" + table.keyString(event.keyImage());
        Pending pending = pendingRows.get(rowKey);
        if (pending != null && pending.statement() != statement) {
            flushBatches();
        }
        bind(statement, table, kind, kind == Kind.DELETE ? event.before() : event.after());
        statement.addBatch();
        if (!dirty.contains(statement)) {
            dirty.add(statement);
        }
        pendingRows.put(rowKey, new Pending(statement, kind));
        if (++uncommitted >= changesPerCommit) {
            commit();
            return true;
        }
        return false;
    }

    /** Executes every queued change and commits. */
    public void commit() throws SQLException {
        flushBatches();
        connection.commit();
        if (uncommitted > 0) {
            commits++;
        }
        uncommitted = 0;
    }

    public long commits() {
        return commits;
    }

    /** Closes the prepared statements (not the connection); queued changes are rolled back. */
    public void close() throws SQLException {
        connection.rollback();
        for (EnumMap<Kind, PreparedStatement> byKind : statements.values()) {
            for (PreparedStatement statement : byKind.values()) {
                statement.close();
            }
        }
        statements.clear();
    }

    private void flushBatches() throws SQLException {
        for (PreparedStatement statement : dirty) {
            statement.executeBatch();
        }
        dirty.clear();
        pendingRows.clear();
    }

    private PreparedStatement statement(MirrorTable table, Kind kind) throws SQLException {
        EnumMap<Kind, PreparedStatement> byKind = statements.computeIfAbsent(table, t -> new EnumMap<>(Kind.class));
        PreparedStatement statement = byKind.get(kind);
        if (statement == null) {
            statement = connection.prepareStatement(sql(table, kind));
            byKind.put(kind, statement);
        }
        return statement;
    }

    /** Statement text; the column order of the bind parameters is {@link #bind}'s. */
    static String sql(MirrorTable table, Kind kind) {
        String name = table.sourceSchema() + "." + table.sourceTable();
        List<Column> columns = table.columns();
        String keyMatch = columns.stream().filter(Column::key).map(c -> c.source() + " = ?").collect(Collectors.joining(" AND "));
        return switch (kind) {
            case INSERT -> "INSERT INTO " + name + " (" + columns.stream().map(Column::source).collect(Collectors.joining(", "))
                    + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            case UPDATE -> "UPDATE " + name + " SET "
                    + columns.stream().filter(c -> !c.key()).map(c -> c.source() + " = ?").collect(Collectors.joining(", "))
                    + " WHERE " + keyMatch;
            case DELETE -> "DELETE FROM " + name + " WHERE " + keyMatch;
        };
    }

    private static void bind(PreparedStatement statement, MirrorTable table, Kind kind, Object[] row) throws SQLException {
        List<Column> columns = table.columns();
        int parameter = 1;
        if (kind == Kind.INSERT) {
            for (int i = 0; i < columns.size(); i++) {
                statement.setObject(parameter++, sqlValue(row[i]));
            }
            return;
        }
        if (kind == Kind.UPDATE) {
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).key()) {
                    statement.setObject(parameter++, sqlValue(row[i]));
                }
            }
        }
        for (int index : table.keyIndexes()) {
            statement.setObject(parameter++, sqlValue(row[index]));
        }
    }

    private static Object sqlValue(Object value) {
        return value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }
}
