package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.DeadLetterReason;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.records.QualitySample;
import io.flowcast.records.StockSignal;
import io.flowcast.records.TransactionChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class ChangeProjectionsTest {

    private static final Instant AT = Instant.parse("2025-05-05T08:00:00Z");

    private static MirrorChange change(MirrorTable table, char op, Object... sourceAndValues) {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < sourceAndValues.length; i += 2) {
            row[table.indexOfSource((String) sourceAndValues[i])] = sourceAndValues[i + 1];
        }
        return new MirrorChange(table, op, row, AT.toEpochMilli(), table.topic(), 1, 9L, AT.toEpochMilli() + 50, null);
    }

    private static <T> List<T> collect(java.util.function.Consumer<Collector<T>> body) {
        List<T> out = new ArrayList<>();
        body.accept(new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        });
        return out;
    }

    @Test
    void transactionsBecomeTransactionChangesAndOtherTablesAreIgnored() {
        var projection = new ChangeProjections.ToTransactionChanges();
        MirrorChange movement = change(MirrorTable.INVENTORY_TRANSACTIONS, 'c', "id_movimentacao", 5L, "codigo_produto", "P1",
                "tipo_movimentacao", "SAIDA", "deposito", "CD-SP", "quantidade", new BigDecimal("2"),
                "custo_unitario", new BigDecimal("1.5"), "data_movimentacao", AT);
        List<TransactionChange> out = collect(c -> {
            projection.flatMap(movement, c);
            projection.flatMap(change(MirrorTable.INVENTORY_TRANSACTIONS, 'd', "id_movimentacao", 6L), c);
            projection.flatMap(change(MirrorTable.SALES_ORDERS, 'c', "numero_pedido", "PV-1", "item", 1), c);
        });
        assertThat(out).containsExactly(
                new TransactionChange(5L, false, "P1", "SAIDA", "CD-SP", new BigDecimal("2"), new BigDecimal("1.5"), AT.toEpochMilli()),
                new TransactionChange(6L, true, "", "", "", BigDecimal.ZERO, BigDecimal.ZERO, 0L));
        assertThat(out.get(0).valueTotal()).isEqualByComparingTo("3");
    }

    @Test
    void productMasterAndStockLevelsBecomeStockSignals() {
        var projection = new ChangeProjections.ToStockSignals();
        List<StockSignal> out = collect(c -> {
            projection.flatMap(change(MirrorTable.PRODUCT_MASTER, 'u', "codigo_produto", "P1", "estoque_minimo", BigDecimal.TEN,
                    "critico", true, "ultima_atualizacao", AT), c);
            projection.flatMap(change(MirrorTable.STOCK_LEVELS, 'u', "codigo_produto", "P1", "deposito", "CD-GO",
                    "quantidade_disponivel", BigDecimal.ONE, "data_atualizacao", AT), c);
            projection.flatMap(change(MirrorTable.PURCHASES, 'c', "numero_compra", "PC-1", "item", 1), c);
        });
        assertThat(out).extracting(StockSignal::kind, StockSignal::productCode, StockSignal::warehouse, StockSignal::critical)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StockSignal.Kind.THRESHOLD, "P1", "", true),
                        org.assertj.core.groups.Tuple.tuple(StockSignal.Kind.LEVEL, "P1", "CD-GO", false));
        assertThat(out.get(1).onHand()).isEqualByComparingTo("1");
        assertThat(out.get(1).sourceOffset()).isEqualTo(9L);
    }

    @Test
    void qualitySamplesCarryKafkaAndSourceTimes() throws Exception {
        QualitySample fromChange = new ChangeProjections.ChangeToQualitySample()
                .map(change(MirrorTable.STOCK_LEVELS, 'd', "codigo_produto", "P1", "deposito", "CD-SP"));
        assertThat(fromChange.table).isEqualTo("ml_stock_levels");
        assertThat(fromChange.kind).isEqualTo(QualitySample.Kind.CHANGE);
        assertThat(fromChange.op).isEqualTo('d');
        assertThat(fromChange.kafkaTsMillis).isEqualTo(AT.toEpochMilli() + 50);
        assertThat(fromChange.sourceTsMillis).isEqualTo(AT.toEpochMilli());
        assertThat(fromChange.rowKey).isEqualTo(MirrorTable.STOCK_LEVELS.keyString(new Object[] {"P1", "CD-SP", null, null, null, null, null}));
        assertThat(fromChange.contentHash).as("a delete's content is 'deleted'").isEqualTo(QualitySample.DELETED_CONTENT);
        assertThat(fromChange.nullColumns).as("nulls are not counted for deletes").isZero();

        DeadLetter unknown = new DeadLetter("job", "castrolanda.x.y", 0, 1, DeadLetterReason.UNKNOWN_TABLE, "d", null, "{}", 2, 77L);
        QualitySample reject = new ChangeProjections.DeadLetterToQualitySample().map(unknown);
        assertThat(reject.table).isEqualTo("castrolanda.x.y");
        assertThat(reject.kind).isEqualTo(QualitySample.Kind.REJECT);
        assertThat(reject.kafkaTsMillis).isEqualTo(77L);
        assertThat(reject.rowKey).isNull();
    }
}
