package io.flowcast.functions;

import io.flowcast.records.FulfilmentLine;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event time of a fulfilment line: when the order was placed (a cancellation has none, as in {@link SalesLineTimestamps}). */
public final class FulfilmentLineTimestamps implements SerializableTimestampAssigner<FulfilmentLine> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(FulfilmentLine line, long recordTimestamp) {
        return line.delete() ? Long.MIN_VALUE : line.orderedAtMillis();
    }
}
