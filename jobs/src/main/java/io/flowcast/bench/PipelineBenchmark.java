package io.flowcast.bench;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.jobs.DemandForecastJob;
import io.flowcast.jobs.DemandJobOptions;
import io.flowcast.jobs.DemandSinks;
import io.flowcast.jobs.ForecastOptions;
import io.flowcast.jobs.ReplicationSlots;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.CdcMessage;
import io.flowcast.sinks.PostgresOptions;
import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import redis.clients.jedis.RedisClient;

/**
 * {@code flowcast bench pipeline}: DemandForecastJob on this machine, in a local MiniCluster with
 * RocksDB (incremental checkpoints, the configured interval), against its own Kafka broker, a
 * scratch database and a scratch Redis database.
 *
 * <ol>
 *   <li>Throughput: the sales-order history replayed through the job from a bounded source, next
 *       to a bare Kafka consumer of the same topic; once with the {@code naive} method (the event
 *       path: forecasting costs microseconds) and once with the method under test.
 *   <li>Live figures ({@link LiveProbe}s) with the job unbounded, reading on-demand requests from
 *       PostgreSQL through its own replication slot (dropped afterwards): week close -> forecast
 *       visible, then request -> answer.
 * </ol>
 */
public final class PipelineBenchmark {

    /** Figures measured against the running job, in order (see {@link LiveProbe}). */
    static final List<Function<Settings, LiveProbe>> PROBES = List.of(
            s -> new WeekCloseLatencyProbe(s.pacing(), s.details()),
            s -> new RequestLatencyProbe(s.requests()));

    private static final Duration SLOT_WAIT = Duration.ofMinutes(2);

    /**
     * What to run. The message suppliers must yield the same sales-order messages on every call.
     *
     * @param throughputMethods forecast methods of the throughput runs, in order
     * @param liveMethods forecast methods the live probes run with, one job each
     * @param details print each measured week close
     */
    public record Settings(
            FlowcastConfig config,
            Supplier<Iterator<ProducerRecord<byte[], byte[]>>> history,
            Supplier<Iterator<ProducerRecord<byte[], byte[]>>> liveHistory,
            int parallelism,
            int partitions,
            List<String> throughputMethods,
            List<String> liveMethods,
            WeekCloseLatencyProbe.Pacing pacing,
            RequestLatencyProbe.Load requests,
            String database,
            String redisUrl,
            boolean details) {}

    static final String SALES_TOPIC = MirrorTable.SALES_ORDERS.topic();

    private final Settings settings;
    private final PrintStream out;

    public PipelineBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public void run() throws Exception {
        PostgresOptions pg = BenchSupport.onDatabase(settings.config().postgres(), settings.database());
        long checkpointMillis = settings.config().longValue("checkpoints.interval-ms");
        out.printf("Flowcast bench pipeline: %d cores (load average %.1f at start), %s, parallelism %d, %d partitions,"
                        + " RocksDB (incremental) checkpoints every %,d ms, %s managed memory%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                settings.parallelism(), settings.partitions(), checkpointMillis, BenchSupport.MANAGED_MEMORY);
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            if (!settings.throughputMethods().isEmpty()) {
                measureThroughput(kafka.bootstrap(), pg);
            }
            for (String method : settings.liveMethods()) {
                measureLive(kafka.bootstrap(), pg, method);
            }
        }
    }

    private void measureThroughput(String bootstrap, PostgresOptions pg) throws Exception {
        KafkaLoad.createTopics(bootstrap, List.of(SALES_TOPIC), settings.partitions());
        long start = System.nanoTime();
        long produced;
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(bootstrap)) {
            produced = KafkaLoad.send(producer, settings.history().get(), 0, r -> r);
        }
        BenchSupport.printRate(out, "produce " + SALES_TOPIC, produced, BenchSupport.secondsSince(start), -1);
        start = System.nanoTime();
        long consumed = KafkaLoad.consumeAll(bootstrap, List.of(SALES_TOPIC));
        double bareRate = BenchSupport.printRate(out, "bare Kafka consume of the same topic (baseline)", consumed,
                BenchSupport.secondsSince(start), -1);

