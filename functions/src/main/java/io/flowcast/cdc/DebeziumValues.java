package io.flowcast.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import io.flowcast.records.DeadLetterReason;

/**
 * The value-decoding layer for messages written by Kafka Connect's JsonConverter with schemas:
 * how one field's JSON value plus its Connect/Debezium field schema become a Java value of the
 * contract's {@link ColumnType}.
 *
 * <p>Debezium's defaults ({@code decimal.handling.mode=precise}, {@code time.precision.mode=adaptive})
 * encode by the <em>schema</em>, not by the JSON type: a DECIMAL is base64 two's-complement bytes
 * whose scale is only in the schema's {@code parameters}; an unconstrained {@code numeric} is a
 * {@code VariableScaleDecimal} struct {@code {scale, value}}; a {@code timestamp(6)} is an int64 of
 * epoch <em>micro</em>seconds that a schema-less reader would take for millis. Reading these
 * without the schema silently yields wrong values, so whenever the message carries a schema the
 * decoder comes here; schema-less messages keep the lenient reading in {@link CdcDecoder}.
 *
 * <p>Semantic schema names handled (the value's JSON type in brackets):
 * {@code org.apache.kafka.connect.data.Decimal} [base64 bytes, or a number when the converter's
 * {@code decimal.format=NUMERIC}], {@code io.debezium.data.VariableScaleDecimal} [struct],
 * {@code io.debezium.time.Date} and {@code org.apache.kafka.connect.data.Date} [int32 epoch days],
 * {@code io.debezium.time.Time} / {@code MicroTime} / {@code NanoTime} and Connect's {@code Time}
 * [ms / µs / ns of the day], {@code io.debezium.time.Timestamp} / {@code MicroTimestamp} /
 * {@code NanoTimestamp} and Connect's {@code Timestamp} [epoch ms / µs / ns of a local date-time,
 * taken as UTC like the contract's ISO local date-times], {@code io.debezium.time.ZonedTimestamp}
 * and {@code ZonedTime} [ISO-8601 strings]. Fields without a semantic name decode by their Connect
 * type (int8..int64, float32/64, boolean, string).
 */
public final class DebeziumValues {

    static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
    static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    static final String DATE = "io.debezium.time.Date";
    static final String CONNECT_DATE = "org.apache.kafka.connect.data.Date";
    static final String TIME = "io.debezium.time.Time";
    static final String MICRO_TIME = "io.debezium.time.MicroTime";
    static final String NANO_TIME = "io.debezium.time.NanoTime";
    static final String CONNECT_TIME = "org.apache.kafka.connect.data.Time";
    static final String TIMESTAMP = "io.debezium.time.Timestamp";
    static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    static final String CONNECT_TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
    static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    static final String ZONED_TIME = "io.debezium.time.ZonedTime";

    private DebeziumValues() {}

    /**
     * The field schemas of the {@code before}/{@code after} struct in a JsonConverter envelope
     * schema, by field name; null when the envelope schema does not describe that image (then the
     * schema-less reading applies).
     */
    static Map<String, JsonNode> imageFieldSchemas(JsonNode envelopeSchema, String image) {
        if (envelopeSchema == null) {
            return null;
        }
        JsonNode fields = envelopeSchema.get("fields");
        if (fields == null || !fields.isArray()) {
            return null;
        }
        for (JsonNode field : fields) {
            if (image.equals(field.path("field").asText())) {
                JsonNode imageFields = field.get("fields");
                if (imageFields == null || !imageFields.isArray()) {
                    return null;
                }
                Map<String, JsonNode> byName = new HashMap<>(imageFields.size() * 2);
                for (JsonNode imageField : imageFields) {
                    byName.put(imageField.path("field").asText(), imageField);
                }
                return byName;
            }
        }
        return null;
    }

    /**
     * Decodes one non-null field value by its schema into the Java type of {@code type}.
     *
     * @throws CdcDecoder.Invalid with {@link DeadLetterReason#WRONG_TYPE} when the value does not
     *     match its schema or the schema's logical type cannot be read as {@code type}
     */
    static Object decode(ColumnType type, JsonNode value, JsonNode fieldSchema) throws CdcDecoder.Invalid {
        Object logical;
        try {
            logical = logicalValue(value, fieldSchema);
        } catch (java.time.DateTimeException | ArithmeticException outOfRange) {
            throw wrongType(describe(fieldSchema) + " " + abbreviate(value) + " is out of range");
        }
        Object coerced = coerce(type, logical);
        if (coerced == null) {
            throw wrongType("cannot read " + describe(fieldSchema) + " " + abbreviate(value) + " as " + type);
        }
        return coerced;
    }

