package io.flowcast.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.operators.CdcDecodeFunction;
import io.flowcast.jobs.InventoryMirrorJob;
import io.flowcast.jobs.MirrorJobOptions;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.sinks.PostgresOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code flowcast bench mirror}: InventoryMirrorJob on this machine, in a local Flink MiniCluster
 * with RocksDB and checkpoints, against its own Kafka broker, a scratch database and a scratch
 * Redis database. Every figure is printed next to a baseline measured in the same run.
 */
public final class MirrorBenchmark {

    /** What to run. {@code messages} must yield the same messages on every call. */
    public record Settings(
            FlowcastConfig config,
            Supplier<Iterator<ProducerRecord<byte[], byte[]>>> messages,
            int parallelism,
            int partitions,
            int copyRows,
            double latencyRate,
            Duration latencyDuration,
            String database,
            String redisUrl) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final PrintStream out;

    public MirrorBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public void run() throws Exception {
        PostgresOptions pg = settings.config().postgres();
        PostgresOptions benchPg = BenchSupport.onDatabase(pg, settings.database());
        recreateDatabase(benchPg);
        out.printf("Flowcast bench mirror: %d cores, %s, parallelism %d, %d partitions per topic%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                settings.parallelism(), settings.partitions());

        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            List<String> topics = Arrays.stream(MirrorTable.values()).map(MirrorTable::topic).toList();
            List<String> allTopics = new java.util.ArrayList<>(topics);
            allTopics.add("castrolanda.inventory.unknown_table");
            KafkaLoad.createTopics(kafka.bootstrap(), allTopics, settings.partitions());

            long start = System.nanoTime();
            long produced;
            try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(kafka.bootstrap())) {
                produced = KafkaLoad.send(producer, settings.messages().get(), 0, r -> r);
            }
            report("produce (idempotent producer, lz4)", produced, start, -1);

            start = System.nanoTime();
            long consumed = KafkaLoad.consumeAll(kafka.bootstrap(), allTopics);
            double bareRate = report("bare Kafka consume (baseline)", consumed, start, -1);

            MirrorJobOptions options = MirrorJobOptions.from(overrides(kafka.bootstrap(), benchPg, "earliest"));

            start = System.nanoTime();
            StreamExecutionEnvironment decodeEnv = environment();
            InventoryMirrorJob.source(decodeEnv, options, true)
                    .process(new CdcDecodeFunction(InventoryMirrorJob.NAME, options.maxFutureSkew()))
                    .name("decode-validate")
                    .sinkTo(new DiscardingSink<>())
                    .name("discard");
            decodeEnv.execute("bench-decode-path");
            report("decode path: Kafka -> decode/validate -> discard", produced, start, bareRate);

            start = System.nanoTime();
            StreamExecutionEnvironment fullEnv = environment();
            InventoryMirrorJob.wire(InventoryMirrorJob.source(fullEnv, options, true), options);
            fullEnv.execute("bench-mirror-end-to-end");
            report("end to end: InventoryMirrorJob, all sinks (PG, Redis, DLQ, DQ)", produced, start, bareRate);
            out.printf("  rows now in PG mirror: %,d%n", mirrorRows(benchPg));

            PostgresSinkBench.Result sink = PostgresSinkBench.run(benchPg, settings.copyRows(), pg.batchSize(), 42);
            out.printf("%-62s %,12.0f rows/s%n", "PG COPY into ml_sales_orders (baseline)", sink.copyRowsPerSecond());
            out.printf("%-62s %,12.0f rows/s  %5.1f%% of COPY%n", "PG mirror upsert, new rows (insert path)",
                    sink.upsertInsertRowsPerSecond(), 100 * sink.insertRatio());
            out.printf("%-62s %,12.0f rows/s  %5.1f%% of COPY%n", "PG mirror upsert, existing rows (update path)",
                    sink.upsertUpdateRowsPerSecond(), 100 * sink.updateRatio());

            measureLatency(kafka.bootstrap(), benchPg);
        }
    }

    private void measureLatency(String bootstrap, PostgresOptions pg) throws Exception {
        truncateMirror(pg);
        MirrorJobOptions options = MirrorJobOptions.from(overrides(bootstrap, pg, "latest"));
        StreamExecutionEnvironment env = environment();
        InventoryMirrorJob.wire(InventoryMirrorJob.source(env, options, false), options);
        JobClient job = env.executeAsync("bench-mirror-latency");
        try {
            // Let the source finish its partition assignment before measuring.
            Thread.sleep(5_000);
            long phaseStart = System.currentTimeMillis();
            long target = (long) (settings.latencyRate() * settings.latencyDuration().toSeconds());
            Iterator<ProducerRecord<byte[], byte[]>> messages = goodMessages(settings.messages().get(), target);
            long sent;
            try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(bootstrap)) {
                sent = KafkaLoad.send(producer, messages, settings.latencyRate(), MirrorBenchmark::stampNow);
            }
            double seconds = (System.currentTimeMillis() - phaseStart) / 1000.0;
            Thread.sleep(3_000);
            out.printf("latency at %,.0f events/s sustained for %.0f s (%,d events): CDC commit -> row in PG%n",
                    sent / seconds, seconds, sent);
            try (Connection c = pg.connect(); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery(latencySql(phaseStart));
                rs.next();
                out.printf("  p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms over %,d rows%n",
                        rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5));
            }
        } finally {
            job.cancel().get();
        }
    }

    /** Latency per row: ingestion (statement time, just before commit) minus the source commit time. */
    static String latencySql(long phaseStartMillis) {
        StringBuilder union = new StringBuilder();
        for (MirrorTable table : MirrorTable.values()) {
            if (union.length() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT ingested_at, source_ts FROM flowcast.").append(table.mirrorTable())
                    .append(" WHERE source_ts >= to_timestamp(").append(phaseStartMillis / 1000.0).append(")");
        }
        return "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), max(ms), count(*) FROM (SELECT"
                + " extract(epoch FROM ingested_at - source_ts) * 1000 AS ms FROM (" + union + ") u) l";
    }

    /** Valid envelopes only, first {@code limit}; source.ts_ms is restamped when sent. */
    private static Iterator<ProducerRecord<byte[], byte[]>> goodMessages(Iterator<ProducerRecord<byte[], byte[]>> all, long limit) {
        return new Iterator<>() {
            long taken;
            ProducerRecord<byte[], byte[]> next = advance();

            private ProducerRecord<byte[], byte[]> advance() {
                while (all.hasNext()) {
                    ProducerRecord<byte[], byte[]> candidate = all.next();
                    if (candidate.value() != null && MirrorTable.forTopic(candidate.topic()).isPresent() && parses(candidate.value())) {
                        return candidate;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null && taken < limit;
            }

            @Override
            public ProducerRecord<byte[], byte[]> next() {
                ProducerRecord<byte[], byte[]> current = next;
                taken++;
                next = advance();
                return current;
            }
        };
    }

    private static boolean parses(byte[] value) {
        try {
            return JSON.readTree(value).has("source");
        } catch (IOException e) {
            return false;
        }
    }

    /** The message as if committed at the source now: latency is measured from this instant. */
    private static ProducerRecord<byte[], byte[]> stampNow(ProducerRecord<byte[], byte[]> record) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(record.value());
            long now = System.currentTimeMillis();
            ((ObjectNode) envelope.get("source")).put("ts_ms", now);
            envelope.put("ts_ms", now);
            // The generator's business times are in the past, so moving the commit time to now
            // never makes them "future" for the validator.
            return new ProducerRecord<>(record.topic(), null, now, record.key(), JSON.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private FlowcastConfig overrides(String bootstrap, PostgresOptions pg, String startingOffsets) {
        FlowcastConfig config = settings.config();
        config.set("kafka.bootstrap", bootstrap);
        config.set("kafka.starting-offsets", startingOffsets);
        config.set("postgres.url", pg.url());
        config.set("redis.url", settings.redisUrl());
        config.set("inventory-mirror.group-id", "flowcast-bench-" + System.nanoTime());
        return config;
    }

    private StreamExecutionEnvironment environment() throws IOException {
        return BenchSupport.miniCluster(settings.parallelism(), settings.config().longValue("checkpoints.interval-ms"));
    }

    private double report(String what, long events, long startNanos, double baselineRate) {
        return BenchSupport.printRate(out, what, events, BenchSupport.secondsSince(startNanos), baselineRate);
    }

    private static void recreateDatabase(PostgresOptions pg) throws Exception {
        BenchSupport.recreateDatabase(pg);
    }

    private static void truncateMirror(PostgresOptions pg) throws Exception {
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            for (MirrorTable table : MirrorTable.values()) {
                st.execute("TRUNCATE flowcast." + table.mirrorTable());
            }
            c.commit();
        }
    }

    private static long mirrorRows(PostgresOptions pg) throws Exception {
        long rows = 0;
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            for (MirrorTable table : MirrorTable.values()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM flowcast." + table.mirrorTable())) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
            c.commit();
        }
        return rows;
    }
}
