package io.flowcast.operators;

import io.flowcast.records.SalesLineChange;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Event time of a sales-line change: when the order was placed. A cancellation carries only the
 * line's key, so it gets no event time of its own (it must not move the watermark; the -1 it
 * becomes carries the cancelled version's date).
 */
public final class SalesLineTimestamps implements SerializableTimestampAssigner<SalesLineChange> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(SalesLineChange line, long recordTimestamp) {
        return line.delete() ? Long.MIN_VALUE : line.orderedAtMillis();
    }
}
