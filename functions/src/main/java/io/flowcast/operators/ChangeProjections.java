package io.flowcast.operators;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.Delta;
import io.flowcast.records.InventorySignal;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.quality.RowFingerprint;
import io.flowcast.records.QualitySample;
import io.flowcast.records.SalesLineChange;
import io.flowcast.records.StockSignal;
import io.flowcast.records.TransactionChange;
import java.math.BigDecimal;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Projections of the decoded change stream onto the small records the keyed operators shuffle,
 * and their key selectors. Each keeps only the tables it understands.
 */
public final class ChangeProjections {

    private ChangeProjections() {}

    /** Inventory-transaction changes as {@link TransactionChange}s. */
    public static final class ToTransactionChanges implements FlatMapFunction<MirrorChange, TransactionChange> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(MirrorChange change, Collector<TransactionChange> out) {
            if (change.table() != MirrorTable.INVENTORY_TRANSACTIONS) {
                return;
            }
            long id = (Long) change.get("id_movimentacao");
            if (change.isDelete()) {
                out.collect(new TransactionChange(id, true, "", "", "", BigDecimal.ZERO, BigDecimal.ZERO, 0L));
                return;
            }
            out.collect(new TransactionChange(
                    id,
                    false,
                    (String) change.get("codigo_produto"),
                    (String) change.get("tipo_movimentacao"),
                    (String) change.get("deposito"),
                    (BigDecimal) change.get("quantidade"),
                    (BigDecimal) change.get("custo_unitario"),
                    change.eventTime().toEpochMilli()));
        }
    }

    /** Sales-order line changes as {@link SalesLineChange}s (units and net revenue). */
    public static final class ToSalesLineChanges implements FlatMapFunction<MirrorChange, SalesLineChange> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(MirrorChange change, Collector<SalesLineChange> out) {
            if (change.table() != MirrorTable.SALES_ORDERS) {
                return;
            }
            if (change.isDelete()) {
                out.collect(new SalesLineChange(change.key(), true, "", "", 0L, BigDecimal.ZERO, BigDecimal.ZERO));
                return;
            }
            out.collect(new SalesLineChange(
                    change.key(),
                    false,
                    (String) change.get("codigo_produto"),
                    (String) change.get("regiao"),
                    change.eventTime().toEpochMilli(),
                    (BigDecimal) change.get("quantidade"),
                    MirrorTable.SALES_ORDERS.valueTotal(change.row()),
                    (BigDecimal) change.get("quantidade_atendida")));
        }
    }

    public static final class BySalesLine implements KeySelector<SalesLineChange, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SalesLineChange line) {
            return line.lineKey();
        }
    }

    /** Product-master and stock-level changes as {@link StockSignal}s. */
    public static final class ToStockSignals implements FlatMapFunction<MirrorChange, StockSignal> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(MirrorChange change, Collector<StockSignal> out) {
            if (change.table() == MirrorTable.PRODUCT_MASTER) {
                Object critical = change.isDelete() ? null : change.get("critico");
                out.collect(new StockSignal(
                        StockSignal.Kind.THRESHOLD,
                        change.isDelete(),
                        (String) change.get("codigo_produto"),
                        "",
                        change.isDelete() ? null : (BigDecimal) change.get("estoque_minimo"),
                        Boolean.TRUE.equals(critical),
                        null,
                        change.isDelete() ? 0L : change.eventTime().toEpochMilli(),
                        change.topic(),
                        change.partition(),
                        change.offset()));
            } else if (change.table() == MirrorTable.STOCK_LEVELS) {
                out.collect(new StockSignal(
                        StockSignal.Kind.LEVEL,
                        change.isDelete(),
                        (String) change.get("codigo_produto"),
                        (String) change.get("deposito"),
                        null,
                        false,
                        change.isDelete() ? null : (BigDecimal) change.get("quantidade_disponivel"),
                        change.isDelete() ? 0L : change.eventTime().toEpochMilli(),
                        change.topic(),
                        change.partition(),
                        change.offset()));
            }
        }
    }

    /** Decoded changes as data-quality samples. */
    public static final class ChangeToQualitySample implements MapFunction<MirrorChange, QualitySample> {
        private static final long serialVersionUID = 1L;

        @Override
        public QualitySample map(MirrorChange change) {
            boolean delete = change.isDelete();
            return QualitySample.change(
                    change.table().mirrorTable(),
                    change.op(),
                    change.kafkaTsMillis(),
                    change.sourceTsMillis(),
                    change.key(),
                    // A delete's image may hold only the key: its content is "deleted", whatever else it carries.
                    delete ? QualitySample.DELETED_CONTENT : RowFingerprint.contentHash(change.row()),
                    delete ? 0L : RowFingerprint.nullColumns(change.row()));
        }
    }

    /** Rejected messages as data-quality samples, attributed to their table when the topic names one. */
    public static final class DeadLetterToQualitySample implements MapFunction<DeadLetter, QualitySample> {
        private static final long serialVersionUID = 1L;

        @Override
        public QualitySample map(DeadLetter deadLetter) {
            String table = MirrorTable.forTopic(deadLetter.topic()).map(MirrorTable::mirrorTable).orElse(deadLetter.topic());
            return QualitySample.reject(table, deadLetter.kafkaTimestampMillis());
        }
    }

    public static final class BySampleTable implements KeySelector<QualitySample, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(QualitySample sample) {
            return sample.table();
        }
    }

    public static final class ByTransactionId implements KeySelector<TransactionChange, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(TransactionChange change) {
            return change.transactionId();
        }
    }

    public static final class ByDeltaProduct implements KeySelector<Delta<TransactionChange>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Delta<TransactionChange> delta) {
            return delta.version().productCode();
        }
    }

    public static final class BySignalProduct implements KeySelector<StockSignal, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(StockSignal signal) {
            return signal.productCode();
        }
    }

    /** A line version entering (+1) or leaving (-1) its week, as an {@link InventorySignal}. */
    public static final class FulfilmentDeltaToSignal implements MapFunction<Delta<SalesLineChange>, InventorySignal> {
        private static final long serialVersionUID = 1L;

        @Override
        public InventorySignal map(Delta<SalesLineChange> delta) {
            SalesLineChange line = delta.version();
            return new InventorySignal(InventorySignal.Kind.ORDER_LINE, line.productCode(), line.region(),
                    line.orderedAtMillis(), delta.sign(), line.units(), line.fulfilled(), null, null);
        }
    }

    /**
     * Stock-level changes as {@link InventorySignal}s of the demand series they serve: the
     * warehouse {@code <prefix><region>} serves the sales region {@code <region>} (the warehouse
     * carries no region of its own; see {@code demand-forecast.warehouse-prefix}). Rows of other
     * warehouses serve no series and are counted in {@code stockLevelsUnmapped}.
     */
    public static final class ToSeriesStockLevels extends RichFlatMapFunction<MirrorChange, InventorySignal> {
        private static final long serialVersionUID = 1L;

        private final String warehousePrefix;
        private transient Counter unmapped;

        public ToSeriesStockLevels(String warehousePrefix) {
            this.warehousePrefix = warehousePrefix;
        }

        @Override
        public void open(OpenContext openContext) {
            unmapped = getRuntimeContext().getMetricGroup().counter("stockLevelsUnmapped");
        }

        /** The region a warehouse serves, or null. */
        public static String regionOf(String warehouse, String warehousePrefix) {
            if (warehouse == null || !warehouse.startsWith(warehousePrefix)) {
                return null;
            }
            String region = warehouse.substring(warehousePrefix.length());
            return MirrorTable.REGIONS.contains(region) ? region : null;
        }

        @Override
        public void flatMap(MirrorChange change, Collector<InventorySignal> out) {
            if (change.table() != MirrorTable.STOCK_LEVELS) {
                return;
            }
            String region = regionOf((String) change.get("deposito"), warehousePrefix);
            if (region == null) {
                unmapped.inc();
                return;
            }
            String product = (String) change.get("codigo_produto");
            if (change.isDelete()) {
                out.collect(new InventorySignal(InventorySignal.Kind.STOCK_DELETED, product, region,
                        change.sourceTsMillis(), 0, null, null, null, null));
                return;
            }
            out.collect(new InventorySignal(InventorySignal.Kind.STOCK_LEVEL, product, region,
                    change.eventTime().toEpochMilli(), 0, null, null,
                    (BigDecimal) change.get("quantidade_disponivel"), (BigDecimal) change.get("custo_medio")));
        }
    }
}
