package io.flowcast.cdc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The fast path of {@link CdcDecoder}: reads a Debezium envelope with Jackson's streaming parser
 * straight into a typed row, without building a JSON tree (tree parsing was the largest single
 * cost of decoding). It handles what a valid plain-JSON message looks like (an envelope whose
 * images hold exactly the contract's fields, scalar values of the expected JSON types) and gives
 * up, returning null, at anything else: a JsonConverter schema (its values need it), a field
 * outside the contract or one missing (schema drift), a missing key or required value, an
 * unexpected type, malformed JSON. The decoder then
 * decodes the message again on its tree path, which owns every rejection and its wording, so both
 * paths accept exactly the same messages with the same rows.
 *
 * <p>Not thread-safe: one instance per decoder.
 */
final class StreamingEnvelopeReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int BEFORE = 0;
    private static final int AFTER = 1;

    /** What the envelope says, once read. */
    static final class Envelope {
        char op;
        Object[] row;
        long sourceTsMillis;
        String lsn;
    }

    private final Envelope envelope = new Envelope();

    /**
     * The envelope of a valid-looking message of {@code table} (reused between calls), or null when
     * the tree path must decide.
     *
     * @param fallbackTs the Kafka record's timestamp (when neither {@code source.ts_ms} nor {@code ts_ms} is there)
     */
    Envelope read(byte[] value, MirrorTable table, long fallbackTs) {
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Envelope e = readEnvelope(p, table, fallbackTs, true);
            return e != null && p.nextToken() == null ? e : null;
        } catch (IOException | RuntimeException unexpected) {
            return null;
        }
    }

    private Envelope readEnvelope(JsonParser p, MirrorTable table, long fallbackTs, boolean topLevel) throws IOException {
        Object[][] images = new Object[2][];
        int[] fieldsSeen = new int[2];
        String op = null;
        Long sourceTs = null;
        Long envelopeTs = null;
        String lsn = null;
        Envelope payload = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "op" -> op = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "before", "after" -> {
                    // A later duplicate replaces an earlier one, as in the tree.
                    int image = field.equals("after") ? AFTER : BEFORE;
                    if (t == JsonToken.START_OBJECT) {
                        images[image] = readRow(p, table);
                        fieldsSeen[image] = lastFieldsSeen;
                        if (images[image] == null) {
                            return null;
                        }
                    } else if (t == JsonToken.VALUE_NULL) {
                        images[image] = null;
                    } else {
                        return null;
                    }
                }
                case "source" -> {
                    if (t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String sourceField = p.currentName();
                        JsonToken v = p.nextToken();
                        if (sourceField.equals("ts_ms") && v == JsonToken.VALUE_NUMBER_INT) {
                            sourceTs = p.getLongValue();
                        } else if (sourceField.equals("lsn")) {
                            if (v == JsonToken.VALUE_STRING
                                    || (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER)) {
                                lsn = p.getText();
                            } else if (v == JsonToken.VALUE_NULL) {
                                lsn = null;
                            } else {
                                return null;
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "ts_ms" -> envelopeTs = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "schema" -> {
                    // JsonConverter with schemas: values are typed by the schema (Debezium's precise
                    // decimals as base64 bytes, micro/nano timestamps, epoch-day dates) and only the
                    // tree path reads them with it.
                    return null;
                }
                case "payload" -> {
                    if (!topLevel || t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    payload = readEnvelope(p, table, fallbackTs, false);
                    if (payload == null) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (payload != null || op == null || op.length() != 1) {
            return null;
        }
        char c = op.charAt(0);
        Object[] row;
        switch (c) {
            case 'c', 'u', 'r' -> row = images[AFTER];
            case 'd' -> row = images[BEFORE];
            default -> {
                return null;
            }
        }
        // An upsert image without every contract field is schema drift: the tree path reports it.
        if (row == null || !complete(table, row, c == 'd') || (c != 'd' && fieldsSeen[AFTER] != table.columns().size())) {
            return null;
        }
        envelope.op = c;
        envelope.row = row;
        envelope.sourceTsMillis = sourceTs != null ? sourceTs : envelopeTs != null ? envelopeTs : fallbackTs;
        envelope.lsn = lsn;
        return envelope;
    }

    /** Key columns present; for an upsert also every required column. */
    private static boolean complete(MirrorTable table, Object[] row, boolean delete) {
        List<Column> columns = table.columns();
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            if (row[i] == null && (column.key() || (column.required() && !delete))) {
                return false;
            }
        }
        return true;
    }

    /** How many distinct contract fields the last {@link #readRow} saw. */
    private int lastFieldsSeen;

    /** The row, or null at a value this path does not convert (the tree path will say why, or take it). */
    private Object[] readRow(JsonParser p, MirrorTable table) throws IOException {
        List<Column> columns = table.columns();
        Object[] row = new Object[columns.size()];
        long seen = 0L; // bit i: column i was in the image
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int index = table.indexOfSource(p.currentName());
            JsonToken t = p.nextToken();
            if (index < 0 || index >= Long.SIZE) {
                return null; // a field outside the contract: schema drift, which the tree path reports
            }
            seen |= 1L << index;
            if (t == JsonToken.VALUE_NULL) {
                row[index] = null;
                continue;
            }
            Object value = convert(columns.get(index).type(), t, p);
            if (value == null) {
                return null;
            }
            row[index] = value;
        }
        lastFieldsSeen = Long.bitCount(seen);
        return row;
    }

    /** As {@code CdcDecoder.convert} for the JSON types that path accepts; null otherwise. */
    private static Object convert(ColumnType type, JsonToken t, JsonParser p) throws IOException {
        switch (type) {
            case TEXT:
                return t == JsonToken.VALUE_STRING ? p.getText() : null;
            case INT:
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                return null;
            case BIGINT:
                if (t == JsonToken.VALUE_NUMBER_INT
                        && (p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG)) {
                    return p.getLongValue();
                }
                return null;
            case DECIMAL:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    return p.getDecimalValue();
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    // As Jackson's tree does (STRIP_TRAILING_BIGDECIMAL_ZEROES): 3.500 -> 3.5, 0.0 -> 0.
                    BigDecimal d = p.getDecimalValue();
                    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
                }
                if (t == JsonToken.VALUE_STRING) {
                    try {
                        return new BigDecimal(p.getText().trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            case BOOLEAN:
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    return t == JsonToken.VALUE_TRUE;
                }
                return null;
            case DATE:
                if (t == JsonToken.VALUE_STRING) {
                    return IsoTimes.date(p.getText());
                }
                return null;
            case TIMESTAMP:
                if (t == JsonToken.VALUE_STRING) {
                    return IsoTimes.instant(p.getText());
                }
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return Instant.ofEpochMilli(p.getLongValue());
                }
                return null;
            default:
                return null;
        }
    }
}
