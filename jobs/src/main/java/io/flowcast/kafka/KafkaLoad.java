package io.flowcast.kafka;

import io.flowcast.generator.GeneratedMessage;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka plumbing shared by {@code flowcast generate}, the benchmarks and the tests: topics, an
 * idempotent batching producer, a paced send loop, a bare consumer baseline. No Flink types.
 */
public final class KafkaLoad {

    private KafkaLoad() {}

    /**
     * Creates the topics (existing ones are left alone) without time-based retention: replayed CDC
     * history keeps its original timestamps, which any retention period would treat as expired.
     * Returns the topics that were created.
     */
    public static List<String> createTopics(String bootstrap, List<String> topics, int partitions)
            throws InterruptedException, ExecutionException {
        List<String> created = new java.util.ArrayList<>();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
                    created.add(topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        return created;
    }

    /** Deletes the topics (missing ones are ignored) and waits until the broker no longer lists them. */
    public static void deleteTopics(String bootstrap, List<String> topics) throws InterruptedException, ExecutionException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<String> existing = topics.stream().filter(admin.listTopics().names().get()::contains).toList();
            admin.deleteTopics(existing).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(existing::contains)) {
                Thread.sleep(100);
            }
        }
    }

    /**
     * A generated CDC message as a Kafka record stamped with the time it is written, as a
     * connector stamps what it produces. The generator's own timestamp is the historical commit
     * time; as a record timestamp it would make every minute of two years of history a separate
     * window for the data-quality monitor, and it would misreport freshness as zero.
     */
    public static ProducerRecord<byte[], byte[]> record(GeneratedMessage message) {
        return new ProducerRecord<>(message.topic(), null, null, message.key(), message.value());
    }

    /** An idempotent, batching producer: per-key order is kept, retries never duplicate. */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends every record, at most {@code ratePerSecond} per second when positive (paced in 10 ms
     * slices so the rate is smooth), transforming each just before it is sent; returns the count.
     */
    public static long send(KafkaProducer<byte[], byte[]> producer, Iterator<ProducerRecord<byte[], byte[]>> records,
            double ratePerSecond, UnaryOperator<ProducerRecord<byte[], byte[]>> beforeSend) throws InterruptedException {
        long sent = 0;
        long start = System.nanoTime();
        while (records.hasNext()) {
            producer.send(beforeSend.apply(records.next()));
            sent++;
            if (ratePerSecond > 0 && sent % 100 == 0) {
                long dueNanos = (long) (sent / ratePerSecond * 1e9);
                long aheadNanos = dueNanos - (System.nanoTime() - start);
                if (aheadNanos > 10_000_000) {
                    Thread.sleep(aheadNanos / 1_000_000);
                }
            }
        }
        producer.flush();
        return sent;
    }

    /** Sum of the end offsets of every partition of the existing topics among {@code topics} (0 for a missing topic). */
    public static long endOffsetTotal(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var existing = consumer.listTopics(Duration.ofSeconds(10));
            List<TopicPartition> partitions = topics.stream()
                    .filter(existing::containsKey)
                    .flatMap(t -> existing.get(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Reads every partition of the topics from the beginning to the end; returns messages read. */
    public static long consumeAll(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            while (read < total) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                read += batch.count();
            }
            return read;
        }
    }
}
