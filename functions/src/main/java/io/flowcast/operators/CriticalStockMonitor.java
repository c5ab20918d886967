package io.flowcast.operators;

import io.flowcast.records.InventoryAlert;
import io.flowcast.records.StockSignal;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by product: raises {@code LOW_STOCK} when a critical product's on-hand stock in a
 * warehouse falls below its minimum, and {@code RECOVERED} when it is back (seed 004's
 * "critical product" trigger, made into a state machine so that a product hovering below its
 * minimum raises one alert, not one per stock movement).
 *
 * <p>A product is critical when it is listed in the configuration or flagged {@code critico} in
 * the product master. Its minimum comes from the product master; until that arrives, levels are
 * not judged.
 */
public final class CriticalStockMonitor extends KeyedProcessFunction<String, StockSignal, InventoryAlert> {

    private static final long serialVersionUID = 1L;

    static final String THRESHOLD = "threshold";
    static final String BELOW = "below-minimum";

    private final HashSet<String> configuredCritical;

    private transient ValueState<StockSignal> threshold;
    private transient MapState<String, Boolean> below;

    public CriticalStockMonitor(Set<String> configuredCritical) {
        this.configuredCritical = new HashSet<>(configuredCritical);
    }

    @Override
    public void open(OpenContext openContext) {
        threshold = getRuntimeContext().getState(new ValueStateDescriptor<>(THRESHOLD, StockSignal.class));
        below = getRuntimeContext().getMapState(new MapStateDescriptor<>(BELOW, Types.STRING, Types.BOOLEAN));
    }

    @Override
    public void processElement(StockSignal signal, Context ctx, Collector<InventoryAlert> out) throws Exception {
        if (signal.kind() == StockSignal.Kind.THRESHOLD) {
            if (signal.delete()) {
                threshold.clear();
                below.clear();
            } else {
                threshold.update(signal);
            }
            return;
        }
        if (signal.delete()) {
            below.remove(signal.warehouse());
            return;
        }
        StockSignal product = threshold.value();
        if (product == null || product.minStock() == null) {
            return;
        }
        boolean critical = product.critical() || configuredCritical.contains(signal.productCode());
        if (!critical) {
            return;
        }
        BigDecimal minimum = product.minStock();
        boolean isBelow = signal.onHand().compareTo(minimum) < 0;
        boolean wasBelow = Boolean.TRUE.equals(below.get(signal.warehouse()));
        if (isBelow != wasBelow) {
            out.collect(new InventoryAlert(
                    signal.productCode(),
                    signal.warehouse(),
                    isBelow ? InventoryAlert.LOW_STOCK : InventoryAlert.RECOVERED,
                    signal.eventTimeMillis(),
                    signal.onHand(),
                    minimum,
                    signal.sourceTopic(),
                    signal.sourcePartition(),
                    signal.sourceOffset()));
        }
        if (isBelow) {
            below.put(signal.warehouse(), true);
        } else {
            below.remove(signal.warehouse());
        }
    }
}
