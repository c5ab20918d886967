package io.flowcast.cdc;

import io.flowcast.records.DeadLetterReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Decodes and validates Debezium JSON change events against {@link MirrorTable}.
 *
 * <p>Accepts the plain envelope ({@code before, after, op, source, ts_ms}) and the envelope wrapped
 * by Kafka Connect's JsonConverter with schemas enabled ({@code {"schema":..,"payload":{..}}}).
 * Every message yields exactly one {@link DecodeResult}; nothing throws and nothing is dropped.
 *
 * <p>Validation is deterministic: "future" is measured against the envelope's source commit time,
 * not the wall clock, so replaying a message after a restart rejects or accepts it the same way.
 *
 * <p>Not thread-safe (reuses a Jackson reader); one instance per operator subtask.
 */
public final class CdcDecoder {

    /** Dead-letter payloads are truncated to this many characters (the byte size is kept). */
    public static final int DEFAULT_MAX_PAYLOAD_CHARS = 64 * 1024;

    /** Debezium's default {@code heartbeat.topics.prefix}. */
    static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat.";
    /** Debezium's transaction-metadata topic is {@code <topic.prefix>.transaction}. */
    static final String TRANSACTION_TOPIC_SUFFIX = ".transaction";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String job;
    private final long maxFutureSkewMillis;
    private final int maxPayloadChars;
    private final StreamingEnvelopeReader fastPath;

    public CdcDecoder(String job, Duration maxFutureSkew) {
        this(job, maxFutureSkew, DEFAULT_MAX_PAYLOAD_CHARS);
    }

    public CdcDecoder(String job, Duration maxFutureSkew, int maxPayloadChars) {
        this(job, maxFutureSkew, maxPayloadChars, new StreamingEnvelopeReader());
    }

    /** The decoder without its streaming fast path (tests compare both paths). */
    static CdcDecoder treeOnly(String job, Duration maxFutureSkew) {
        return new CdcDecoder(job, maxFutureSkew, DEFAULT_MAX_PAYLOAD_CHARS, null);
    }

    private CdcDecoder(String job, Duration maxFutureSkew, int maxPayloadChars, StreamingEnvelopeReader fastPath) {
        this.job = job;
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
        this.maxPayloadChars = maxPayloadChars;
        this.fastPath = fastPath;
    }

    public DecodeResult decode(CdcMessage message) {
        if (message.value() == null) {
            return new DecodeResult.Tombstone();
        }
        if (isDebeziumControlTopic(message.topic())) {
            return new DecodeResult.Ignored(message.topic());
        }
        try {
            return decodeChange(message);
        } catch (Invalid invalid) {
            return new DecodeResult.Rejected(deadLetter(message, invalid.reason, invalid.getMessage()));
        }
    }

    /**
     * Debezium's heartbeat topics ({@code __debezium-heartbeat.<prefix>}) and transaction-metadata
     * topic ({@code <prefix>.transaction}) carry no row changes; a topic pattern such as
     * {@code castrolanda\..*} matches the latter, so they are recognised by name and skipped.
     */
    public static boolean isDebeziumControlTopic(String topic) {
        return topic.startsWith(HEARTBEAT_TOPIC_PREFIX) || topic.endsWith(TRANSACTION_TOPIC_SUFFIX);
    }

