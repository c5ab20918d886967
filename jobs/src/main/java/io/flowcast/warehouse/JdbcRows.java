package io.flowcast.warehouse;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a table's rows over JDBC into rows aligned with {@link MirrorTable#columns()}, with the same
 * value normalisation as {@link SnapshotSchema#toRow} (decimals without trailing zeros), so rows
 * read from PostgreSQL and from a snapshot compare equal when their values are.
 */
public final class JdbcRows {

    /** Rows fetched per round trip (the connection must not be in auto-commit for this to stream). */
    private static final int FETCH_SIZE = 10_000;

    private JdbcRows() {}

    /** The PG mirror: {@code flowcast.ml_*} with the English column names. */
    public static String mirrorSelect(MirrorTable table, String where) {
        return select(table, Column::target, "flowcast." + table.mirrorTable(), where);
    }

    /** The source warehouse database: {@code <schema>.<table>} with the source column names. */
    public static String sourceSelect(MirrorTable table, String where) {
        return select(table, Column::source, table.sourceSchema() + "." + table.sourceTable(), where);
    }

    private static String select(MirrorTable table, Function<Column, String> name, String relation, String where) {
        List<Column> columns = table.columns();
        return "SELECT " + columns.stream().map(name).collect(Collectors.joining(", ")) + " FROM " + relation
                + (where == null || where.isBlank() ? "" : " WHERE " + where);
    }

    /** Runs {@code sql} (from {@link #mirrorSelect}/{@link #sourceSelect}) and streams the rows. */
    public static long read(Connection connection, MirrorTable table, String sql, Consumer<Object[]> rows)
            throws SQLException {
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.accept(row(table, rs));
                    count++;
                }
            }
        }
        return count;
    }

    public static Object[] row(MirrorTable table, ResultSet rs) throws SQLException {
        List<Column> columns = table.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int index = i + 1;
            row[i] = switch (columns.get(i).type()) {
                case TEXT -> rs.getString(index);
                case INT -> nullable(rs, rs.getInt(index));
                case BIGINT -> nullable(rs, rs.getLong(index));
                case DECIMAL -> normalize(rs.getBigDecimal(index));
                case BOOLEAN -> nullable(rs, rs.getBoolean(index));
                case DATE -> rs.getObject(index, LocalDate.class);
                case TIMESTAMP -> {
                    OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant();
                }
            };
        }
        return row;
    }

    private static <T> T nullable(ResultSet rs, T value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    /** Decimals compare by value: 3.50 and 3.5 are the same amount. */
    public static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
