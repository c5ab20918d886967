package io.flowcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.cli.BenchDebeziumCommand;
import io.flowcast.cluster.LocalConnectWorker;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.WarehouseSqlWriter;
import io.flowcast.jobs.InventoryMirrorJob;
import io.flowcast.jobs.MirrorJobOptions;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.kafka.WarehouseReplay;
import io.flowcast.sinks.PostgresOptions;
import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code flowcast bench debezium}: source commit -> PG mirror row latency through a real Debezium
 * connector. The generator writes row changes with SQL into warehouse tables of a scratch database
 * at a fixed rate (small transactions, as a live warehouse commits), a Kafka Connect worker runs
 * the Debezium PostgreSQL connector with default settings into a local broker, and
 * InventoryMirrorJob mirrors the topics into the same database, so that the source commit time
 * ({@code source_ts}, from Debezium's {@code source.ts_ms}) and the row's {@code ingested_at} come
 * from one clock. The baseline, measured in the same run, is the connector alone: source commit ->
 * the record's append time in Kafka.
 */
public final class DebeziumBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DebeziumBenchmark() {}

    public static void run(BenchDebeziumCommand command) throws Exception {
        PrintStream out = System.out;
        FlowcastConfig config = FlowcastConfig.load(command.scratch().config(), command.scratch().overrides());
        PostgresOptions pg = BenchSupport.onDatabase(config.postgres(), command.database());
        BenchSupport.recreateDatabase(pg);
        try (Connection c = pg.connect()) {
            WarehouseSqlWriter.createTables(c);
            c.commit();
        }
        out.printf("Flowcast bench debezium: %d cores, %s, parallelism %d, %,.0f changes/s for %d s (+%d s warm-up), <= %d changes per commit%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                command.parallelism(), command.rate(), command.seconds(), command.warmupSeconds(), command.commitEvery());

        URI server = URI.create(pg.url().substring("jdbc:".length()));
        List<String> topics = Arrays.stream(MirrorTable.values()).map(MirrorTable::topic).toList();
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            // Topics exist before the job starts, so its source assigns them at once (no discovery wait).
            KafkaLoad.createTopics(kafka.bootstrap(), topics, 4);
            long connectStart = System.nanoTime();
            try (LocalConnectWorker connect = LocalConnectWorker.start(kafka.bootstrap(), server.getHost(),
                    server.getPort() < 0 ? 5432 : server.getPort(), pg.user(), command.database())) {
                out.printf("Kafka Connect + Debezium ready in %.1f s (slot %s)%n", BenchSupport.secondsSince(connectStart), connect.slot());
                config.set("kafka.bootstrap", kafka.bootstrap());
                config.set("kafka.starting-offsets", "earliest");
                config.set("postgres.url", pg.url());
                config.set("redis.url", command.scratch().redisUrl());
                config.set("inventory-mirror.group-id", "flowcast-bench-" + System.nanoTime());
                MirrorJobOptions options = MirrorJobOptions.from(config);
                StreamExecutionEnvironment env = BenchSupport.miniCluster(command.parallelism(), config.longValue("checkpoints.interval-ms"));
                InventoryMirrorJob.wire(InventoryMirrorJob.source(env, options, false), options);
                JobClient job = env.executeAsync("bench-debezium-mirror");
                try {
                    measure(command, pg, kafka.bootstrap(), topics, out);
                } finally {
                    job.cancel().get();
                }
            }
        }
    }

    private static void measure(BenchDebeziumCommand command, PostgresOptions pg, String bootstrap, List<String> topics, PrintStream out)
            throws Exception {
        GeneratorConfig generator = GeneratorConfig.builder().seed(command.seed()).products(command.products()).weeks(104)
                .keepFinalRows(false).build();
        CdcGenerator.CdcStream stream = new CdcGenerator(generator).stream();
        try (Connection warehouse = pg.connect()) {
            WarehouseReplay.Result warmup = WarehouseReplay.play(stream, warehouse, null, command.commitEvery(), command.rate(),
                    (long) (command.rate() * command.warmupSeconds()), at -> {});
            out.printf("warm-up: %,d changes in %.1f s%n", warmup.changes(), warmup.seconds());
            Thread.sleep(2_000);
            long phaseStart = System.currentTimeMillis();
            WarehouseReplay.Result phase = WarehouseReplay.play(stream, warehouse, null, command.commitEvery(), command.rate(),
                    (long) (command.rate() * command.seconds()), at -> {});
            out.printf("warehouse writes: %,.0f changes/s sustained for %.1f s (%,d changes, %,d deletes, %,d commits)%n",
                    phase.changes() / phase.seconds(), phase.seconds(), phase.changes(), phase.deletes(), phase.commits());
            long expectedRows = phase.changes();
            waitForMirror(pg, phaseStart, expectedRows, out);

            LatencySummary kafkaLatency = connectorLatency(bootstrap, topics, phaseStart);
            out.printf("%-48s %s%n", "source commit -> Kafka (connector alone, baseline)", kafkaLatency.describe());
            try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(MirrorBenchmark.latencySql(phaseStart))) {
                rs.next();
                double p99 = rs.getDouble(3);
                out.printf("%-48s p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms over %,d rows (p99 %.2fx the connector's; target < 1000 ms)%n",
                        "source commit -> PG mirror row (end to end)", rs.getDouble(1), rs.getDouble(2), p99, rs.getDouble(4), rs.getLong(5),
                        p99 / kafkaLatency.p99());
                c.commit();
            }
        }
    }

    /** Waits (up to 60 s) until the mirror stops growing: every change of the phase has arrived. */
    private static void waitForMirror(PostgresOptions pg, long phaseStart, long changes, PrintStream out) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        long rows = 0;
        long previous = -1;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(2_000);
            rows = mirrorRowsSince(pg, phaseStart);
            if (rows == previous) {
                break;
            }
            previous = rows;
        }
        out.printf("mirror rows committed at the source during the phase: %,d (changes written: %,d; updates and deletes of one row count once)%n",
                rows, changes);
    }

    private static long mirrorRowsSince(PostgresOptions pg, long phaseStart) throws Exception {
        try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(MirrorBenchmark.latencySql(phaseStart))) {
            rs.next();
            long rows = rs.getLong(5);
            c.commit();
            return rows;
        }
    }

    /** Source commit ({@code payload.source.ts_ms}) -> Kafka append time of every record committed in the phase. */
    private static LatencySummary connectorLatency(String bootstrap, List<String> topics, long phaseStart) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Double> latencies = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long remaining = end.values().stream().mapToLong(Long::longValue).sum();
            while (remaining > 0) {
                var batch = consumer.poll(Duration.ofMillis(500));
                remaining -= batch.count();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (record.value() == null) {
                        continue;
                    }
                    long committed = sourceTsMillis(record.value());
                    if (committed >= phaseStart) {
                        latencies.add((double) (record.timestamp() - committed));
                    }
                }
                if (batch.isEmpty() && consumer.assignment().stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    break;
                }
            }
        }
        return LatencySummary.of(latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static long sourceTsMillis(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node.path("payload").path("source").path("ts_ms").asLong(Long.MIN_VALUE);
        } catch (java.io.IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