    private DecodeResult.Change decodeChange(CdcMessage message) throws Invalid {
        MirrorTable known = fastPath == null ? null : MirrorTable.forTopic(message.topic()).orElse(null);
        StreamingEnvelopeReader.Envelope fast = known == null ? null : fastPath.read(message.value(), known, message.timestampMillis());
        if (fast != null) {
            if (fast.op != 'd') {
                validateBusinessRules(known, fast.row, fast.sourceTsMillis);
            }
            // The fast path takes only images with exactly the contract's fields: no drift to report.
            return new DecodeResult.Change(new MirrorChange(known, fast.op, fast.row, fast.sourceTsMillis, message.topic(),
                    message.partition(), message.offset(), message.timestampMillis(), fast.lsn), SchemaDrift.NONE);
        }
        // The tree path: anything the fast path did not take (schema-typed values, drift), and every rejection with its reason.
        JsonNode envelope = parse(message.value());
        JsonNode envelopeSchema = null;
        if (envelope.has("payload") && envelope.has("schema")) {
            envelopeSchema = envelope.get("schema");
            envelope = envelope.get("payload");
        }
        if (envelope == null || !envelope.isObject()) {
            throw new Invalid(DeadLetterReason.MALFORMED_ENVELOPE, "envelope is not a JSON object");
        }
        MirrorTable table =
                MirrorTable.forTopic(message.topic())
                        .orElseThrow(
                                () -> new Invalid(DeadLetterReason.UNKNOWN_TABLE, "no mirrored table for topic " + message.topic()));

        JsonNode opNode = envelope.get("op");
        char op = opNode != null && opNode.isTextual() && opNode.textValue().length() == 1 ? opNode.textValue().charAt(0) : '?';
        boolean delete;
        switch (op) {
            case 'c':
            case 'u':
            case 'r':
                delete = false;
                break;
            case 'd':
                delete = true;
                break;
            default:
                throw new Invalid(DeadLetterReason.UNKNOWN_OP, "op " + (opNode == null ? "missing" : opNode.toString()));
        }
        JsonNode image = envelope.get(delete ? "before" : "after");
        if (image == null || !image.isObject()) {
            throw new Invalid(
                    DeadLetterReason.MALFORMED_ENVELOPE,
                    "op " + op + " needs an object in '" + (delete ? "before" : "after") + "'");
        }

        JsonNode source = envelope.get("source");
        long sourceTs = longField(source, "ts_ms", longField(envelope, "ts_ms", message.timestampMillis()));
        String lsn = source != null && source.hasNonNull("lsn") ? source.get("lsn").asText() : null;

        Map<String, JsonNode> fieldSchemas = DebeziumValues.imageFieldSchemas(envelopeSchema, delete ? "before" : "after");
        Object[] row = readRow(table, image, fieldSchemas, delete);
        if (!delete) {
            validateBusinessRules(table, row, sourceTs);
        }
        MirrorChange change =
                new MirrorChange(table, op, row, sourceTs, message.topic(), message.partition(), message.offset(), message.timestampMillis(), lsn);
        // A delete's before-image may legitimately hold only the key (replica identity DEFAULT).
        return new DecodeResult.Change(change, delete ? SchemaDrift.NONE : SchemaDrift.of(table, image));
    }

