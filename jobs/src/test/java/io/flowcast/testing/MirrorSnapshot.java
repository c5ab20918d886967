package io.flowcast.testing;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The business content of the mirror tables in a canonical text form, so that what PostgreSQL
 * holds can be compared row for row with what the generator's ledger says it must hold.
 */
public final class MirrorSnapshot {

    private MirrorSnapshot() {}

    /** Canonical text of a typed value: decimals without trailing zeros, instants in ISO UTC. */
    public static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** One canonical line per row: all source columns joined with '|'. */
    public static String canonicalRow(Object[] row) {
        List<String> parts = new ArrayList<>(row.length);
        for (Object value : row) {
            parts.add(canonical(value));
        }
        return String.join("|", parts);
    }

    /** Rows of a mirror table by natural key. */
    public static Map<String, String> read(Connection connection, MirrorTable table) throws SQLException {
        List<Column> columns = table.columns();
        String select = columns.stream().map(Column::target).collect(Collectors.joining(", "));
        Map<String, String> rows = new TreeMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + select + " FROM flowcast." + table.mirrorTable())) {
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(rs, i + 1, columns.get(i));
                }
                rows.put(table.keyString(row), canonicalRow(row));
            }
        }
        return rows;
    }

    private static Object value(ResultSet rs, int index, Column column) throws SQLException {
        Object value = switch (column.type()) {
            case TEXT -> rs.getString(index);
            case INT -> rs.getInt(index);
            case BIGINT -> rs.getLong(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                yield time == null ? null : (Instant) time.toInstant();
            }
        };
        return rs.wasNull() ? null : value;
    }

    /** Ledger rows (typed, aligned with the table's columns) in the same canonical form. */
    public static Map<String, String> canonical(MirrorTable table, Map<String, Object[]> ledgerRows) {
        Map<String, String> rows = new TreeMap<>();
        ledgerRows.forEach((key, row) -> rows.put(table.keyString(row), canonicalRow(row)));
        return rows;
    }
}
