package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedBatch;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.CdcMessage;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.MiniClusterJobs;
import io.flowcast.testing.PgWait;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
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
import redis.clients.jedis.RedisClient;

/**
 * On-demand forecasts end to end: DemandForecastJob runs unbounded on the MiniCluster against real
 * Kafka, PostgreSQL (logical replication through the V9 publication) and Redis. Weeks close and
 * scheduled forecasts appear while the request source is connected and silent; requests inserted
 * with SQL are answered with their id and horizon, both channels, the engine's values; a request
 * for an unknown series lands in dead_letter. The replication slot is dropped afterwards.
 */
class ForecastRequestsITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final String REDIS_URL = JobServices.redisUrl(12);
    private static final Duration WAIT = Duration.ofSeconds(180);

    private static JobServices services;
    private static LocalKafkaBroker kafka;
    private static ScratchDatabase db;
    private static final String SLOT = "flowcast_it_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startServicesAndLoadHistory() throws Exception {
        services = JobServices.start("requests_it", REDIS_URL);
        kafka = services.kafka();
        db = services.db();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).as("PostgreSQL must run with wal_level=logical for the Flink CDC request source;"
                    + " the tests start their own server with it unless -Dflowcast.test.pg.server points elsewhere").isEqualTo("logical");
        }
        GeneratedBatch batch = new CdcGenerator(GeneratorConfig.builder()
                .seed(11L).products(6).weeks(20).badFraction(0.0).build()).generateAll();
        String sales = MirrorTable.SALES_ORDERS.topic();
        KafkaLoad.createTopics(kafka.bootstrap(), List.of(sales), 2);
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(kafka.bootstrap())) {
            KafkaLoad.send(producer, batch.messages().stream()
                    .filter(m -> m.topic().equals(sales)).map(KafkaLoad::record).iterator(), 0, r -> r);
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        try {
            if (db != null) {
                dropSlot();
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    @Test
    void requestsInsertedWithSqlAreAnsweredAndBadOnesAreDeadLetters() throws Exception {
        DemandJobOptions options = DemandJobOptions.from(FlowcastConfig.load(null, Map.of(), services.overrides(
                                "demand-forecast.forecast-method=theta",
                "demand-forecast.requests.enabled=true",
                "demand-forecast.requests.slot-name=" + SLOT,
                "demand-forecast.requests.startup-mode=latest-offset")));
        StreamExecutionEnvironment env = MiniClusterJobs.environment();
        DataStream<CdcMessage> sales = DemandForecastJob.source(env, options, false);
        DemandForecastJob.wire(sales, DemandForecastJob.requests(env, options, sales), options,
                DemandSinks.production(options.postgres(), options.redis()));
        JobClient job = env.executeAsync("ForecastRequestsITCase");
        try (Connection c = db.connect()) {
            // No request yet, the request source connected: weeks still close and get forecast.
            waitFor(c, "scheduled forecasts while no request arrives",
                    "SELECT count(DISTINCT (product_code, region)) >= 3 FROM flowcast.prediction_results WHERE request_id = ''");
            ReplicationSlots.awaitStreaming(c, SLOT, WAIT);
            assertThat(scalar(c, "SELECT count(*) FROM flowcast.forecast_requests")).isZero();

            List<String[]> series = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT product_code, region FROM flowcast.prediction_results WHERE request_id = ''"
                            + " GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 3")) {
                while (rs.next()) {
                    series.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            // Latency is measured once the replayed history has been processed: while the job
            // catches up, a request waits behind the sales deltas queued in the aggregator.
            waitForQuiescence(c);
            // The WAL sender decodes every change of this database (the job's own writes
            // included) before it reaches a request's commit: a backlog there delays requests.
            long lagBytes = ReplicationSlots.senderLagBytes(c, SLOT);
            long catchUp = System.nanoTime();
            ReplicationSlots.awaitSenderCaughtUp(c, SLOT, WAIT);
            System.out.println("WAL sender behind by " + lagBytes + " bytes after the replay; caught up in "
                    + (System.nanoTime() - catchUp) / 1_000_000 + " ms");
            int[] horizons = {5, 1, 12, 26, 104, 8};
            List<Long> latenciesMillis = new ArrayList<>();
            for (int i = 0; i < horizons.length; i++) {
                String[] s = series.get(i % series.size());
                long id = insertRequest(c, s[0], s[1], horizons[i]);
                waitFor(c, "request " + id + " answered", "SELECT status = 'answered' AND rows = " + 2 * horizons[i]
                        + " FROM flowcast.v_forecast_requests WHERE request_id = " + id);
                latenciesMillis.add(scalar(c, "SELECT (extract(epoch FROM latency) * 1000)::bigint"
                        + " FROM flowcast.v_forecast_requests WHERE request_id = " + id));
                assertAnswerIsTheEngineForecast(c, id, s[0], s[1], horizons[i]);
            }
            System.out.println("forecast request -> answer latency (ms), horizons " + java.util.Arrays.toString(horizons)
                    + ": " + latenciesMillis);

            long bad = insertRequest(c, "NO-SUCH-PRODUCT", series.get(0)[1], 4);
            waitFor(c, "request " + bad + " rejected", "SELECT status = 'rejected' FROM flowcast.v_forecast_requests WHERE request_id = " + bad);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT job, reason, detail, record_key FROM flowcast.dead_letter"
                            + " WHERE source_topic = 'flowcast.forecast_requests' AND source_offset = " + bad)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(DemandForecastJob.NAME);
                assertThat(rs.getString(2)).isEqualTo("UNKNOWN_SERIES");
                assertThat(rs.getString(3)).isEqualTo("no sales history for NO-SUCH-PRODUCT/" + series.get(0)[1]);
            }
            assertThat(scalar(c, "SELECT count(*) FROM flowcast.prediction_results WHERE request_id = '" + bad + "'")).isZero();

            // Answers never show up as "the" forecast, nor overwrite the scheduled one.
            assertThat(scalar(c, "SELECT count(*) FROM flowcast.v_latest_forecast WHERE request_id <> ''")).isZero();
            assertThat(scalar(c, "SELECT count(*) FROM flowcast.v_latest_forecast WHERE product_code = '" + series.get(0)[0]
                    + "' AND region = '" + series.get(0)[1] + "'")).isEqualTo(2 * 26);
        } finally {
            job.cancel().get();
        }
        dropSlot();
    }

    /** Both channels, steps 1..horizon, and the units are what theta says about weekly_sales up to the origin. */
    private static void assertAnswerIsTheEngineForecast(Connection c, long id, String product, String region, int horizon)
            throws SQLException {
        String where = " WHERE product_code = '" + product + "' AND region = '" + region + "'";
        LocalDate origin;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT min(origin_week), max(origin_week), count(DISTINCT channel), min(step), max(step)"
                        + " FROM flowcast.prediction_results" + where + " AND request_id = '" + id + "'")) {
            rs.next();
            origin = rs.getObject(1, LocalDate.class);
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(origin);
            assertThat(rs.getInt(3)).isEqualTo(2);
            assertThat(rs.getInt(4)).isEqualTo(1);
            assertThat(rs.getInt(5)).isEqualTo(horizon);
        }
        List<Double> history = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT units FROM flowcast.weekly_sales" + where
                + " AND week_start <= '" + origin + "' ORDER BY week_start")) {
            while (rs.next()) {
                history.add(rs.getDouble(1));
            }
        }
        double[] expected = new Forecaster(MethodRegistry.defaults()).forecast("theta",
                history.stream().mapToDouble(Double::doubleValue).toArray(), 52, horizon, new double[] {80}).mean();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT step, yhat, target_week FROM flowcast.prediction_results"
                + where + " AND request_id = '" + id + "' AND channel = 'units' ORDER BY step")) {
            while (rs.next()) {
                assertThat(rs.getDouble(2)).as("request " + id + " step " + rs.getInt(1)).isCloseTo(expected[rs.getInt(1) - 1], within(1e-6));
                assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(origin.plusWeeks(rs.getInt(1)));
            }
        }
    }

    private static long insertRequest(Connection c, String product, String region, int horizon) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO flowcast.forecast_requests (product_code, region, horizon) VALUES (?, ?, ?) RETURNING request_id")) {
            ps.setString(1, product);
            ps.setString(2, region);
            ps.setInt(3, horizon);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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

    /** A slot pins WAL and blocks DROP DATABASE: drop it once the cancelled job has let go of it. */
    private static void dropSlot() throws Exception {
        try (Connection c = db.connect()) {
            ReplicationSlots.dropWhenReleased(c, SLOT, Duration.ofSeconds(30));
        }
    }
}
