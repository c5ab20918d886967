package io.flowcast.operators;

import io.flowcast.records.QualitySample;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event time of a data-quality sample: when its message was appended to Kafka. */
public final class QualitySampleTimestamps implements SerializableTimestampAssigner<QualitySample> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(QualitySample sample, long recordTimestamp) {
        return sample.kafkaTsMillis();
    }
}
