package io.flowcast.records;

/**
 * A Kafka message as it arrived, before any decoding: the bytes plus where they came from. Keeping
 * the position lets a rejected message be traced back (and de-duplicated) in the dead-letter table.
 *
 * @param value the Debezium JSON envelope; null for a Kafka tombstone
 */
public record CdcMessage(
        String topic, int partition, long offset, long timestampMillis, byte[] key, byte[] value) {}
