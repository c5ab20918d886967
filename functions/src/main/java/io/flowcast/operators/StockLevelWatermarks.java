package io.flowcast.operators;

import io.flowcast.records.InventorySignal;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of stock levels ({@code data_atualizacao}) and their watermarks.
 *
 * <p>Stock rows of a quiet warehouse, or a deployment without stock CDC, must not hold back the
 * inventory KPIs (their operator's watermark is the minimum of its inputs): the stream is marked
 * idle after {@code idleness} without records, and the KPIs then follow the order-time watermark.
 * A stock level that arrives after its week has closed corrects the last closed week
 * ({@link InventoryKpiFunction}).
 */
public final class StockLevelWatermarks implements SerializableTimestampAssigner<InventorySignal> {

    private static final long serialVersionUID = 1L;

    public static WatermarkStrategy<InventorySignal> strategy(Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<InventorySignal>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new StockLevelWatermarks())
                .withIdleness(idleness);
    }

    @Override
    public long extractTimestamp(InventorySignal signal, long recordTimestamp) {
        return signal.eventTimeMillis();
    }
}
