package io.flowcast.generator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An applier written independently of the generator: it sees only the encoded messages, decodes
 * them strictly against {@link MirrorTable}, and upserts/deletes rows. Tests compare its result
 * with the ledger.
 */
final class CdcReplay {
    static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    final Map<MirrorTable, Map<String, Object[]>> rows = new EnumMap<>(MirrorTable.class);

    CdcReplay() {
        for (MirrorTable table : MirrorTable.values()) {
            rows.put(table, new HashMap<>());
        }
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies one good, non-tombstone message. */
    void apply(GeneratedMessage message) {
        MirrorTable table = MirrorTable.forTopic(message.topic()).orElseThrow();
        JsonNode envelope = parse(message.value());
        String op = envelope.get("op").asText();
        Object[] before = decode(table, envelope.get("before"));
        Object[] after = decode(table, envelope.get("after"));
        Map<String, Object[]> byKey = rows.get(table);
        switch (op) {
            case "r", "c" -> {
                if (byKey.put(table.keyString(after), after) != null) {
                    throw new AssertionError("insert of an existing key " + table.keyString(after));
                }
            }
            case "u" -> {
                String key = table.keyString(after);
                Object[] current = byKey.get(key);
                if (current == null || !rowsEqual(current, before)) {
                    throw new AssertionError("update before image differs from current row " + key);
                }
                byKey.put(key, after);
            }
            case "d" -> {
                if (byKey.remove(table.keyString(before)) == null) {
                    throw new AssertionError("delete of a missing key " + table.keyString(before));
                }
            }
            default -> throw new AssertionError("op " + op);
        }
    }

    /** Decodes an image to a row of the documented Java types; null for a JSON null image. */
    static Object[] decode(MirrorTable table, JsonNode image) {
        if (image == null || image.isNull()) {
            return null;
        }
        List<Column> columns = table.columns();
        if (image.size() != columns.size()) {
            throw new AssertionError("image has " + image.size() + " fields, table " + columns.size());
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            JsonNode node = image.get(column.source());
            if (node == null) {
                throw new AssertionError("missing field " + column.source());
            }
            if (node.isNull()) {
                if (column.required()) {
                    throw new AssertionError("null required field " + column.source());
                }
                continue;
            }
            row[i] = switch (column.type()) {
                case TEXT -> requireThat(node.isTextual(), node, column).asText();
                case INT -> requireThat(node.isInt(), node, column).intValue();
                case BIGINT -> requireThat(node.isIntegralNumber(), node, column).longValue();
                case DECIMAL -> requireThat(node.isNumber(), node, column).decimalValue();
                case BOOLEAN -> requireThat(node.isBoolean(), node, column).booleanValue();
                case DATE -> LocalDate.parse(requireThat(node.isTextual(), node, column).asText());
                case TIMESTAMP -> Instant.parse(requireThat(node.isTextual(), node, column).asText());
            };
            if (column.nonNegative() && row[i] instanceof BigDecimal d && d.signum() < 0) {
                throw new AssertionError("negative " + column.source());
            }
        }
        return row;
    }

    private static JsonNode requireThat(boolean ok, JsonNode node, Column column) {
        if (!ok) {
            throw new AssertionError("wrong JSON type for " + column.source() + ": " + node);
        }
        return node;
    }

    /** Equality with BigDecimals compared by value. */
    static boolean rowsEqual(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof BigDecimal x && b[i] instanceof BigDecimal y) {
                if (x.compareTo(y) != 0) {
                    return false;
                }
            } else if (a[i] == null ? b[i] != null : !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }
}
