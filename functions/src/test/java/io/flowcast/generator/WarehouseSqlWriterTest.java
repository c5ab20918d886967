package io.flowcast.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.cdc.MirrorTable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WarehouseSqlWriterTest {

    @Test
    void statementsNameTheContractColumnsAndMatchOnTheNaturalKey() {
        assertThat(WarehouseSqlWriter.sql(MirrorTable.STOCK_LEVELS, WarehouseSqlWriter.Kind.INSERT)).isEqualTo(
                "INSERT INTO inventory.stock_levels (codigo_produto, deposito, quantidade_disponivel, quantidade_reservada,"
                        + " quantidade_transito, custo_medio, data_atualizacao) VALUES (?, ?, ?, ?, ?, ?, ?)");
        assertThat(WarehouseSqlWriter.sql(MirrorTable.STOCK_LEVELS, WarehouseSqlWriter.Kind.UPDATE)).isEqualTo(
                "UPDATE inventory.stock_levels SET quantidade_disponivel = ?, quantidade_reservada = ?, quantidade_transito = ?,"
                        + " custo_medio = ?, data_atualizacao = ? WHERE codigo_produto = ? AND deposito = ?");
        assertThat(WarehouseSqlWriter.sql(MirrorTable.SALES_ORDERS, WarehouseSqlWriter.Kind.DELETE))
                .isEqualTo("DELETE FROM sales.orders WHERE numero_pedido = ? AND item = ?");
    }

    @Test
    void theWarehouseDdlHasEveryContractColumnOfEveryTable() throws Exception {
        String ddl;
        try (InputStream in = WarehouseSqlWriter.class.getResourceAsStream(WarehouseSqlWriter.DDL_RESOURCE)) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (MirrorTable table : MirrorTable.values()) {
            int start = ddl.indexOf("CREATE TABLE IF NOT EXISTS " + table.sourceSchema() + "." + table.sourceTable() + " (");
            assertThat(start).as(table + " in the DDL").isPositive();
            String body = ddl.substring(start, ddl.indexOf(");", start));
            table.columns().forEach(column -> assertThat(body).as(table + "." + column.source()).containsPattern("\\n\\s+" + column.source() + "\\s"));
        }
    }
}
