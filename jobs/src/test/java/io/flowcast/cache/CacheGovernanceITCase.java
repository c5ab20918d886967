package io.flowcast.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.cli.FlowcastCli;
import io.flowcast.records.RedisWrite;
import io.flowcast.sinks.RedisSink;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.testing.RedisServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * {@code flowcast cache stats} against its own redis-server (so that hits and misses are exactly
 * the test's) and a scratch database: keys of every family written by the jobs' Redis sink with
 * the configured TTLs, plus keys that break the policy; the survey must count them per family,
 * flag the stale and over-TTL ones, measure hits and misses between two surveys without its own
 * lookups, and store {@code cache_stats} rows and {@code data_quality_events} alerts.
 */
class CacheGovernanceITCase {

    private static RedisServer server;
    private static ScratchDatabase db;
    private static RedisClient redis;

    @BeforeAll
    static void start() throws Exception {
        server = RedisServer.start();
        db = ScratchDatabase.create("cache_it");
        redis = RedisClient.create(URI.create(server.url(0)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void surveysFamiliesFlagsPolicyBreachesAndStoresStatsAndAlerts() throws Exception {
        List<RedisWrite> writes = new ArrayList<>();
        for (int p = 1; p <= 30; p++) {
            String product = String.format("P%04d", p);
            writes.add(RedisWrite.string(RedisKeys.realtime(product), "{\"transaction_id\":" + p + "}", 3600));
            for (int d = 0; d < 5; d++) {
                writes.add(RedisWrite.hash(RedisKeys.daily(product, LocalDate.of(2026, 11, 1).plusDays(d)), 7 * 86400,
                        "transactions", "1", "volume", "2", "value", "3"));
            }
            writes.add(RedisWrite.hash(RedisKeys.monthly(product, YearMonth.of(2026, 11)), 365 * 86400,
                    "transactions", "5", "volume", "10", "value", "15"));
            for (String region : List.of("SP", "GO")) {
                writes.add(RedisWrite.string(RedisKeys.forecast(product, region), "{\"yhat\":[1,2,3]}", 8 * 86400));
                writes.add(RedisWrite.string(RedisKeys.features(product, region), "{\"mean\":1}", 8 * 86400));
                writes.add(RedisWrite.string(RedisKeys.demandClass(product, region), "{\"pattern\":\"smooth\"}", 8 * 86400));
            }
            writes.add(RedisWrite.string(RedisKeys.productClass(product), "{\"abc\":\"A\"}", 8 * 86400));
        }
        RedisSink.execute(redis, writes);
        // Policy breaches: stale keys that never expire, one with a TTL above the family's policy,
        // and a key of no family.
        redis.set(RedisKeys.monthly("P0999", YearMonth.of(2020, 1)), "stale");
        redis.set(RedisKeys.monthly("P0998", YearMonth.of(2020, 1)), "stale");
        redis.setex(RedisKeys.realtime("P0997"), 86400, "{}");
        redis.set("someone:else:key", "x");

        List<String> args = List.of("--set", "redis.url=" + server.url(0), "--set", "postgres.url=" + db.url(),
                "--set", "cache.alerts.min-lookups=10", "--set", "cache.sample-size=20");
        assertThat(cli(args)).as("exit 3: thresholds failed").isEqualTo(3);

        // The hit/miss window of a survey starts where the previous one ended: 12 hits and 4
        // misses in between (nothing else reads this server), the surveys' own lookups outside it.
        CacheMonitorOptions options = io.flowcast.config.FlowcastConfig.load(null, Map.of(), args.stream()
                .filter(a -> !a.equals("--set")).toList()).cacheMonitor();
        CacheReport first = options.survey(java.time.Clock.systemUTC()).run(redis, null);
        for (int i = 1; i <= 12; i++) {
            redis.get(RedisKeys.realtime(String.format("P%04d", i)));
        }
        for (int i = 0; i < 4; i++) {
            redis.get("missing:" + i);
        }
        CacheReport second = options.survey(java.time.Clock.systemUTC()).run(redis, first);
        assertThat(second.windowStart()).isEqualTo(first.counters().at());
        try (Connection connection = db.connect()) {
            CacheStatsStore.write(connection, second, CacheCheck.evaluate(second, options.thresholds()));
            CacheStatsStore.write(connection, second, CacheCheck.evaluate(second, options.thresholds())); // idempotent
        }

        try (Connection connection = db.connect()) {
            Map<String, List<Object>> latest = new TreeMap<>();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT family, keys, keys_without_ttl, keys_over_ttl, ttl_policy_s, sampled,"
                            + " memory_bytes, hits, misses, hit_ratio, latency_p50_us FROM flowcast.v_cache_stats_latest")) {
                while (rs.next()) {
                    latest.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                    assertThat(rs.getLong(7)).as("memory of " + rs.getString(1)).isPositive();
                    if (rs.getString(1).equals("*")) {
                        assertThat(rs.getLong(8)).as("hits in the window, survey lookups excluded").isEqualTo(12);
                        assertThat(rs.getLong(9)).as("misses").isEqualTo(4);
                        assertThat(rs.getDouble(10)).isEqualTo(0.75);
                    } else {
                        assertThat(rs.getDouble(11)).as("read latency of " + rs.getString(1)).isPositive();
                    }
                }
            }
            Map<String, List<Object>> expected = new TreeMap<>();
            expected.put("inventory:realtime", List.of(31L, 0L, 1L, 3600L, 20L));
            expected.put("agg:daily", List.of(150L, 0L, 0L, 7 * 86400L, 20L));
            expected.put("agg:monthly", List.of(32L, 2L, 0L, 365 * 86400L, 20L));
            expected.put("ml:forecast", List.of(60L, 0L, 0L, 8 * 86400L, 20L));
            expected.put("ml:features", List.of(60L, 0L, 0L, 8 * 86400L, 20L));
            expected.put("ml:class:series", List.of(60L, 0L, 0L, 8 * 86400L, 20L));
            expected.put("ml:class:product", List.of(30L, 0L, 0L, 8 * 86400L, 20L));
            expected.put("other", List.of(1L, 1L, 0L, 0L, 1L));
            List<Object> serverRow = latest.remove("*");
            assertThat(serverRow.get(0)).as("DBSIZE").isEqualTo(31L + 150 + 32 + 60 * 3 + 30 + 1);
            assertThat(latest).isEqualTo(expected);
            assertThat(count(connection, "SELECT count(*) FROM flowcast.cache_stats")).as("CLI survey + one stored report, 9 rows each").isEqualTo(18);

            Map<String, Boolean> checks = new HashMap<>();
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT DISTINCT ON (check_name, table_name) check_name || ' ' || table_name, passed"
                            + " FROM flowcast.data_quality_events WHERE job = 'CacheMonitor' ORDER BY check_name, table_name, window_end DESC")) {
                while (rs.next()) {
                    checks.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            assertThat(checks).containsEntry("cache_keys_without_ttl redis:agg:monthly", false)
                    .containsEntry("cache_keys_without_ttl redis:other", false)
                    .containsEntry("cache_keys_without_ttl redis:agg:daily", true)
                    .containsEntry("cache_ttl_policy redis:inventory:realtime", false)
                    .containsEntry("cache_ttl_policy redis:ml:forecast", true)
                    .containsEntry("cache_hit_ratio redis", false); // 0.75 < 0.80
        }
    }

    /**
     * The job's cache-monitor operator: each tick stores a survey; a Redis outage is counted, not
     * thrown (monitoring must not restart the mirror), and the next tick after it works again.
     */
    @Test
    void monitorOperatorStoresSurveysAndSurvivesARedisOutage() throws Exception {
        io.flowcast.config.FlowcastConfig config = io.flowcast.config.FlowcastConfig.load(null, Map.of(), List.of(
                "redis.url=" + server.url(1), "postgres.url=" + db.url(), "cache.sample-size=5"));
        try (RedisClient one = RedisClient.create(URI.create(server.url(1)))) {
            one.setex(RedisKeys.realtime("P0001"), 3600, "{}");
            one.set(RedisKeys.daily("P0001", LocalDate.of(2026, 11, 2)), "no ttl");
        }
        io.flowcast.operators.CacheMonitorFunction monitor = new io.flowcast.operators.CacheMonitorFunction(
                config.cacheMonitor(), config.redis().uri(), config.postgres());
        try (var harness = new org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness<Long, Integer>(
                new org.apache.flink.streaming.api.operators.StreamMap<>(monitor))) {
            harness.open();
            long before = count("SELECT count(DISTINCT taken_at) FROM flowcast.cache_stats");
            harness.processElement(0L, 0);
            server.stop();
            harness.processElement(1L, 0);
            server.startProcess();
            harness.processElement(2L, 0);
            assertThat(harness.extractOutputValues()).as("failed checks per tick (0 when the survey failed)")
                    .containsExactly(1, 0, 1);
            assertThat(count("SELECT count(DISTINCT taken_at) FROM flowcast.cache_stats") - before).isEqualTo(2);
            try (Connection connection = db.connect()) {
                assertThat(count(connection, "SELECT keys_without_ttl FROM flowcast.v_cache_stats_latest WHERE family = 'agg:daily'"))
                        .isEqualTo(1);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = db.connect()) {
            return count(connection, sql);
        }
    }

    private static int cli(List<String> options) {
        List<String> args = new ArrayList<>(List.of("cache", "stats"));
        args.addAll(options);
        return FlowcastCli.execute(args.toArray(String[]::new));
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
