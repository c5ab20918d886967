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
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
 * not judged. The last level per warehouse is kept, so when the master row arrives or changes (a
 * new minimum, the critical flag) every warehouse is judged again: the alerts never depend on
 * whether the master or the stock topic was read first.
 */
public final class CriticalStockMonitor extends KeyedProcessFunction<String, StockSignal, InventoryAlert> {

    private static final long serialVersionUID = 1L;

    static final String THRESHOLD = "threshold";
    static final String BELOW = "below-minimum";
    static final String LEVELS = "last-level";

    private final HashSet<String> configuredCritical;

    private transient ValueState<StockSignal> threshold;
    private transient MapState<String, Boolean> below;
    private transient MapState<String, StockSignal> levels;

    public CriticalStockMonitor(Set<String> configuredCritical) {
        this.configuredCritical = new HashSet<>(configuredCritical);
    }

    @Override
    public void open(OpenContext openContext) {
        threshold = getRuntimeContext().getState(new ValueStateDescriptor<>(THRESHOLD, StockSignal.class));
        below = getRuntimeContext().getMapState(new MapStateDescriptor<>(BELOW, Types.STRING, Types.BOOLEAN));
        levels = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(LEVELS, Types.STRING, TypeInformation.of(StockSignal.class)));
    }

    @Override
    public void processElement(StockSignal signal, Context ctx, Collector<InventoryAlert> out) throws Exception {
        if (signal.kind() == StockSignal.Kind.THRESHOLD) {
            if (signal.delete()) {
                threshold.clear();
                below.clear();
                return;
            }
            threshold.update(signal);
            // Judge every known level against the new master row; the alert is the master change's.
            for (StockSignal level : levels.values()) {
                judge(level, signal, Math.max(level.eventTimeMillis(), signal.eventTimeMillis()), signal, out);
            }
            return;
        }
        if (signal.delete()) {
            below.remove(signal.warehouse());
            levels.remove(signal.warehouse());
            return;
        }
        levels.put(signal.warehouse(), signal);
        StockSignal product = threshold.value();
        if (product != null) {
            judge(signal, product, signal.eventTimeMillis(), signal, out);
        }
    }

    /** Raises LOW_STOCK or RECOVERED when {@code level} crosses the product's minimum; {@code cause} is the change that made it so. */
    private void judge(StockSignal level, StockSignal product, long eventTimeMillis, StockSignal cause,
            Collector<InventoryAlert> out) throws Exception {
        boolean critical = product.critical() || configuredCritical.contains(level.productCode());
        if (product.minStock() == null || !critical) {
            if (below.contains(level.warehouse())) {
                below.remove(level.warehouse()); // no longer judged: a later minimum starts afresh
            }
            return;
        }
        BigDecimal minimum = product.minStock();
        boolean isBelow = level.onHand().compareTo(minimum) < 0;
        boolean wasBelow = Boolean.TRUE.equals(below.get(level.warehouse()));
        if (isBelow != wasBelow) {
            out.collect(new InventoryAlert(
                    level.productCode(),
                    level.warehouse(),
                    isBelow ? InventoryAlert.LOW_STOCK : InventoryAlert.RECOVERED,
                    eventTimeMillis,
                    level.onHand(),
                    minimum,
                    cause.sourceTopic(),
                    cause.sourcePartition(),
                    cause.sourceOffset()));
        }
        if (isBelow) {
            below.put(level.warehouse(), true);
        } else {
            below.remove(level.warehouse());
        }
    }
}
