package io.flowcast.records;

/**
 * One observation for the data-quality monitor: a decoded change or a rejected message of a
 * table, with its Kafka and source timestamps.
 *
 * @param table mirror table name, or the topic when the message named no known table
 * @param op Debezium op of a decoded change ({@code ' '} for rejects)
 */
public record QualitySample(String table, boolean rejected, char op, long kafkaTsMillis, long sourceTsMillis) {}
