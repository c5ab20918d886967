package io.flowcast.generator;

/**
 * One Kafka record as the generator emits it.
 *
 * @param topic {@code castrolanda.<schema>.<table>}
 * @param key natural key JSON, e.g. {@code {"codigo_produto":"P0001"}}, so every change of one row
 *     lands in one partition and keeps its order
 * @param value Debezium JSON envelope; null for a tombstone
 * @param timestampMillis Kafka record timestamp: the connector's processing time ({@code ts_ms})
 * @param badKind why this message is invalid; null for a good message
 */
public record GeneratedMessage(String topic, byte[] key, byte[] value, long timestampMillis, BadEventKind badKind) {

    public boolean isBad() {
        return badKind != null;
    }

    public boolean isTombstone() {
        return value == null;
    }
}