    private static JsonNode parse(byte[] value) throws Invalid {
        try {
            JsonNode node = MAPPER.readTree(value);
            if (node == null || node.isMissingNode()) {
                throw new Invalid(DeadLetterReason.MALFORMED_JSON, "empty message");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Invalid(DeadLetterReason.MALFORMED_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(DeadLetterReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
        }
    }

    private static Object[] readRow(MirrorTable table, JsonNode image, Map<String, JsonNode> fieldSchemas, boolean delete)
            throws Invalid {
        List<Column> columns = table.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            JsonNode node = image.get(column.source());
            if (node == null || node.isNull()) {
                if (column.key()) {
                    throw new Invalid(DeadLetterReason.MISSING_KEY, "key column " + column.source() + " is missing");
                }
                if (column.required() && !delete) {
                    throw new Invalid(DeadLetterReason.MISSING_FIELD, "required column " + column.source() + " is missing");
                }
                continue;
            }
            try {
                JsonNode fieldSchema = fieldSchemas == null ? null : fieldSchemas.get(column.source());
                row[i] = fieldSchema == null ? convert(column.type(), node) : DebeziumValues.decode(column.type(), node, fieldSchema);
            } catch (Invalid wrongType) {
                // A delete's before-image only has to identify the row: a bad non-key field there
                // does not stop the delete.
                if (delete && !column.key()) {
                    continue;
                }
                throw new Invalid(DeadLetterReason.WRONG_TYPE, column.source() + ": " + wrongType.getMessage());
            }
        }
        return row;
    }

    private void validateBusinessRules(MirrorTable table, Object[] row, long sourceTs) throws Invalid {
        List<Column> columns = table.columns();
        boolean signedQuantity =
                table == MirrorTable.INVENTORY_TRANSACTIONS && "AJUSTE".equals(row[table.indexOfSource("tipo_movimentacao")]);
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            if (row[i] instanceof BigDecimal amount && amount.signum() < 0) {
                boolean quantityColumn = column.source().equals("quantidade");
                if (column.nonNegative() || (quantityColumn && !signedQuantity)) {
                    throw new Invalid(DeadLetterReason.NEGATIVE_QUANTITY, column.source() + " = " + amount.toPlainString());
                }
            }
        }
        switch (table) {
            case INVENTORY_TRANSACTIONS -> {
                Object type = row[table.indexOfSource("tipo_movimentacao")];
                if (!MirrorTable.TRANSACTION_TYPES.contains(type)) {
                    throw new Invalid(DeadLetterReason.INVALID_VALUE, "tipo_movimentacao = " + type);
                }
            }
            case SALES_ORDERS -> {
                Object region = row[table.indexOfSource("regiao")];
                if (!MirrorTable.REGIONS.contains(region)) {
                    throw new Invalid(DeadLetterReason.INVALID_VALUE, "regiao = " + region);
                }
                Object discount = row[table.indexOfSource("desconto")];
                if (discount != null && ((BigDecimal) discount).compareTo(BigDecimal.ONE) > 0) {
                    throw new Invalid(DeadLetterReason.INVALID_VALUE, "desconto = " + discount + " (must be a fraction in [0, 1])");
                }
            }
            default -> {}
        }
        Instant eventTime = (Instant) row[table.eventTimeIndex()];
        if (eventTime.toEpochMilli() - sourceTs > maxFutureSkewMillis) {
            throw new Invalid(
                    DeadLetterReason.FUTURE_TIMESTAMP,
                    table.columns().get(table.eventTimeIndex()).source() + " = " + eventTime
                            + " is after source commit time " + Instant.ofEpochMilli(sourceTs)
                            + " by more than " + Duration.ofMillis(maxFutureSkewMillis));
        }
    }

    static Object convert(ColumnType type, JsonNode node) throws Invalid {
        switch (type) {
            case TEXT:
                if (node.isTextual()) {
                    return node.textValue();
                }
                break;
            case INT:
                if (node.isIntegralNumber() && node.canConvertToInt()) {
                    return node.intValue();
                }
                if (node.isTextual()) {
                    try {
                        return Integer.valueOf(node.textValue().trim());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
                break;
            case BIGINT:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                if (node.isTextual()) {
                    try {
                        return Long.valueOf(node.textValue().trim());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
                break;
            case DECIMAL:
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                if (node.isTextual()) {
                    try {
                        return new BigDecimal(node.textValue().trim());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
                break;
            case BOOLEAN:
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                if (node.isIntegralNumber() && (node.intValue() == 0 || node.intValue() == 1)) {
                    return node.intValue() == 1;
                }
                break;
            case DATE:
                if (node.isTextual()) {
                    LocalDate fast = IsoTimes.date(node.textValue());
                    if (fast != null) {
                        return fast;
                    }
                    try {
                        return LocalDate.parse(node.textValue());
                    } catch (DateTimeParseException e) {
                        break;
                    }
                }
                if (node.isIntegralNumber()) {
                    return LocalDate.ofEpochDay(node.longValue());
                }
                break;
            case TIMESTAMP:
                if (node.isTextual()) {
                    Instant parsed = parseInstant(node.textValue());
                    if (parsed != null) {
                        return parsed;
                    }
                    break;
                }
                if (node.isIntegralNumber()) {
                    return Instant.ofEpochMilli(node.longValue());
                }
                break;
            default:
                break;
        }
        throw new Invalid(DeadLetterReason.WRONG_TYPE, "expected " + type + ", got " + describe(node));
    }

    private static Instant parseInstant(String text) {
        Instant fast = IsoTimes.instant(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return node.getNodeType() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static long longField(JsonNode parent, String field, long fallback) {
        if (parent == null) {
            return fallback;
        }
        JsonNode node = parent.get(field);
        return node != null && node.isIntegralNumber() ? node.longValue() : fallback;
    }

    private DeadLetter deadLetter(CdcMessage message, DeadLetterReason reason, String detail) {
        String payload = new String(message.value(), StandardCharsets.UTF_8);
        if (payload.length() > maxPayloadChars) {
            payload = payload.substring(0, maxPayloadChars);
        }
        // PostgreSQL text cannot hold NUL; keep the rest of the payload readable.
        payload = payload.replace('\u0000', '\uFFFD');
        String key = message.key() == null ? null : new String(message.key(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        return new DeadLetter(
                job,
                message.topic(),
                message.partition(),
                message.offset(),
                reason,
                detail,
                key,
                payload,
                message.value().length,
                message.timestampMillis());
    }

    /** A validation failure; carries its reason. Cheap: no stack trace. */
    static final class Invalid extends Exception {
        final DeadLetterReason reason;

        Invalid(DeadLetterReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
