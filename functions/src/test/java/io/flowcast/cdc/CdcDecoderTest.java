package io.flowcast.cdc;

import io.flowcast.records.DeadLetterReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CdcDecoderTest {

    private static final String TX_TOPIC = "castrolanda.inventory.transactions";
    private static final long COMMIT = Instant.parse("2025-03-10T12:00:00Z").toEpochMilli();

    private final CdcDecoder decoder = new CdcDecoder("test-job", Duration.ofHours(24));

    static String transaction(String overrides) {
        String base = "\"id_movimentacao\":42,\"codigo_produto\":\"P0001\",\"tipo_movimentacao\":\"SAIDA\","
                + "\"quantidade\":12.5,\"custo_unitario\":\"3.20\",\"data_movimentacao\":\"2025-03-08T10:15:30Z\","
                + "\"deposito\":\"CD-SP\",\"fornecedor\":null,\"cliente\":\"C9\",\"documento\":\"NF-1\"";
        return "{" + base + (overrides.isEmpty() ? "" : "," + overrides) + "}";
    }

    static String envelope(String op, String before, String after) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"op\":\"" + op + "\",\"source\":{\"ts_ms\":" + COMMIT
                + ",\"lsn\":123456,\"schema\":\"inventory\",\"table\":\"transactions\"},\"ts_ms\":" + (COMMIT + 5) + "}";
    }

    private static CdcMessage message(String topic, String value) {
        return new CdcMessage(topic, 3, 77L, COMMIT + 10, "{\"id_movimentacao\":42}".getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private MirrorChange decodeChange(String topic, String value) {
        DecodeResult result = decoder.decode(message(topic, value));
        assertThat(result).isInstanceOf(DecodeResult.Change.class);
        return ((DecodeResult.Change) result).change();
    }

    private DeadLetter decodeRejected(String topic, String value) {
        DecodeResult result = decoder.decode(message(topic, value));
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) result).deadLetter();
    }

    @Test
    void decodesAnInsertWithTypedValuesAndLineage() {
        MirrorChange change = decodeChange(TX_TOPIC, envelope("c", "null", transaction("")));

        assertThat(change.table()).isEqualTo(MirrorTable.INVENTORY_TRANSACTIONS);
        assertThat(change.op()).isEqualTo('c');
        assertThat(change.get("id_movimentacao")).isEqualTo(42L);
        assertThat(change.get("quantidade")).isEqualTo(new BigDecimal("12.5"));
        assertThat(change.get("custo_unitario")).isEqualTo(new BigDecimal("3.20"));
        assertThat(change.get("fornecedor")).isNull();
        assertThat(change.eventTime()).isEqualTo(Instant.parse("2025-03-08T10:15:30Z"));
        assertThat(change.sourceTsMillis()).isEqualTo(COMMIT);
        assertThat(change.lsn()).isEqualTo("123456");
        assertThat(change.partition()).isEqualTo(3);
        assertThat(change.offset()).isEqualTo(77L);
        assertThat(change.key()).isEqualTo("42");
        assertThat(MirrorTable.INVENTORY_TRANSACTIONS.valueTotal(change.row())).isEqualByComparingTo("40.000");
    }

    @Test
    void unwrapsJsonConverterEnvelopeWithSchema() {
        String wrapped = "{\"schema\":{\"type\":\"struct\"},\"payload\":" + envelope("u", transaction(""), transaction("")) + "}";
        assertThat(decodeChange(TX_TOPIC, wrapped).op()).isEqualTo('u');
    }

    @Test
    void deleteNeedsOnlyTheKeyOfTheBeforeImage() {
        MirrorChange change = decodeChange(TX_TOPIC, envelope("d", "{\"id_movimentacao\":42}", "null"));
        assertThat(change.isDelete()).isTrue();
        assertThat(change.key()).isEqualTo("42");
    }

    @Test
    void tombstoneIsNeitherChangeNorDeadLetter() {
        assertThat(decoder.decode(message(TX_TOPIC, null))).isInstanceOf(DecodeResult.Tombstone.class);
    }

    @Test
    void compositeKeyAndEpochMillisTimestampsAndEpochDayDates() {
        String purchase = "{\"numero_compra\":\"PC-1\",\"item\":2,\"codigo_produto\":\"P0002\",\"fornecedor\":\"F1\","
                + "\"quantidade\":\"100\",\"custo_unitario\":2.5,\"data_compra\":" + (COMMIT - 1000)
                + ",\"data_entrega_prevista\":20160,\"status\":\"ABERTA\"}";
        MirrorChange change = decodeChange("castrolanda.procurement.purchases", envelope("r", "null", purchase));
        assertThat(change.key()).isEqualTo("PC-1\u001f2");
        assertThat(change.get("data_compra")).isEqualTo(Instant.ofEpochMilli(COMMIT - 1000));
        assertThat(change.get("data_entrega_prevista")).isEqualTo(LocalDate.ofEpochDay(20160));
    }

    @Test
    void adjustmentsMayBeNegativeButShipmentsMayNot() {
        assertThat(decodeChange(TX_TOPIC, envelope("c", "null",
                transaction("\"tipo_movimentacao\":\"AJUSTE\",\"quantidade\":-3"))).get("quantidade"))
                .isEqualTo(new BigDecimal("-3"));
        DeadLetter rejected = decodeRejected(TX_TOPIC, envelope("c", "null", transaction("\"quantidade\":-3")));
        assertThat(rejected.reason()).isEqualTo(DeadLetterReason.NEGATIVE_QUANTITY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MALFORMED_JSON     | castrolanda.inventory.transactions | {\"before\":null,\"after\":{\"id_mov",
        "MALFORMED_ENVELOPE | castrolanda.inventory.transactions | [1,2,3]",
        "MALFORMED_ENVELOPE | castrolanda.inventory.transactions | {\"before\":null,\"after\":null,\"op\":\"c\"}",
        "UNKNOWN_TABLE      | castrolanda.inventory.unknown_table | {\"before\":null,\"after\":{},\"op\":\"c\"}",
        "UNKNOWN_OP         | castrolanda.inventory.transactions | {\"before\":null,\"after\":{},\"op\":\"x\"}",
        "UNKNOWN_OP         | castrolanda.inventory.transactions | {\"before\":null,\"after\":{}}",
    })
    void rejectsEnvelopeProblems(DeadLetterReason reason, String topic, String value) {
        DeadLetter deadLetter = decodeRejected(topic, value);
        assertThat(deadLetter.reason()).isEqualTo(reason);
        assertThat(deadLetter.job()).isEqualTo("test-job");
        assertThat(deadLetter.topic()).isEqualTo(topic);
        assertThat(deadLetter.offset()).isEqualTo(77L);
        assertThat(deadLetter.payload()).isEqualTo(value);
        assertThat(deadLetter.payloadBytes()).isEqualTo(value.getBytes(StandardCharsets.UTF_8).length);
        assertThat(deadLetter.detail()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "MISSING_KEY       | \"id_movimentacao\":null",
        "MISSING_FIELD     | \"deposito\":null",
        "WRONG_TYPE        | \"quantidade\":\"abc\"",
        "WRONG_TYPE        | \"quantidade\":{\"v\":1}",
        "WRONG_TYPE        | \"codigo_produto\":17",
        "WRONG_TYPE        | \"data_movimentacao\":\"next tuesday\"",
        "WRONG_TYPE        | \"id_movimentacao\":1.5",
        "NEGATIVE_QUANTITY | \"custo_unitario\":-0.01",
        "INVALID_VALUE     | \"tipo_movimentacao\":\"ROUBO\"",
        "FUTURE_TIMESTAMP  | \"data_movimentacao\":\"2025-03-12T12:00:01Z\"",
    })
    void rejectsRowProblems(DeadLetterReason reason, String override) {
        // Later keys win in Jackson, so the override replaces the base value.
        DeadLetter deadLetter = decodeRejected(TX_TOPIC, envelope("c", "null", transaction(override)));
        assertThat(deadLetter.reason()).as(deadLetter.detail()).isEqualTo(reason);
    }

    @Test
    void timestampJustInsideTheSkewIsAccepted() {
        decodeChange(TX_TOPIC, envelope("c", "null", transaction("\"data_movimentacao\":\"2025-03-11T12:00:00Z\"")));
    }

    @Test
    void salesRulesRegionAndDiscount() {
        String order = "{\"numero_pedido\":\"PV-9\",\"item\":1,\"codigo_produto\":\"P1\",\"regiao\":\"%s\",\"quantidade\":2,"
                + "\"preco_unitario\":10,\"desconto\":%s,\"data_pedido\":\"2025-03-01T09:00:00\"}";
        String topic = "castrolanda.sales.orders";
        MirrorChange ok = decodeChange(topic, envelope("c", "null", String.format(order, "GO", "0.25")));
        assertThat(MirrorTable.SALES_ORDERS.valueTotal(ok.row())).isEqualByComparingTo("15");
        assertThat(ok.eventTime()).as("local date-time is UTC").isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        assertThat(decodeRejected(topic, envelope("c", "null", String.format(order, "XX", "0"))).reason())
                .isEqualTo(DeadLetterReason.INVALID_VALUE);
        assertThat(decodeRejected(topic, envelope("c", "null", String.format(order, "SP", "1.5"))).reason())
                .isEqualTo(DeadLetterReason.INVALID_VALUE);
    }

    @Test
    void derivedFieldsUseIsoWeekdaysInUtc() {
        // 2025-03-08 is a Saturday.
        DerivedFields saturday = DerivedFields.of(Instant.parse("2025-03-08T23:59:59Z"));
        assertThat(saturday).isEqualTo(new DerivedFields(3, 1, 6, true));
        assertThat(DerivedFields.of(Instant.parse("2025-12-01T00:00:00Z"))).isEqualTo(new DerivedFields(12, 4, 1, false));
    }

    @Test
    void everyTableHasAResolvableTopicAndEventTimeColumn() {
        for (MirrorTable table : MirrorTable.values()) {
            assertThat(MirrorTable.forTopic(table.topic())).contains(table);
            assertThat(table.columns().get(table.eventTimeIndex()).type()).isEqualTo(ColumnType.TIMESTAMP);
            assertThat(table.keyIndexes()).isNotEmpty();
        }
    }

    @Test
    void theStreamingFastPathAndTheTreePathDecodeEveryGeneratedMessageAlike() {
        CdcDecoder tree = CdcDecoder.treeOnly("test-job", Duration.ofHours(24));
        var batch = new io.flowcast.generator.CdcGenerator(io.flowcast.generator.GeneratorConfig.builder()
                .seed(11L).products(2).weeks(3).badFraction(0.05).build()).generateAll();
        int changes = 0;
        int rejected = 0;
        long offset = 0;
        List<String> differences = new java.util.ArrayList<>();
        for (var m : batch.messages()) {
            CdcMessage message = new CdcMessage(m.topic(), 0, offset++, m.timestampMillis(), m.key(), m.value());
            DecodeResult fast = decoder.decode(message);
            DecodeResult slow = tree.decode(message);
            boolean same;
            if (fast instanceof DecodeResult.Change f && slow instanceof DecodeResult.Change t) {
                MirrorChange a = f.change();
                MirrorChange b = t.change();
                // Exact equality: BigDecimal scales included.
                same = java.util.Arrays.deepEquals(a.row(), b.row()) && a.table() == b.table() && a.op() == b.op()
                        && a.sourceTsMillis() == b.sourceTsMillis() && java.util.Objects.equals(a.lsn(), b.lsn());
                changes++;
            } else if (fast instanceof DecodeResult.Rejected r && slow instanceof DecodeResult.Rejected t) {
                same = r.deadLetter().equals(t.deadLetter());
                rejected++;
            } else {
                same = fast.getClass() == slow.getClass();
            }
            if (!same) {
                differences.add(offset + ": " + fast + " vs " + slow);
            }
        }
        assertThat(differences).isEmpty();
        assertThat(changes).isGreaterThan(200);
        assertThat(rejected).isPositive();
    }

    @Test
    void theFastPathKeepsDecimalsAsTheTreeDoesAndReadsTheWrappedEnvelope() {
        String value = envelope("c", "null", transaction("\"quantidade\":3.500,\"custo_unitario\":0.0"));
        MirrorChange change = decodeChange(TX_TOPIC, value);
        assertThat(change.get("quantidade")).isEqualTo(new BigDecimal("3.5"));
        assertThat(change.get("custo_unitario")).isEqualTo(BigDecimal.ZERO);
        assertThat(change.lsn()).isEqualTo("123456");
        MirrorChange wrapped = decodeChange(TX_TOPIC, "{\"schema\":{\"type\":\"struct\"},\"payload\":" + value + "}");
        assertThat(wrapped.row()).containsExactly(change.row());
    }
}
