package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.operators.CdcMessageDeserializer;
import io.flowcast.records.CdcMessage;
import java.io.Serializable;
import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Kafka source settings shared by the CDC jobs. */
public record KafkaSourceOptions(
        String bootstrap, String topicPattern, String groupId, String startingOffsets, long partitionDiscoveryMillis)
        implements Serializable {

    public static KafkaSourceOptions from(FlowcastConfig config, String groupId) {
        return new KafkaSourceOptions(
                config.string("kafka.bootstrap"),
                config.string("kafka.topic-pattern"),
                groupId,
                config.string("kafka.starting-offsets"),
                config.longValue("kafka.partition-discovery-ms"));
    }

    /**
     * An unbounded source over every topic matching the pattern, or, with {@code bounded}, one that
     * stops at the offsets that are latest when the job starts (tests and benchmarks).
     */
    public KafkaSource<CdcMessage> build(boolean bounded) {
        return build(bounded, startingOffsetsInitializer());
    }

    /**
     * As {@link #build(boolean)}, starting at given offsets (a snapshot's position); partitions
     * without one start at the earliest offset (they had no change in the snapshot).
     */
    public KafkaSource<CdcMessage> buildFrom(boolean bounded, Map<TopicPartition, Long> startingOffsets) {
        return build(bounded, OffsetsInitializer.offsets(startingOffsets, OffsetResetStrategy.EARLIEST));
    }

    private KafkaSource<CdcMessage> build(boolean bounded, OffsetsInitializer starting) {
        KafkaSourceBuilder<CdcMessage> builder =
                KafkaSource.<CdcMessage>builder()
                        .setBootstrapServers(bootstrap)
                        .setTopicPattern(Pattern.compile(topicPattern))
                        .setGroupId(groupId)
                        .setStartingOffsets(starting)
                        .setDeserializer(new CdcMessageDeserializer())
                        // Offsets are committed on checkpoints, for monitoring and for restarts
                        // without state; the checkpointed offsets remain the source of truth.
                        .setProperty("commit.offsets.on.checkpoint", "true")
                        .setProperty("partition.discovery.interval.ms", Long.toString(partitionDiscoveryMillis));
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    private OffsetsInitializer startingOffsetsInitializer() {
        return switch (startingOffsets) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            case "committed" -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            default -> throw new IllegalArgumentException("kafka.starting-offsets must be committed|earliest|latest, got " + startingOffsets);
        };
    }
}
