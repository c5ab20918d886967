package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.CdcMessage;
import io.flowcast.registry.ModelRegistryStore;
import io.flowcast.registry.PromotionPolicy;
import io.flowcast.registry.Stage;
import io.flowcast.router.MethodRouter;
import io.flowcast.router.RouterBacktest;
import io.flowcast.router.RouterParams;
import io.flowcast.router.RouterTrainer;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.MiniClusterJobs;
import io.flowcast.testing.PgWait;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hot swap end to end: DemandForecastJob runs unbounded and forecasts with the rules
 * (rules-1); a router version promoted in model_registry reaches the job through logical
 * replication and the next week closes are forecast by it (router-1) without a restart; a
 * promoted version with a corrupt artifact is rejected (model_alerts + dead_letter) and router-1
 * stays active. No week close is forecast twice or skipped across the swaps.
 */
class HotSwapITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SLOT = "flowcast_it_models_" + UUID.randomUUID().toString().substring(0, 8);

    private static JobServices services;
    private static ScratchDatabase db;

    @BeforeAll
    static void startServices() throws Exception {
        services = JobServices.start("hotswap_it", JobServices.redisUrl(11));
        db = services.db();
    }

    @AfterAll
    static void stopServices() throws Exception {
        try {
            if (db != null) {
                try (Connection c = db.connect()) {
                    ReplicationSlots.dropWhenReleased(c, SLOT, Duration.ofSeconds(30));
                }
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    @Test
    void aPromotedRouterTakesOverMidStreamAndACorruptOneIsRejected() throws Exception {
        String sales = MirrorTable.SALES_ORDERS.topic();
        List<GeneratedMessage> messages = new CdcGenerator(GeneratorConfig.builder()
                .seed(5L).products(5).weeks(24).badFraction(0.0).build()).generateAll().messages().stream()
                .filter(m -> m.topic().equals(sales)).toList();
        int half = messages.size() / 2;
        KafkaLoad.createTopics(services.kafka().bootstrap(), List.of(sales), 2);
        DemandJobOptions options = DemandJobOptions.from(FlowcastConfig.load(null, Map.of(), services.overrides(
                "demand-forecast.forecast-method=theta",
                "demand-forecast.forecast-history-mode=every-week",
                "demand-forecast.requests.enabled=false",
                "models.hot-swap.enabled=true",
                "models.hot-swap.slot-name=" + SLOT)));
        StreamExecutionEnvironment env = MiniClusterJobs.environment();
        DataStream<CdcMessage> cdc = DemandForecastJob.source(env, options, false);
        DemandForecastJob.wire(cdc, DemandForecastJob.requests(env, options, cdc),
                DemandForecastJob.modelChanges(env, options, cdc), options,
                DemandSinks.production(options.postgres(), options.redis()));
        JobClient job = env.executeAsync("HotSwapITCase");
        try (Connection c = db.connect(); KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(services.kafka().bootstrap())) {
            KafkaLoad.send(producer, messages.subList(0, half).stream().map(KafkaLoad::record).iterator(), 0, r -> r);
            producer.flush();
            waitFor(c, "rule-based forecasts", "SELECT count(DISTINCT origin_week) >= 3 FROM flowcast.prediction_results");
            ReplicationSlots.awaitStreaming(c, SLOT, WAIT);
            waitForQuiescence(c);
            long rulesRows = scalar(c, "SELECT count(*) FROM flowcast.prediction_results");

            ModelRegistryStore store = new ModelRegistryStore(c);
            byte[] artifact = tinyRouter(c);
            int v1 = store.registerCandidate("router", "test", "{}", null, null, 5, artifact, MethodRouter.sha256(artifact));
            store.conclude("router", v1, new PromotionPolicy(0.01).decide(1.0, java.util.OptionalDouble.empty(), ""), "it");
            waitFor(c, "router-1 activated", "SELECT count(*) = 1 FROM flowcast.model_alerts WHERE version = 1 AND kind = 'activated'");
            long swapMillis = scalar(c, "SELECT (extract(epoch FROM a.raised_at - r.promoted_at) * 1000)::bigint "
                    + "FROM flowcast.model_alerts a JOIN flowcast.model_registry r ON r.version = a.version WHERE a.version = 1");
            System.out.println("promotion -> active in the stream: " + swapMillis + " ms");

            byte[] corrupt = artifact.clone();
            corrupt[corrupt.length / 2] ^= 0x55;
            int v2 = store.registerCandidate("router", "test", "{}", null, null, 5, corrupt, MethodRouter.sha256(corrupt));
            store.conclude("router", v2, new PromotionPolicy(0.01).decide(0.5, java.util.OptionalDouble.of(1.0), ""), "it");
            assertThat(store.production("router").orElseThrow().stage()).isEqualTo(Stage.PRODUCTION);
            waitFor(c, "router-2 rejected", "SELECT count(*) = 1 FROM flowcast.model_alerts WHERE version = 2 AND kind = 'rejected'");
            waitFor(c, "dead letter of router-2", "SELECT count(*) = 1 FROM flowcast.dead_letter "
                    + "WHERE source_topic = 'flowcast.model_registry' AND source_offset = 2 AND reason = 'CORRUPT_MODEL'");

            KafkaLoad.send(producer, messages.subList(half, messages.size()).stream().map(KafkaLoad::record).iterator(), 0, r -> r);
            producer.flush();
            waitFor(c, "router-1 forecasts", "SELECT count(DISTINCT origin_week) >= 3 FROM flowcast.prediction_results "
                    + "WHERE model_version = 'router-1'");
            waitForQuiescence(c);

            assertThat(scalar(c, "SELECT count(*) FROM flowcast.prediction_results WHERE model_version NOT IN ('rules-1', 'router-1')"))
                    .isZero();
            assertThat(scalar(c, "SELECT count(*) FROM flowcast.prediction_results WHERE model_version = 'rules-1'"))
                    .isEqualTo(rulesRows);
            assertThat(scalar(c, "SELECT count(*) FROM flowcast.prediction_results WHERE model_version = 'router-1' "
                    + "AND explanation LIKE '%model router-1%'")).isPositive();
            // Each week close forecast once (one version), and no close skipped between the first and the last.
            assertThat(scalar(c, "SELECT count(*) FROM (SELECT 1 FROM flowcast.prediction_results WHERE request_id = '' "
                    + "GROUP BY product_code, region, origin_week, channel HAVING count(DISTINCT model_version) > 1) d")).isZero();
            assertThat(scalar(c, "SELECT count(*) FROM (SELECT product_code, region FROM flowcast.prediction_results "
                    + "WHERE request_id = '' AND channel = 'units' GROUP BY 1, 2 "
                    + "HAVING (max(origin_week) - min(origin_week)) / 7 + 1 <> count(DISTINCT origin_week)) gaps")).isZero();
            // Every series forecast before the swap is forecast after it too.
            assertThat(scalar(c, "SELECT count(DISTINCT (product_code, region)) FROM flowcast.prediction_results WHERE model_version = 'rules-1'"))
                    .isEqualTo(scalar(c, "SELECT count(DISTINCT (product_code, region)) FROM flowcast.prediction_results WHERE model_version = 'router-1'"));
        } finally {
            job.cancel().get();
        }
    }

    /** A small router trained on the weekly series the job has written so far. */
    private static byte[] tinyRouter(Connection c) throws SQLException {
        List<Series> series = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT product_code || '|' || region, array_agg(units::float8 ORDER BY week_start) "
                        + "FROM flowcast.weekly_sales GROUP BY 1")) {
            while (rs.next()) {
                Double[] units = (Double[]) rs.getArray(2).getArray();
                List<String> ts = new ArrayList<>();
                double[] y = new double[units.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = units[i];
                    ts.add(Integer.toString(i));
                }
                series.add(new Series(rs.getString(1), ts, y));
            }
        }
        List<String> pool = List.of("naive", "theta", "mean");
        RouterBacktest backtest = new RouterBacktest(new Forecaster(MethodRegistry.defaults()), pool, 2, 1, 1);
        try (MethodRouter router = new RouterTrainer(RouterParams.defaults().withRounds(5))
                .train(pool, backtest.rollingOrigins(series, 2, 1, n -> {}))) {
            return router.toBytes();
        }
    }

    private static void waitFor(Connection c, String what, String booleanQuery) throws Exception {
        PgWait.waitFor(c, what, booleanQuery, WAIT);
    }

    private static void waitForQuiescence(Connection c) throws Exception {
        PgWait.waitForQuiescence(c, WAIT);
    }

    private static long scalar(Connection c, String query) throws SQLException {
        return PgWait.scalar(c, query);
    }
}
