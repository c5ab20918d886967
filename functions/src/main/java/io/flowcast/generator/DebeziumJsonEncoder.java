package io.flowcast.generator;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes Debezium JSON envelopes (schemas disabled) for rows aligned with {@link
 * MirrorTable#columns()}.
 *
 * <p>Hand-written rather than through a Jackson tree: the generator must encode hundreds of
 * thousands of messages per second, and a reused {@link StringBuilder} with a fixed field order
 * is several times faster than building nodes. Decimals are JSON numbers in plain notation (the
 * scale is kept, e.g. {@code 12.000}), timestamps ISO-8601 UTC strings, dates {@code yyyy-MM-dd}.
 *
 * <p>Not thread-safe: one instance per producing thread.
 */
public final class DebeziumJsonEncoder {
    public static final String CONNECTOR_VERSION = "2.7.0.Final";
    public static final String CONNECTOR = "hadoop-dw";
    /** Debezium {@code topic.prefix}, also {@code source.name}. */
    public static final String SERVER_NAME = "castrolanda";
    public static final String DATABASE = "castrolanda";

    /** A field with this value is left out of the image (bad events that drop a field). */
    static final Object ABSENT = new Object();

    /** JSON text written verbatim (bad events that put a wrong JSON type into a field). */
    record RawJson(String json) {}

    private final StringBuilder buffer = new StringBuilder(1024);

    /** Key JSON of a row: its natural-key columns, e.g. {@code {"numero_pedido":"PV1","item":1}}. */
    public byte[] encodeKey(MirrorTable table, Object[] row) {
        StringBuilder sb = buffer;
        sb.setLength(0);
        sb.append('{');
        List<Column> columns = table.columns();
        boolean first = true;
        for (int index : table.keyIndexes()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendString(sb, columns.get(index).source());
            sb.append(':');
            appendValue(sb, row[index]);
        }
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Value envelope of a change to one of the mirrored tables. */
    public byte[] encodeValue(
            MirrorTable table, ChangeOp op, Object[] before, Object[] after, long sourceTsMs, long lsn, long tsMs) {
        return encodeValue(table.sourceSchema(), table.sourceTable(), table.columns(), op.code(), before, after,
                sourceTsMs, lsn, tsMs);
    }

    /**
     * Value envelope with every part given explicitly: lets bad events name an unknown table or an
     * unknown op with the same layout as good ones.
     */
    public byte[] encodeValue(
            String schema,
            String tableName,
            List<Column> columns,
            String op,
            Object[] before,
            Object[] after,
            long sourceTsMs,
            long lsn,
            long tsMs) {
        StringBuilder sb = buffer;
        sb.setLength(0);
        sb.append("{\"before\":");
        appendImage(sb, columns, before);
        sb.append(",\"after\":");
        appendImage(sb, columns, after);
        sb.append(",\"source\":{\"version\":\"").append(CONNECTOR_VERSION)
                .append("\",\"connector\":\"").append(CONNECTOR)
                .append("\",\"name\":\"").append(SERVER_NAME)
                .append("\",\"ts_ms\":").append(sourceTsMs)
                .append(",\"db\":\"").append(DATABASE)
                .append("\",\"schema\":");
        appendString(sb, schema);
        sb.append(",\"table\":");
        appendString(sb, tableName);
        sb.append(",\"lsn\":").append(lsn).append("},\"op\":");
        appendString(sb, op);
        sb.append(",\"ts_ms\":").append(tsMs).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendImage(StringBuilder sb, List<Column> columns, Object[] row) {
        if (row == null) {
            sb.append("null");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            Object value = row[i];
            if (value == ABSENT) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendString(sb, columns.get(i).source());
            sb.append(':');
            appendValue(sb, value);
        }
        sb.append('}');
    }

    private static void appendValue(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            appendString(sb, s);
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Instant instant) {
            sb.append('"').append(instant).append('"');
        } else if (value instanceof LocalDate date) {
            sb.append('"').append(date).append('"');
        } else if (value instanceof RawJson raw) {
            sb.append(raw.json());
        } else {
            throw new IllegalArgumentException("unsupported column value " + value.getClass());
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
