package io.flowcast.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CacheCheckTest {

    private static final CacheThresholds THRESHOLDS = new CacheThresholds(0.80, 100, 0.80, 0, 0);
    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void keysAreAssignedToTheirFamilyByPrefixAndShape() {
        List<CacheFamily> families = CacheFamily.standard(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(365), Duration.ofDays(8));
        assertThat(CacheFamily.of("inventory:realtime:P0001", families)).map(CacheFamily::name).contains("inventory:realtime");
        assertThat(CacheFamily.of("agg:monthly:P0001:2025-06", families)).map(CacheFamily::name).contains("agg:monthly");
        assertThat(CacheFamily.of("ml:class:P0001", families)).map(CacheFamily::name).contains("ml:class:product");
        assertThat(CacheFamily.of("ml:class:P0001:SP", families)).map(CacheFamily::name).contains("ml:class:series");
        assertThat(CacheFamily.of("agg:monthly:P0001", families)).isEmpty();
        assertThat(CacheFamily.of("session:abc", families)).isEmpty();
    }

    @Test
    void thresholdsFailOnLowHitRatioMemoryStaleKeysAndTtlAbovePolicy() {
        ServerStats server = new ServerStats(100, 70, 30, 900, 1000, 0, 0, 50, 90);
        List<FamilyStats> families = List.of(
                new FamilyStats("agg:monthly", 31_536_000, 60, 2, 0, 10, 31_536_000, 20, 6000, 40, 80),
                new FamilyStats("inventory:realtime", 3600, 40, 0, 1, 5, 86_400, 20, 4000, 30, 60));
        Map<String, Boolean> passed = CacheCheck.evaluate(new CacheReport(NOW.minusSeconds(60), NOW, server, families, null), THRESHOLDS)
                .stream().collect(Collectors.toMap(c -> c.check() + " " + c.target(), CacheCheck::passed));
        assertThat(passed).isEqualTo(Map.of(
                "cache_hit_ratio redis", false,                   // 0.70 < 0.80
                "cache_memory redis", false,                      // 900 / 1000 > 0.80
                "cache_keys_without_ttl redis:agg:monthly", false,
                "cache_ttl_policy redis:agg:monthly", true,
                "cache_keys_without_ttl redis:inventory:realtime", true,
                "cache_ttl_policy redis:inventory:realtime", false));
    }

    @Test
    void hitRatioNeedsEnoughLookupsAndMemoryNeedsALimit() {
        ServerStats quiet = new ServerStats(10, 5, 45, 900, 0, 0, 0, 50, 90);
        List<CacheCheck> checks = CacheCheck.evaluate(new CacheReport(null, NOW, quiet, List.of(), null), THRESHOLDS);
        assertThat(checks).as("50 lookups < 100, no maxmemory, no families").isEmpty();

        ServerStats busy = new ServerStats(10, 950, 50, 900, 0, 0, 0, 50, 90);
        assertThat(CacheCheck.evaluate(new CacheReport(null, NOW, busy, List.of(), null), THRESHOLDS))
                .singleElement().satisfies(c -> {
                    assertThat(c.check()).isEqualTo(CacheCheck.HIT_RATIO);
                    assertThat(c.passed()).isTrue();
                    assertThat(c.observed()).isEqualTo(0.95);
                });
    }

    @Test
    void percentilesAndInfoParsing() {
        assertThat(CacheSurvey.percentile(new double[] {5, 1, 3, 2, 4}, 0.5)).isEqualTo(3);
        assertThat(CacheSurvey.percentile(new double[] {5, 1, 3, 2, 4}, 0.99)).isEqualTo(5);
        assertThat(CacheSurvey.percentile(new double[0], 0.5)).isNaN();
        assertThat(CacheSurvey.infoFields("# Stats\r\nkeyspace_hits:12\r\nkeyspace_misses:4\r\nused_memory_human:1.2M\r\n"))
                .containsEntry("keyspace_hits", 12L).containsEntry("keyspace_misses", 4L).doesNotContainKey("used_memory_human");
    }

    @Test
    void gaugesReadTheLatestReport() {
        CacheGauges gauges = new CacheGauges();
        assertThat(gauges.server("cacheHitRatio")).as("before the first survey").isNaN();
        ServerStats server = new ServerStats(100, 90, 10, 900, 0, 3, 0, 50, 90);
        gauges.update(new CacheReport(null, NOW, server,
                List.of(new FamilyStats("agg:daily", 604_800, 60, 2, 0, 10, 600_000, 20, 6000, 40, 80)), null));
        assertThat(gauges.server("cacheHitRatio")).isEqualTo(0.9);
        assertThat(gauges.server("cacheEvictedKeys")).isEqualTo(3);
        assertThat(gauges.family("agg:daily", "cacheKeysWithoutTtl")).isEqualTo(2);
        assertThat(gauges.family("agg:daily", "cacheMemoryBytes")).isEqualTo(6000);
        assertThat(gauges.family("ml:forecast", "cacheKeys")).as("family not seen").isZero();
        assertThat(CacheGauges.familyNames(CacheFamily.standard(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(365),
                Duration.ofDays(8)))).hasSize(8).contains("other", "ml:class:product");
    }
}
