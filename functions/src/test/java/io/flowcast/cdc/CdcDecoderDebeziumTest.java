package io.flowcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.CdcMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Whole messages as Kafka Connect's JsonConverter (schemas enabled) writes them for the Debezium
 * PostgreSQL connector with default settings, for the warehouse tables of
 * {@code warehouse/warehouse_tables.sql} (resources under {@code debezium/}).
 */
class CdcDecoderDebeziumTest {

    private final CdcDecoder decoder = new CdcDecoder("test-job", Duration.ofHours(24));

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CdcDecoderDebeziumTest.class.getResourceAsStream("/debezium/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource debezium/" + name);
            }
            return in.readAllBytes();
        }
    }

    private DecodeResult decode(String topic, byte[] value) {
        return decoder.decode(new CdcMessage(topic, 0, 5L, 1_741_500_000_000L, "{}".getBytes(StandardCharsets.UTF_8), value));
    }

    private MirrorChange change(String topic, String resource) throws IOException {
        DecodeResult result = decode(topic, resource(resource));
        assertThat(result).as(String.valueOf(result)).isInstanceOf(DecodeResult.Change.class);
        return ((DecodeResult.Change) result).change();
    }

    @Test
    void purchaseInsertWithPreciseDecimalsZonedTimestampDateAndMicroTimestamp() throws IOException {
        MirrorChange change = change("castrolanda.procurement.purchases", "purchases-insert.json");
        assertThat(change.op()).isEqualTo('c');
        assertThat(change.get("numero_compra")).isEqualTo("PC-000123");
        assertThat(change.get("item")).isEqualTo(2);
        assertThat(change.get("quantidade")).isEqualTo(new BigDecimal("120.000"));
        assertThat(change.get("custo_unitario")).isEqualTo(new BigDecimal("7.8125"));
        assertThat(change.get("data_compra")).isEqualTo(Instant.parse("2025-03-03T13:45:00Z"));
        assertThat(change.get("data_entrega_prevista")).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(change.get("data_recebimento")).isEqualTo(Instant.parse("2025-03-09T08:30:15.250001Z"));
        assertThat(change.get("deposito")).isNull();
        assertThat(change.sourceTsMillis()).isEqualTo(1_741_499_999_512L);
        assertThat(change.lsn()).isEqualTo("24023128");
        assertThat(((DecodeResult.Change) decode("castrolanda.procurement.purchases", resource("purchases-insert.json"))).drift().isNone())
                .isTrue();
    }

    @Test
    void productUpdateWithVariableScaleDecimalAndMillisTimestamp() throws IOException {
        MirrorChange change = change("castrolanda.inventory.product_master", "product-update.json");
        assertThat(change.op()).isEqualTo('u');
        assertThat(change.get("preco_venda")).isEqualTo(new BigDecimal("19.90"));
        assertThat(change.get("custo_padrao")).isEqualTo(new BigDecimal("12.3456"));
        assertThat(change.get("estoque_minimo")).isEqualTo(new BigDecimal("40.000"));
        assertThat(change.get("lead_time_dias")).isEqualTo(7);
        assertThat(change.get("ativo")).isEqualTo(true);
        assertThat(change.get("ultima_atualizacao")).isEqualTo(Instant.parse("2025-03-09T07:00:00.125Z"));
    }

    @Test
    void deleteWithOnlyTheKeyInBeforeThenATombstone() throws IOException {
        MirrorChange change = change("castrolanda.sales.orders", "orders-delete.json");
        assertThat(change.isDelete()).isTrue();
        assertThat(change.get("numero_pedido")).isEqualTo("PV-9");
        assertThat(change.get("item")).isEqualTo(1);
        assertThat(change.get("quantidade")).isNull();
        assertThat(decode("castrolanda.sales.orders", null)).isInstanceOf(DecodeResult.Tombstone.class);
    }

    @Test
    void heartbeatAndTransactionMetadataTopicsAreIgnored() throws IOException {
        assertThat(decode("__debezium-heartbeat.castrolanda", resource("heartbeat.json"))).isInstanceOf(DecodeResult.Ignored.class);
        assertThat(decode("castrolanda.transaction", resource("transaction-end.json"))).isInstanceOf(DecodeResult.Ignored.class);
    }

    @Test
    void aDecimalReadWithoutItsSchemaWouldBeWrongSoTheSchemaDecides() throws IOException {
        // The same bytes field with a schema of another scale gives another value: the schema is read.
        String message = new String(resource("purchases-insert.json"), StandardCharsets.UTF_8)
                .replace("\"scale\":\"4\",\"connect.decimal.precision\":\"12\"", "\"scale\":\"2\",\"connect.decimal.precision\":\"12\"");
        MirrorChange change = ((DecodeResult.Change) decode("castrolanda.procurement.purchases",
                message.getBytes(StandardCharsets.UTF_8))).change();
        assertThat(change.get("custo_unitario")).isEqualTo(new BigDecimal("781.25"));
    }

    @Test
    void anAddedAndADroppedColumnAreReportedAsSchemaDrift() throws IOException {
        String message = new String(resource("purchases-insert.json"), StandardCharsets.UTF_8)
                .replace("\"deposito\":null,", "\"lote\":\"L-7\",");
        DecodeResult result = decode("castrolanda.procurement.purchases", message.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(DecodeResult.Change.class);
        SchemaDrift drift = ((DecodeResult.Change) result).drift();
        assertThat(drift.unknownFields()).containsExactly("lote");
        assertThat(drift.missingFields()).containsExactly("deposito");
    }
}