    /** The value as its schema means it: BigDecimal, Integer, Long, Double, Boolean, String, LocalDate, LocalTime or Instant. */
    static Object logicalValue(JsonNode value, JsonNode fieldSchema) throws CdcDecoder.Invalid {
        String name = fieldSchema.path("name").asText(null);
        if (name != null) {
            switch (name) {
                case DECIMAL:
                    return decimal(value, scaleParameter(fieldSchema));
                case VARIABLE_SCALE_DECIMAL:
                    if (!value.isObject() || !value.path("scale").canConvertToInt()) {
                        throw wrongType("VariableScaleDecimal needs {scale, value}, got " + abbreviate(value));
                    }
                    return decimal(value.get("value"), value.get("scale").intValue());
                case DATE:
                case CONNECT_DATE:
                    return LocalDate.ofEpochDay(integral(value, name));
                case TIME:
                case CONNECT_TIME:
                    return LocalTime.ofNanoOfDay(Math.multiplyExact(integral(value, name), 1_000_000L));
                case MICRO_TIME:
                    return LocalTime.ofNanoOfDay(Math.multiplyExact(integral(value, name), 1_000L));
                case NANO_TIME:
                    return LocalTime.ofNanoOfDay(integral(value, name));
                case TIMESTAMP:
                case CONNECT_TIMESTAMP:
                    return Instant.ofEpochMilli(integral(value, name));
                case MICRO_TIMESTAMP:
                    long micros = integral(value, name);
                    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
                case NANO_TIMESTAMP:
                    long nanos = integral(value, name);
                    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
                case ZONED_TIMESTAMP:
                    try {
                        return OffsetDateTime.parse(text(value, name)).toInstant();
                    } catch (DateTimeParseException e) {
                        throw wrongType("ZonedTimestamp " + abbreviate(value) + " is not ISO-8601");
                    }
                case ZONED_TIME:
                    try {
                        // A time of day with an offset: normalised to UTC, as the contract's times are.
                        return OffsetTime.parse(text(value, name)).withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalTime();
                    } catch (DateTimeParseException e) {
                        throw wrongType("ZonedTime " + abbreviate(value) + " is not ISO-8601");
                    }
                default:
                    // Other semantic types (Json, Uuid, Enum, Xml...) are carried by their base type.
                    break;
            }
        }
        String connectType = fieldSchema.path("type").asText("");
        switch (connectType) {
            case "int8":
            case "int16":
            case "int32":
                if (value.isIntegralNumber() && value.canConvertToInt()) {
                    return value.intValue();
                }
                break;
            case "int64":
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    return value.longValue();
                }
                break;
            case "float32":
            case "float64":
                if (value.isNumber()) {
                    return value.decimalValue();
                }
                break;
            case "boolean":
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            case "string":
                if (value.isTextual()) {
                    return value.textValue();
                }
                break;
            default:
                break;
        }
        throw wrongType("expected " + describe(fieldSchema) + ", got " + value.getNodeType() + " " + abbreviate(value));
    }

    /** The logical value as the contract's type, or null when it cannot stand for one. */
    static Object coerce(ColumnType type, Object logical) {
        switch (type) {
            case TEXT:
                return logical instanceof String || logical instanceof LocalTime ? logical.toString() : null;
            case INT:
                if (logical instanceof Integer) {
                    return logical;
                }
                if (logical instanceof Long l && l == l.intValue()) {
                    return l.intValue();
                }
                return null;
            case BIGINT:
                return logical instanceof Integer || logical instanceof Long ? ((Number) logical).longValue() : null;
            case DECIMAL:
                if (logical instanceof BigDecimal) {
                    return logical;
                }
                return logical instanceof Integer || logical instanceof Long ? BigDecimal.valueOf(((Number) logical).longValue()) : null;
            case BOOLEAN:
                return logical instanceof Boolean ? logical : null;
            case DATE:
                return logical instanceof LocalDate ? logical : null;
            case TIMESTAMP:
                if (logical instanceof Instant) {
                    return logical;
                }
                return logical instanceof LocalDate date ? date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : null;
            default:
                return null;
        }
    }

    private static BigDecimal decimal(JsonNode value, int scale) throws CdcDecoder.Invalid {
        if (value == null) {
            throw wrongType("decimal without a value");
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isTextual()) {
            throw wrongType("decimal bytes must be a base64 string, got " + value.getNodeType());
        }
        byte[] unscaled;
        try {
            unscaled = Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw wrongType("decimal bytes " + abbreviate(value) + " are not base64");
        }
        if (unscaled.length == 0) {
            throw wrongType("decimal bytes are empty");
        }
        // Connect's Decimal: the unscaled value as big-endian two's complement.
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private static int scaleParameter(JsonNode fieldSchema) throws CdcDecoder.Invalid {
        JsonNode scale = fieldSchema.path("parameters").get("scale");
        if (scale == null) {
            throw wrongType("Decimal schema without a scale parameter");
        }
        try {
            return scale.isIntegralNumber() ? scale.intValue() : Integer.parseInt(scale.asText().trim());
        } catch (NumberFormatException e) {
            throw wrongType("Decimal scale parameter " + scale + " is not an integer");
        }
    }

    private static long integral(JsonNode value, String name) throws CdcDecoder.Invalid {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw wrongType(name + " needs an integer, got " + value.getNodeType() + " " + abbreviate(value));
    }

    private static String text(JsonNode value, String name) throws CdcDecoder.Invalid {
        if (value.isTextual()) {
            return value.textValue();
        }
        throw wrongType(name + " needs a string, got " + value.getNodeType() + " " + abbreviate(value));
    }

    private static String describe(JsonNode fieldSchema) {
        String name = fieldSchema.path("name").asText(null);
        return fieldSchema.path("type").asText("?") + (name == null ? "" : " (" + name + ")");
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static CdcDecoder.Invalid wrongType(String message) {
        return new CdcDecoder.Invalid(DeadLetterReason.WRONG_TYPE, message);
    }
}