        for (String method : settings.throughputMethods()) {
            BenchSupport.recreateDatabase(pg);
            flushRedis();
            DemandJobOptions options = DemandJobOptions.from(configFor(bootstrap, pg, "earliest", method));
            StreamExecutionEnvironment env = BenchSupport.miniCluster(settings.parallelism(),
                    settings.config().longValue("checkpoints.interval-ms"));
            FirstRecordClock.reset();
            TaskTimeReporter.reset();
            DataStream<CdcMessage> source = DemandForecastJob.source(env, options, true)
                    .map(new FirstRecordClock<>())
                    .name("bench-first-record-clock")
                    .uid("bench-first-record-clock");
            DemandForecastJob.wire(source, options);
            long submitted = System.nanoTime();
            env.execute("bench-pipeline-throughput-" + method);
            double jobSeconds = BenchSupport.secondsSince(FirstRecordClock.firstNanos());
            Outputs outputs = outputs(pg);
            // A bounded job ends with a final checkpoint, up to one interval after its sinks have
            // flushed the last rows; the processing time ends with the last row written instead.
            double seconds = (outputs.lastWriteMillis() - FirstRecordClock.firstMillis()) / 1000.0;
            BenchSupport.printRate(out, "DemandForecastJob end to end, forecast method " + method, consumed, seconds, bareRate);
            out.printf("  %,d series-week forecasts (%,d series, %,d origin weeks; units + revenue each) = %,.0f series forecasts/s;"
                            + " %,d prediction_results rows (%,.0f rows/s), %,d weekly_sales rows%n",
                    outputs.seriesWeeks(), outputs.series(), outputs.weeks(), outputs.seriesWeeks() / seconds,
                    outputs.predictionRows(), outputs.predictionRows() / seconds, outputs.weeklyRows());
            out.printf("  timed from the first record read to the last row written in PG; not counted: start-up %.1f s,"
                            + " final checkpoint %.1f s%n",
                    (FirstRecordClock.firstNanos() - submitted) / 1e9, jobSeconds - seconds);
            TaskTimeReporter.print(out, jobSeconds);
        }
    }

    private void measureLive(String bootstrap, PostgresOptions pg, String method) throws Exception {
        String slot = settings.requests().slotName();
        // A slot left by an aborted run pins WAL and blocks DROP DATABASE.
        dropSlot(pg, slot);
        BenchSupport.recreateDatabase(pg);
        flushRedis();
        // A fresh topic read from its start: no event of the live history is missed while the job starts.
        KafkaLoad.deleteTopics(bootstrap, List.of(SALES_TOPIC));
        KafkaLoad.createTopics(bootstrap, List.of(SALES_TOPIC), settings.partitions());
        FlowcastConfig config = configFor(bootstrap, pg, "earliest", method);
        config.set("demand-forecast.requests.enabled", "true");
        // The generator dates its history from a fixed start, in the past: the live closes measured
        // here would count as historical and skip forecasts, so every close is forecast.
        config.set(ForecastOptions.HISTORY_MODE, "every-week");
        config.set("demand-forecast.requests.slot-name", slot);
        config.set("demand-forecast.requests.startup-mode", "latest-offset");
        DemandJobOptions options = DemandJobOptions.from(config);
        out.printf("live: DemandForecastJob unbounded, forecast method %s, watermarks: out-of-orderness %s, idleness %s;"
                        + " sinks flush every %d ms (PG) / %d ms (Redis) and before each checkpoint%n",
                method, options.eventTime().outOfOrderness(), options.eventTime().idleness(), options.postgres().flushIntervalMillis(),
                options.redis().flushIntervalMillis());
        StreamExecutionEnvironment env = BenchSupport.miniCluster(settings.parallelism(),
                settings.config().longValue("checkpoints.interval-ms"));
        DataStream<CdcMessage> sales = DemandForecastJob.source(env, options, false);
        DemandForecastJob.wire(sales, DemandForecastJob.requests(env, options, sales), options,
                DemandSinks.production(options.postgres(), options.redis()));
        JobClient job = env.executeAsync("bench-pipeline-live-" + method);
        try {
            while (job.getJobStatus().get() != JobStatus.RUNNING) {
                Thread.sleep(100);
            }
            // With startup mode latest-offset, requests committed before the slot streams are never read.
            long slotWait = System.nanoTime();
            awaitSlotActive(pg, slot);
            out.printf("  request source streaming from replication slot %s after %.1f s%n", slot, BenchSupport.secondsSince(slotWait));
            LiveProbe.Live live = new LiveProbe.Live(bootstrap, SALES_TOPIC, settings.liveHistory(), pg,
                    settings.redisUrl(), options, job, out);
            for (Function<Settings, LiveProbe> probe : PROBES) {
                LiveProbe p = probe.apply(settings);
                out.println("  " + p.title());
                p.run(live);
            }
        } finally {
            try {
                job.cancel().get();
            } finally {
                dropSlot(pg, slot);
            }
        }
    }

    private static void awaitSlotActive(PostgresOptions pg, String slot) throws Exception {
        try (Connection c = pg.connect()) {
            c.setAutoCommit(true);
            ReplicationSlots.awaitStreaming(c, slot, SLOT_WAIT);
        }
    }

    /** Drops {@code slot} once the cancelled job lets go of it; connected to the server's {@code postgres} database (the scratch one may not exist yet). */
    private static void dropSlot(PostgresOptions pg, String slot) throws Exception {
        String server = pg.url().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1");
        try (Connection c = DriverManager.getConnection(server, pg.user(), pg.password())) {
            ReplicationSlots.dropWhenReleased(c, slot, SLOT_WAIT);
        }
    }

    private FlowcastConfig configFor(String bootstrap, PostgresOptions pg, String startingOffsets, String method) {
        FlowcastConfig config = settings.config();
        config.set("kafka.bootstrap", bootstrap);
        config.set("kafka.starting-offsets", startingOffsets);
        config.set("postgres.url", pg.url());
        config.set("redis.url", settings.redisUrl());
        config.set("demand-forecast.group-id", "flowcast-bench-" + System.nanoTime());
        config.set("demand-forecast.forecast-method", method);
        return config;
    }

    private void flushRedis() {
        try (RedisClient redis = RedisClient.create(URI.create(settings.redisUrl()))) {
            redis.flushDB();
        }
    }

    private record Outputs(long seriesWeeks, long series, long weeks, long weeklyRows, long lastWriteMillis, long predictionRows) {}

    private static Outputs outputs(PostgresOptions pg) throws Exception {
        try (Connection c = pg.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM flowcast.prediction_results WHERE channel = 'units' AND step = 1),"
                        + " (SELECT count(DISTINCT (product_code, region)) FROM flowcast.prediction_results),"
                        + " (SELECT count(DISTINCT origin_week) FROM flowcast.prediction_results),"
                        + " (SELECT count(*) FROM flowcast.weekly_sales),"
                        // now() in the sinks' statements: the start of the transaction that wrote the row.
                        + " extract(epoch FROM greatest((SELECT max(created_at) FROM flowcast.prediction_results),"
                        + " (SELECT max(updated_at) FROM flowcast.weekly_sales), (SELECT max(updated_at) FROM flowcast.feature_store),"
                        + " (SELECT max(created_at) FROM flowcast.classification_results), (SELECT max(created_at) FROM flowcast.abc_classes),"
                        + " (SELECT max(created_at) FROM flowcast.dead_letter))) * 1000,"
                        + " (SELECT count(*) FROM flowcast.prediction_results)")) {
            rs.next();
            Outputs outputs = new Outputs(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            c.commit();
            return outputs;
        }
    }
}
