package io.flowcast.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowcast.cdc.MirrorTable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DebeziumJsonEncoderTest {
    private final DebeziumJsonEncoder encoder = new DebeziumJsonEncoder();

    private static Object[] product(String description, Instant updatedAt) {
        return new Object[] {
            "P0001", description, "RACAO", "SC", new BigDecimal("120.50"), new BigDecimal("80.1234"),
            new BigDecimal("10.000"), new BigDecimal("100.000"), 7, true, null, updatedAt
        };
    }

    @Test
    void escapesTextWritesUtf8AndKeepsDecimalScale() {
        String description = "Ração \"Forte\" 40kg\n\\ tab\t ctl\u0001 emoji \uD83D\uDE9C";
        Object[] row = product(description, Instant.parse("2025-01-06T10:15:30Z"));
        byte[] value = encoder.encodeValue(MirrorTable.PRODUCT_MASTER, ChangeOp.CREATE, null, row, 1L, 2L, 3L);
        JsonNode after = CdcReplay.parse(value).get("after");
        assertThat(after.get("descricao").asText()).isEqualTo(description);
        assertThat(after.get("critico").isNull()).isTrue();
        String text = new String(value, StandardCharsets.UTF_8);
        assertThat(text).contains("\"preco_venda\":120.50,").contains("\"estoque_minimo\":10.000,")
                .contains("\"ultima_atualizacao\":\"2025-01-06T10:15:30Z\"")
                .contains("\"before\":null");
        assertThat(CdcReplay.rowsEqual(CdcReplay.decode(MirrorTable.PRODUCT_MASTER, after), row)).isTrue();
    }

    @Test
    void instantsMatchJavaTimeAcrossDaysAndWithFractions() {
        long[] seconds = {0, 86_399, 86_400, 1_735_689_599L, 1_735_689_600L, 1_767_225_599L};
        for (long second : seconds) {
            Instant at = Instant.ofEpochSecond(second);
            byte[] value = encoder.encodeValue(MirrorTable.PRODUCT_MASTER, ChangeOp.READ, null, product("x", at), 1, 2, 3);
            assertThat(CdcReplay.parse(value).get("after").get("ultima_atualizacao").asText()).isEqualTo(at.toString());
        }
        Instant fraction = Instant.parse("2025-03-01T00:00:00.250Z");
        byte[] value = encoder.encodeValue(MirrorTable.PRODUCT_MASTER, ChangeOp.READ, null, product("x", fraction), 1, 2, 3);
        assertThat(Instant.parse(CdcReplay.parse(value).get("after").get("ultima_atualizacao").asText())).isEqualTo(fraction);
    }

    @Test
    void compositeKeysFollowKeyColumnOrder() {
        Object[] stock = {"P0007", "CD-GO", new BigDecimal("3.000"), null, null, null, Instant.EPOCH};
        assertThat(new String(encoder.encodeKey(MirrorTable.STOCK_LEVELS, stock), StandardCharsets.UTF_8))
                .isEqualTo("{\"codigo_produto\":\"P0007\",\"deposito\":\"CD-GO\"}");
    }
}
