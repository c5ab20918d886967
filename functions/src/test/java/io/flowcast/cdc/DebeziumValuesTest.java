package io.flowcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each default Debezium encoding, as JsonConverter writes field schema and value. */
class DebeziumValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static Object decode(ColumnType type, String value, String schema) throws Exception {
        return DebeziumValues.decode(type, json(value), json(schema));
    }

    @Test
    void preciseDecimalIsBase64UnscaledBytesWithTheScaleInTheSchema() throws Exception {
        String numeric12x3 = "{\"type\":\"bytes\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"version\":1,\"parameters\":{\"scale\":\"3\",\"connect.decimal.precision\":\"12\"},\"field\":\"quantidade\"}";
        // 3.500 -> unscaled 3500 = 0x0DAC
        assertThat(decode(ColumnType.DECIMAL, "\"Daw=\"", numeric12x3)).isEqualTo(new BigDecimal("3.500"));
        // -1.000 -> unscaled -1000 = 0xFC18 (two's complement)
        assertThat(decode(ColumnType.DECIMAL, "\"/Bg=\"", numeric12x3)).isEqualTo(new BigDecimal("-1.000"));
        // 0 -> a single zero byte
        assertThat(decode(ColumnType.DECIMAL, "\"AA==\"", numeric12x3)).isEqualTo(new BigDecimal("0.000"));
        // JsonConverter's decimal.format=NUMERIC writes a number instead
        assertThat(decode(ColumnType.DECIMAL, "3.5", numeric12x3)).isEqualTo(new BigDecimal("3.5"));
        assertThatThrownBy(() -> decode(ColumnType.DECIMAL, "\"not base64!\"", numeric12x3))
                .isInstanceOf(CdcDecoder.Invalid.class).hasMessageContaining("base64");
    }

    @Test
    void variableScaleDecimalIsAStructOfScaleAndBytes() throws Exception {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"scale\"},"
                + "{\"type\":\"bytes\",\"optional\":false,\"field\":\"value\"}],\"optional\":true,"
                + "\"name\":\"io.debezium.data.VariableScaleDecimal\",\"version\":1,"
                + "\"doc\":\"Variable scaled decimal\",\"field\":\"custo_padrao\"}";
        // 12.3456 -> unscaled 123456 = 0x01E240, scale 4
        assertThat(decode(ColumnType.DECIMAL, "{\"scale\":4,\"value\":\"AeJA\"}", schema)).isEqualTo(new BigDecimal("12.3456"));
        assertThatThrownBy(() -> decode(ColumnType.DECIMAL, "\"AeJA\"", schema)).isInstanceOf(CdcDecoder.Invalid.class);
    }

    @Test
    void dateIsEpochDays() throws Exception {
        String schema = "{\"type\":\"int32\",\"optional\":true,\"name\":\"io.debezium.time.Date\",\"version\":1,\"field\":\"data_entrega_prevista\"}";
        assertThat(decode(ColumnType.DATE, "20156", schema)).isEqualTo(LocalDate.of(2025, 3, 9));
        assertThat(decode(ColumnType.TIMESTAMP, "20156", schema)).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
    }

    @Test
    void timestampPrecisionsAreMillisMicrosAndNanosOfALocalDateTime() throws Exception {
        Instant at = Instant.parse("2025-03-08T10:15:30.123456Z");
        String millis = "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.Timestamp\",\"version\":1,\"field\":\"t\"}";
        String micros = "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.MicroTimestamp\",\"version\":1,\"field\":\"t\"}";
        String nanos = "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.NanoTimestamp\",\"version\":1,\"field\":\"t\"}";
        assertThat(decode(ColumnType.TIMESTAMP, "1741428930123", millis)).isEqualTo(Instant.parse("2025-03-08T10:15:30.123Z"));
        assertThat(decode(ColumnType.TIMESTAMP, "1741428930123456", micros)).isEqualTo(at);
        assertThat(decode(ColumnType.TIMESTAMP, "1741428930123456789", nanos)).isEqualTo(Instant.parse("2025-03-08T10:15:30.123456789Z"));
        // before 1970: floor division keeps the instant right
        assertThat(decode(ColumnType.TIMESTAMP, "-1", micros)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThatThrownBy(() -> decode(ColumnType.TIMESTAMP, "\"2025-03-08\"", micros)).isInstanceOf(CdcDecoder.Invalid.class);
    }

    @Test
    void zonedTimestampIsAnIsoStringWithOffset() throws Exception {
        String schema = "{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.ZonedTimestamp\",\"version\":1,\"field\":\"data_compra\"}";
        assertThat(decode(ColumnType.TIMESTAMP, "\"2025-03-08T10:15:30.5Z\"", schema)).isEqualTo(Instant.parse("2025-03-08T10:15:30.500Z"));
        assertThat(decode(ColumnType.TIMESTAMP, "\"2025-03-08T07:15:30-03:00\"", schema)).isEqualTo(Instant.parse("2025-03-08T10:15:30Z"));
        assertThatThrownBy(() -> decode(ColumnType.TIMESTAMP, "\"yesterday\"", schema)).isInstanceOf(CdcDecoder.Invalid.class);
    }

    @Test
    void timesOfDayAreMillisMicrosOrNanosAndReadAsIsoText() throws Exception {
        String micro = "{\"type\":\"int64\",\"optional\":true,\"name\":\"io.debezium.time.MicroTime\",\"version\":1,\"field\":\"hora\"}";
        String milli = "{\"type\":\"int32\",\"optional\":true,\"name\":\"io.debezium.time.Time\",\"version\":1,\"field\":\"hora\"}";
        String zoned = "{\"type\":\"string\",\"optional\":true,\"name\":\"io.debezium.time.ZonedTime\",\"version\":1,\"field\":\"hora\"}";
        assertThat(decode(ColumnType.TEXT, "36930123456", micro)).isEqualTo("10:15:30.123456");
        assertThat(decode(ColumnType.TEXT, "36930123", milli)).isEqualTo("10:15:30.123");
        assertThat(decode(ColumnType.TEXT, "\"07:15:30-03:00\"", zoned)).isEqualTo("10:15:30");
        assertThatThrownBy(() -> decode(ColumnType.TIMESTAMP, "36930123456", micro))
                .isInstanceOf(CdcDecoder.Invalid.class).hasMessageContaining("as TIMESTAMP");
        assertThatThrownBy(() -> decode(ColumnType.TEXT, "99999999999999", micro))
                .isInstanceOf(CdcDecoder.Invalid.class).hasMessageContaining("out of range");
    }

    @Test
    void plainConnectTypesDecodeByType() throws Exception {
        assertThat(decode(ColumnType.INT, "7", "{\"type\":\"int32\",\"optional\":false,\"field\":\"item\"}")).isEqualTo(7);
        assertThat(decode(ColumnType.INT, "7", "{\"type\":\"int16\",\"optional\":false,\"field\":\"item\"}")).isEqualTo(7);
        assertThat(decode(ColumnType.BIGINT, "42", "{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"}")).isEqualTo(42L);
        assertThat(decode(ColumnType.BIGINT, "42", "{\"type\":\"int32\",\"optional\":false,\"field\":\"id\"}")).isEqualTo(42L);
        assertThat(decode(ColumnType.DECIMAL, "42", "{\"type\":\"int64\",\"optional\":false,\"field\":\"q\"}")).isEqualTo(new BigDecimal(42));
        assertThat(decode(ColumnType.BOOLEAN, "true", "{\"type\":\"boolean\",\"optional\":true,\"field\":\"ativo\"}")).isEqualTo(true);
        assertThat(decode(ColumnType.TEXT, "\"P1\"", "{\"type\":\"string\",\"optional\":false,\"field\":\"codigo_produto\"}")).isEqualTo("P1");
        // A value that contradicts its own schema is a wrong type, not a guess.
        assertThatThrownBy(() -> decode(ColumnType.INT, "\"7\"", "{\"type\":\"int32\",\"field\":\"item\"}")).isInstanceOf(CdcDecoder.Invalid.class);
        assertThatThrownBy(() -> decode(ColumnType.INT, "3000000000", "{\"type\":\"int64\",\"field\":\"item\"}")).isInstanceOf(CdcDecoder.Invalid.class);
        assertThatThrownBy(() -> decode(ColumnType.BOOLEAN, "1", "{\"type\":\"int16\",\"field\":\"ativo\"}")).isInstanceOf(CdcDecoder.Invalid.class);
    }
}
