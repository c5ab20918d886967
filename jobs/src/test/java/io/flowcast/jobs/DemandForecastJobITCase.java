package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.records.DeadLetterReason;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.classify.AbcRanking;
import io.flowcast.classify.DemandClassifier;
import io.flowcast.features.DemandFeatures;
import io.flowcast.features.FeatureExtractor;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratedBatch;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.CdcMessage;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.FailOnceAfterCheckpoint;
import io.flowcast.testing.JobServices;
import io.flowcast.testing.MiniClusterJobs;
import io.flowcast.testing.MirrorSnapshot;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * DemandForecastJob's weekly aggregation end to end: the generator's sales history (amendments
 * and cancellations of earlier lines included) and stock levels through a MiniCluster that fails
 * once mid-stream; {@code weekly_sales} must then equal the generator's ledger week by week, to
 * the last digit, and the inventory KPIs in {@code feature_store} the ledger's stock and
 * fulfilment. The stock of one product is withheld: its series must have null stock KPIs.
 */
class DemandForecastJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    /** Redis logical database used only by this test (flushed before it runs); -Dflowcast.it.redis-db=N moves it. */
    private static final String REDIS_URL = JobServices.redisUrl(12);

    private static JobServices services;
    private static LocalKafkaBroker kafka;
    private static ScratchDatabase db;
    private static GeneratorLedger ledger;
    private static long messages;
    /** Product whose stock levels are not sent: its series have no stock data. */
    private static final String WITHOUT_STOCK = "P0003";
    /** Invalid messages among those sent, by the dead-letter reason they must get. */
    private static final Map<String, Long> expectedDeadLetters = new TreeMap<>();

    @BeforeAll
    static void startServicesAndLoadHistory() throws Exception {
        services = JobServices.start("demand_it", REDIS_URL);
        kafka = services.kafka();
        db = services.db();
        GeneratedBatch batch = new CdcGenerator(GeneratorConfig.builder()
                .seed(7L).products(10).weeks(20).badFraction(0.01).build()).generateAll();
        ledger = batch.ledger();
        String sales = MirrorTable.SALES_ORDERS.topic();
        String stock = MirrorTable.STOCK_LEVELS.topic();
        // Two partitions per source subtask: subtasks that finish their input at very different
        // times decline checkpoints while closing, and the failure is injected after one.
        KafkaLoad.createTopics(kafka.bootstrap(), List.of(sales, stock), 4);
        String withheldKey = "\"" + WITHOUT_STOCK + "\"";
        java.util.function.Predicate<GeneratedMessage> sent = m -> m.topic().equals(sales) || m.topic().equals(stock)
                && !new String(m.key(), java.nio.charset.StandardCharsets.UTF_8).contains(withheldKey);
        batch.messages().stream().filter(sent).filter(GeneratedMessage::isBad)
                .forEach(m -> expectedDeadLetters.merge(DeadLetterReason.valueOf(m.badKind().name()).name(), 1L, Long::sum));
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(kafka.bootstrap())) {
            messages = KafkaLoad.send(producer, batch.messages().stream().filter(sent).map(KafkaLoad::record).iterator(), 0, r -> r);
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void weeklySalesEqualTheLedgerAcrossAFailureAndRestart() throws Exception {
        FailOnceAfterCheckpoint.FAILED.set(false);
        // The production defaults: forecast method auto and the history cadence (the generated
        // history is dated in the past, so its closes are historical: every-n plus the end of input).
        DemandJobOptions options = DemandJobOptions.from(FlowcastConfig.load(null, Map.of(), services.overrides()));
        assertThat(options.forecast().method()).as("conf/flowcast.yaml's default").isEqualTo("auto");
        StreamExecutionEnvironment env = MiniClusterJobs.environment();
        // The history is read in seconds; with the default 200 ms watermark interval a fast run can
        // read it all before the watermark moves, and every week then closes at the end of input
        // with one forecast per series. Frequent watermarks make the weeks close one by one, as in
        // production, so forecasts from many origins meet their actuals (the accuracy checks).
        env.getConfig().setAutoWatermarkInterval(5);
        DataStream<CdcMessage> source = DemandForecastJob.source(env, options, true)
                .map(new FailOnceAfterCheckpoint<>(messages / 8, 1))
                .name("inject-failure")
                .uid("inject-failure");
        DemandForecastJob.wire(source, options);
        env.execute("DemandForecastJobITCase");
        assertThat(FailOnceAfterCheckpoint.FAILED).as("the job failed once and recovered").isTrue();

        Map<String, Long> deadLetters = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT reason, count(*) FROM flowcast.dead_letter"
                        + " WHERE job = '" + DemandForecastJob.NAME + "' GROUP BY reason")) {
            while (rs.next()) {
                deadLetters.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(expectedDeadLetters).as("the history has invalid messages").isNotEmpty();
        assertThat(deadLetters).as("every invalid message in dead_letter once, with its reason").isEqualTo(expectedDeadLetters);

        Map<String, String> expected = new TreeMap<>();
        ledger.weeklySales().forEach((week, totals) -> expected.put(
                week.productCode() + "|" + week.region() + "|" + week.weekStart(),
                MirrorSnapshot.canonical(totals.units()) + "|" + MirrorSnapshot.canonical(totals.revenue())));
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT product_code, region, week_start, units, revenue FROM flowcast.weekly_sales")) {
            while (rs.next()) {
                String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3, java.time.LocalDate.class);
                String value = MirrorSnapshot.canonical(rs.getBigDecimal(4)) + "|" + MirrorSnapshot.canonical(rs.getBigDecimal(5));
                actual.put(key, value);
            }
        }
        assertThat(expected).as("the history has sales").hasSizeGreaterThan(100);
        // Weeks without sales (between a series' first and last sale) are rows of zeros; every
        // week the ledger knows must match exactly.
        Map<String, String> actualWithSales = new TreeMap<>(actual);
        actualWithSales.values().removeIf("0|0"::equals);
        Map<String, String> expectedWithSales = new TreeMap<>(expected);
        expectedWithSales.values().removeIf("0|0"::equals);
        assertThat(actualWithSales).isEqualTo(expectedWithSales);
        assertThat(actual.keySet()).as("every ledger week is in weekly_sales").containsAll(expected.keySet());
        assertProfilesFollowWeeklySales(options);
    }

    /**
     * The classes stored for each series' last week are what the classifier says about the
     * series as it stands in weekly_sales (already proven equal to the ledger).
     */
    private static void assertProfilesFollowWeeklySales(DemandJobOptions options) throws Exception {
        Map<String, List<Double>> series = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT product_code || '|' || region, units FROM flowcast.weekly_sales"
                        + " ORDER BY 1, week_start")) {
            while (rs.next()) {
                series.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getDouble(2));
            }
        }
        DemandClassifier classifier = new DemandClassifier(0.5, 1.0);
        Map<String, String> expected = new TreeMap<>();
        series.forEach((key, units) -> {
            double[] history = units.subList(Math.max(0, units.size() - 104), units.size()).stream().mapToDouble(Double::doubleValue).toArray();
            DemandFeatures features = FeatureExtractor.extract(history);
            expected.put(key, DemandClassifier.pattern(features) + "/" + classifier.xyz(features));
        });
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT ON (product_code, region) product_code || '|' || region, pattern, xyz"
                        + " FROM flowcast.classification_results ORDER BY product_code, region, as_of_week DESC")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getString(2) + "/" + rs.getString(3));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.values().stream().map(v -> v.split("/")[0]).distinct().count())
                .as("the generator's patterns show up").isGreaterThanOrEqualTo(2);
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT content_hash) FROM flowcast.feature_store")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(series.size());
        }
        assertAbcFollowsTrailingRevenue();
        assertForecastsFollowWeeklySales(series, options.forecast().method());
        assertAccuracyFollowsForecastsAndActuals(options.forecast().cadence().everyN());
        assertInventoryKpisFollowTheLedger(series);
        try (RedisClient redis = RedisClient.create(URI.create(REDIS_URL))) {
            for (String key : series.keySet()) {
                String[] parts = key.split("\\|");
                assertThat(redis.hget("ml:class:" + parts[0] + ":" + parts[1], "pattern")).isEqualTo(actual.get(key).split("/")[0]);
                assertThat(redis.ttl("ml:features:" + parts[0] + ":" + parts[1])).isPositive();
            }
        }
    }

    /**
     * Every series has a 26-week forecast of both channels from a week at or after its last sale,
     * and that units forecast is what the engine's configured method says about the series in
     * weekly_sales up to that week. (Trailing weeks without sales are closed by the watermark,
     * whose progress depends on timing; a week closed before the injected failure may not be
     * closed again by the restarted run before the end of input, so "the last week in
     * weekly_sales" is not the origin to look for.)
     */
    private static void assertForecastsFollowWeeklySales(Map<String, List<Double>> series, String method) throws Exception {
        Forecaster engine = new Forecaster(MethodRegistry.defaults());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String seriesKey : series.keySet()) {
                String[] key = seriesKey.split("\\|");
                String where = " WHERE product_code = '" + key[0] + "' AND region = '" + key[1] + "'";
                ResultSet origin = st.executeQuery("SELECT max(origin_week),"
                        + " (SELECT max(week_start) FROM flowcast.weekly_sales" + where + " AND units <> 0)"
                        + " FROM flowcast.prediction_results" + where);
                origin.next();
                java.time.LocalDate originWeek = origin.getObject(1, java.time.LocalDate.class);
                java.time.LocalDate lastSale = origin.getObject(2, java.time.LocalDate.class);
                assertThat(originWeek).as(seriesKey + " has forecasts").isNotNull();
                if (lastSale != null) {
                    assertThat(originWeek).as(seriesKey).isAfterOrEqualTo(lastSale);
                }
                List<Double> history = new ArrayList<>();
                ResultSet weeks = st.executeQuery("SELECT units FROM flowcast.weekly_sales" + where
                        + " AND week_start <= '" + originWeek + "' ORDER BY week_start");
                while (weeks.next()) {
                    history.add(weeks.getDouble(1));
                }
                double[] expected = engine.forecast(method, history.subList(Math.max(0, history.size() - 104), history.size())
                        .stream().mapToDouble(Double::doubleValue).toArray(), 52, 26, new double[] {80}).mean();
                ResultSet rs = st.executeQuery("SELECT channel, step, yhat, explanation FROM flowcast.prediction_results"
                        + where + " AND origin_week = '" + originWeek + "' ORDER BY channel, step");
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getString(4)).startsWith("pattern ");
                    if (rs.getString(1).equals("units")) {
                        assertThat(rs.getDouble(3)).as(seriesKey + " step " + rs.getInt(2))
                                .isCloseTo(expected[rs.getInt(2) - 1], org.assertj.core.api.Assertions.within(1e-6));
                    }
                }
                assertThat(rows).as(seriesKey).isEqualTo(2 * 26);
            }
        }
    }

    /**
     * The final ABC classes rank products by the revenue of each series' last 52 weeks in
     * weekly_sales, summed over regions.
     */
    private static void assertAbcFollowsTrailingRevenue() throws Exception {
        Map<String, Double> revenue = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT product_code, sum(revenue) FROM (SELECT product_code, revenue,"
                        + " row_number() OVER (PARTITION BY product_code, region ORDER BY week_start DESC) AS age"
                        + " FROM flowcast.weekly_sales) w WHERE age <= 52 GROUP BY product_code")) {
            while (rs.next()) {
                revenue.put(rs.getString(1), rs.getDouble(2));
            }
        }
        Map<String, Character> expected = new TreeMap<>(new AbcRanking(0.80, 0.95).classes(revenue));
        Map<String, Character> actual = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT product_code, abc FROM flowcast.abc_classes"
                        + " WHERE as_of_week = (SELECT max(as_of_week) FROM flowcast.abc_classes)")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getString(2).charAt(0));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.values()).contains('A', 'C');
        try (RedisClient redis = RedisClient.create(URI.create(REDIS_URL))) {
            expected.forEach((product, abc) -> assertThat(redis.hget("ml:class:" + product, "abc")).isEqualTo(String.valueOf(abc)));
        }
    }

    /**
     * Each forecast error pairs the one-week-ahead forecast in prediction_results with the week's
     * total in weekly_sales; every such pair is scored; the rolling accuracy rows are the window's
     * MAE / MAPE / R2 recomputed here from forecast_errors, and alerts are exactly the products
     * whose MAPE passed 20% with at least 3 non-zero weeks.
     */
    private static void assertAccuracyFollowsForecastsAndActuals(int everyN) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // Two ends of a series depend on timing, and a run before the injected failure may
            // have left forecasts the final run did not make: weeks after the last sale are closed
            // by watermark progress (see assertForecastsFollowWeeklySales), and the first week is
            // the first one whose lines a partition delivers (lines of an earlier week arriving
            // after it extend the series backwards, without forecasts from those weeks). The count
            // looks at target weeks from the third week of the series to its last sale.
            String scoredWeeks = " AND %1$s <= (SELECT max(week_start) FROM flowcast.weekly_sales l"
                    + " WHERE l.product_code = %2$s.product_code AND l.region = %2$s.region AND l.units <> 0)"
                    + " AND %1$s >= 14 + (SELECT min(week_start) FROM flowcast.weekly_sales l"
                    + " WHERE l.product_code = %2$s.product_code AND l.region = %2$s.region)";
            ResultSet scored = st.executeQuery("SELECT count(*) FROM flowcast.forecast_errors e WHERE true"
                    + scoredWeeks.formatted("e.target_week", "e"));
            scored.next();
            assertThat(scored.getInt(1)).as("one-week-ahead forecasts scored").isGreaterThan(100);
            // The history cadence: scheduled origins every n-th week of a series, plus its last
            // (end of input) and those a run before the injected failure made.
            ResultSet origins = st.executeQuery("SELECT (SELECT count(DISTINCT (product_code, region, origin_week))"
                    + " FROM flowcast.prediction_results WHERE request_id = ''), (SELECT count(*) FROM flowcast.weekly_sales)");
            origins.next();
            assertThat(origins.getInt(1)).as("forecast origins vs series-weeks (every-n = " + everyN + ")")
                    .isPositive().isLessThan(origins.getInt(2) * 2 / everyN);
            List<String> unscored = new ArrayList<>();
            ResultSet gaps = st.executeQuery("SELECT w.product_code, w.region, w.week_start, p.channel FROM flowcast.weekly_sales w"
                    + " JOIN flowcast.prediction_results p ON p.product_code = w.product_code AND p.region = w.region"
                    + " AND p.target_week = w.week_start AND p.step = 1 AND p.request_id = ''" + scoredWeeks.formatted("w.week_start", "w")
                    + " AND NOT EXISTS (SELECT 1 FROM flowcast.forecast_errors e WHERE e.product_code = w.product_code"
                    + " AND e.region = w.region AND e.target_week = w.week_start AND e.channel = p.channel)");
            while (gaps.next()) {
                unscored.add(gaps.getString(1) + "|" + gaps.getString(2) + " " + gaps.getString(3) + " " + gaps.getString(4));
            }
            assertThat(unscored).as("forecasts with actuals and no error row").isEmpty();
            List<String> mismatches = new ArrayList<>();
            ResultSet bad = st.executeQuery("SELECT e.product_code, e.region, e.target_week, e.channel, e.actual,"
                    + " CASE e.channel WHEN 'units' THEN w.units ELSE w.revenue END, e.forecast, p.yhat"
                    + " FROM flowcast.forecast_errors e"
                    + " LEFT JOIN flowcast.weekly_sales w ON w.product_code = e.product_code AND w.region = e.region"
                    + " AND w.week_start = e.target_week"
                    + " LEFT JOIN flowcast.prediction_results p ON p.product_code = e.product_code AND p.region = e.region"
                    + " AND p.target_week = e.target_week AND p.channel = e.channel AND p.step = 1 AND p.request_id = ''"
                    + " AND p.origin_week = e.origin_week"
                    + " WHERE (e.actual IS DISTINCT FROM CASE e.channel WHEN 'units' THEN w.units ELSE w.revenue END"
                    + " OR e.forecast IS DISTINCT FROM p.yhat)" + scoredWeeks.formatted("e.target_week", "e"));
            while (bad.next()) {
                mismatches.add(bad.getString(1) + "|" + bad.getString(2) + " " + bad.getString(3) + " " + bad.getString(4)
                        + ": actual " + bad.getString(5) + " vs " + bad.getString(6) + ", forecast " + bad.getString(7) + " vs " + bad.getString(8));
            }
            assertThat(mismatches).as("error rows whose actual or forecast is not the stored one").isEmpty();

            ResultSet accuracy = st.executeQuery("WITH s AS ("
                    + " SELECT *, target_week < 14 + (SELECT min(week_start) FROM flowcast.weekly_sales l"
                    + " WHERE l.product_code = f.product_code AND l.region = f.region) AS early FROM flowcast.forecast_errors f),"
                    + " e AS (SELECT 'product' AS scope, product_code AS scope_key, target_week, channel, actual, forecast, early FROM s"
                    + " UNION ALL SELECT 'region', region, target_week, channel, actual, forecast, early FROM s),"
                    + " j AS (SELECT a.*, e.actual, e.forecast, e.early,"
                    + " avg(e.actual) OVER (PARTITION BY a.scope, a.scope_key, a.as_of_week, a.channel) AS mean"
                    + " FROM flowcast.forecast_accuracy a JOIN e ON e.scope = a.scope AND e.scope_key = a.scope_key"
                    + " AND e.channel = a.channel AND e.target_week BETWEEN a.as_of_week - 21 AND a.as_of_week)"
                    + " SELECT scope, scope_key, as_of_week, channel, samples, mae, mape, r2, count(*) AS n,"
                    + " avg(abs(actual - forecast)) AS mae2, avg(abs((actual - forecast) / actual)) FILTER (WHERE actual <> 0) AS mape2,"
                    + " 1 - sum((actual - forecast) ^ 2) / nullif(sum((actual - mean) ^ 2), 0) AS r22,"
                    + " count(*) FILTER (WHERE actual <> 0) AS nonzero, bool_or(early) AS early"
                    + " FROM j GROUP BY scope, scope_key, as_of_week, channel, samples, mae, mape, r2");
            int rows = 0;
            java.util.Set<String> expectedAlerts = new java.util.TreeSet<>();
            java.util.Set<String> compared = new java.util.TreeSet<>();
            while (accuracy.next()) {
                rows++;
                if (accuracy.getBoolean(14)) {
                    continue; // holds a first-weeks error a run before the failure may have left (see above)
                }
                compared.add(accuracy.getString(2) + " " + accuracy.getString(3) + " " + accuracy.getString(4));
                String what = accuracy.getString(1) + " " + accuracy.getString(2) + " " + accuracy.getString(3) + " " + accuracy.getString(4);
                assertThat(accuracy.getInt(5)).as(what).isEqualTo(accuracy.getInt(9));
                assertThat(accuracy.getDouble(6)).as(what).isCloseTo(accuracy.getDouble(10), within(1e-6 * (1 + accuracy.getDouble(10))));
                assertThat(accuracy.getObject(7) == null).as(what + " mape defined").isEqualTo(accuracy.getObject(11) == null);
                assertThat(accuracy.getDouble(7)).as(what).isCloseTo(accuracy.getDouble(11), within(1e-9));
                assertThat(accuracy.getDouble(8)).as(what).isCloseTo(accuracy.getDouble(12), within(1e-6));
                if (accuracy.getString(1).equals("product") && accuracy.getInt(13) >= 3 && accuracy.getDouble(7) > 0.2) {
                    expectedAlerts.add(accuracy.getString(2) + " " + accuracy.getString(3) + " " + accuracy.getString(4));
                }
            }
            // With the history cadence a window can hold scored weeks of some series and not others:
            // rows appear for every scored week, and for closed weeks whose window holds one.
            ResultSet all = st.executeQuery("SELECT count(*) FROM flowcast.forecast_accuracy");
            all.next();
            assertThat(rows).as("every accuracy row's window holds scored weeks").isEqualTo(all.getInt(1));
            ResultSet weeks = st.executeQuery("SELECT count(*), count(a.scope) FROM (SELECT DISTINCT 'product' AS scope,"
                    + " product_code AS scope_key, target_week, channel FROM flowcast.forecast_errors UNION ALL SELECT DISTINCT"
                    + " 'region', region, target_week, channel FROM flowcast.forecast_errors) k LEFT JOIN flowcast.forecast_accuracy a"
                    + " ON a.scope = k.scope AND a.scope_key = k.scope_key AND a.as_of_week = k.target_week AND a.channel = k.channel");
            weeks.next();
            assertThat(weeks.getInt(2)).as("a row per product / region, scored week and channel").isEqualTo(weeks.getInt(1));
            java.util.Set<String> alerts = new java.util.TreeSet<>();
            ResultSet rs = st.executeQuery("SELECT product_code, as_of_week, channel FROM flowcast.forecast_accuracy_alerts");
            while (rs.next()) {
                alerts.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            alerts.retainAll(compared);
            assertThat(compared).as("accuracy rows compared").hasSizeGreaterThan(rows / 2);
            assertThat(expectedAlerts).as("weekly demand of a product is rarely within 20% every week").isNotEmpty();
            assertThat(alerts).isEqualTo(expectedAlerts);
        }
    }

    /**
     * The KPIs stored with each series' latest features, recomputed here from the ledger's stock
     * rows (last version per week) and fulfilment sums over the 13-week window ending with the
     * stored week (shorter for a younger series); the quality score is the demand quality,
     * halved for the series without stock data.
     */
    private static void assertInventoryKpisFollowTheLedger(Map<String, List<Double>> series) throws Exception {
        int window = 13;
        Map<String, java.time.LocalDate> firstWeek = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT product_code || '|' || region, min(week_start) FROM flowcast.weekly_sales GROUP BY 1")) {
            while (rs.next()) {
                firstWeek.put(rs.getString(1), rs.getObject(2, java.time.LocalDate.class));
            }
        }
        int onHand = MirrorTable.STOCK_LEVELS.indexOfSource("quantidade_disponivel");
        int averageCost = MirrorTable.STOCK_LEVELS.indexOfSource("custo_medio");
        int updatedAt = MirrorTable.STOCK_LEVELS.indexOfSource("data_atualizacao");
        int checked = 0;
        int withoutStock = 0;
        java.util.TreeSet<Double> ages = new java.util.TreeSet<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT product_code, region, as_of_week, quality_score, features->>'kpi_window_weeks',"
                        + " features->>'on_hand', features->>'stock_value', features->>'dio', features->>'turnover',"
                        + " features->>'service_level', features::text FROM flowcast.feature_store")) {
            while (rs.next()) {
                String product = rs.getString(1);
                String region = rs.getString(2);
                java.time.LocalDate week = rs.getObject(3, java.time.LocalDate.class);
                String key = product + "|" + region + " " + week + " " + rs.getString(11);
                String series1 = product + "|" + region;
                int weeks = (int) Math.min(window, java.time.temporal.ChronoUnit.WEEKS.between(firstWeek.get(series1), week) + 1);
                java.time.LocalDate first = week.minusWeeks(weeks - 1);
                double shipped = 0;
                double ordered = 0;
                for (java.time.LocalDate w = first; !w.isAfter(week); w = w.plusWeeks(1)) {
                    GeneratorLedger.WeeklyFulfilment f = ledger.weeklyFulfilment().get(new GeneratorLedger.SalesWeek(product, region, w));
                    if (f != null) {
                        shipped += f.fulfilled().doubleValue();
                        ordered += f.ordered().doubleValue();
                    }
                }
                boolean stocked = !product.equals(WITHOUT_STOCK);
                Double expectedOnHand = null;
                Double stockValue = null;
                Double dio = null;
                Double turnover = null;
                Double stockAgeDays = null;
                if (stocked) {
                    Object[] atClose = stockAtClose(product, region, week);
                    stockAgeDays = (week.plusWeeks(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()
                            - ((java.time.Instant) atClose[updatedAt]).toEpochMilli()) / 86_400_000.0;
                    expectedOnHand = ((java.math.BigDecimal) atClose[onHand]).doubleValue();
                    stockValue = expectedOnHand * ((java.math.BigDecimal) atClose[averageCost]).doubleValue();
                    dio = shipped > 0 ? expectedOnHand / (shipped / (7.0 * weeks)) : null;
                    double sum = 0;
                    for (java.time.LocalDate w = first; !w.isAfter(week); w = w.plusWeeks(1)) {
                        sum += ((java.math.BigDecimal) stockAtClose(product, region, w)[onHand]).doubleValue();
                    }
                    turnover = sum > 0 ? shipped * 52.0 / weeks / (sum / weeks) : null;
                } else {
                    withoutStock++;
                }
                Double serviceLevel = ordered > 0 ? shipped / ordered : null;
                key = key + " expected shipped " + shipped + " ordered " + ordered;
                assertThat(rs.getInt(5)).as(key).isEqualTo(weeks);
                assertKpi(key + " on_hand", rs.getString(6), expectedOnHand);
                assertKpi(key + " stock_value", rs.getString(7), stockValue);
                assertKpi(key + " dio", rs.getString(8), dio);
                assertKpi(key + " turnover", rs.getString(9), turnover);
                assertKpi(key + " service_level", rs.getString(10), serviceLevel);

                List<Double> units = series.get(series1);
                int upTo = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstWeek.get(series1), week) + 1;
                double[] history = units.subList(Math.max(0, upTo - 104), upTo).stream().mapToDouble(Double::doubleValue).toArray();
                double freshness = !stocked ? 0.5 : stockAgeDays <= 7 ? 1.0 : Math.max(0.5, 1.0 - 0.5 * (stockAgeDays - 7) / 28);
                double quality = FeatureExtractor.extract(history).qualityScore() * freshness;
                if (stockAgeDays != null) {
                    ages.add(stockAgeDays);
                }
                assertThat(rs.getDouble(4)).as(key + " quality_score").isCloseTo(quality, org.assertj.core.api.Assertions.within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(series.size());
        assertThat(withoutStock).as("the withheld product's series").isPositive();
        assertThat(ages).as("stock ages seen at the closes: " + ages).isNotEmpty();
        try (RedisClient redis = RedisClient.create(URI.create(REDIS_URL))) {
            assertThat(redis.get("ml:features:P0001:SP")).contains("\"stock_value\":", "\"service_level\":");
        }
    }

    /** The ledger's stock row of the region's warehouse in force at the end of a week. */
    private static Object[] stockAtClose(String product, String region, java.time.LocalDate week) {
        String warehouse = GeneratorConfig.warehouseOf(region);
        Object[] row = null;
        java.time.LocalDate best = null;
        for (Map.Entry<GeneratorLedger.StockWeek, Object[]> e : ledger.stockByWeek().entrySet()) {
            GeneratorLedger.StockWeek k = e.getKey();
            if (k.productCode().equals(product) && k.warehouse().equals(warehouse) && !k.weekStart().isAfter(week)
                    && (best == null || k.weekStart().isAfter(best))) {
                best = k.weekStart();
                row = e.getValue();
            }
        }
        assertThat(row).as("stock of " + product + " at " + warehouse + " by " + week).isNotNull();
        return row;
    }

    /** A stored KPI (6 significant digits, null when undefined) against its recomputed value. */
    private static void assertKpi(String what, String stored, Double expected) {
        if (expected == null) {
            assertThat(stored).as(what).isNull();
            return;
        }
        assertThat(stored).as(what).isNotNull();
        assertThat(Double.parseDouble(stored)).as(what)
                .isCloseTo(expected, org.assertj.core.api.Assertions.within(Math.abs(expected) * 1e-5 + 1e-9));
    }
}
