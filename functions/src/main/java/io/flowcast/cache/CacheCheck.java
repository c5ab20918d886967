package io.flowcast.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * One judged threshold of a survey, stored as a {@code data_quality_events} row (job
 * {@code CacheMonitor}, {@code table_name} = {@code redis} or {@code redis:<family>}) next to
 * the mirror's own checks, so the existing summary view and alerting see both.
 *
 * @param check {@code cache_hit_ratio}, {@code cache_memory}, {@code cache_memory_bytes}, {@code cache_keys_without_ttl} or {@code cache_ttl_policy}
 * @param target {@code redis} for server checks, {@code redis:<family>} for a family
 */
public record CacheCheck(String check, String target, boolean passed, double observed, double threshold, String detail) {

    public static final String HIT_RATIO = "cache_hit_ratio";
    public static final String MEMORY = "cache_memory";
    public static final String MEMORY_BYTES = "cache_memory_bytes";
    public static final String KEYS_WITHOUT_TTL = "cache_keys_without_ttl";
    public static final String TTL_POLICY = "cache_ttl_policy";

    /** Every check the report allows: the hit ratio only over enough lookups, memory only with a limit. */
    public static List<CacheCheck> evaluate(CacheReport report, CacheThresholds thresholds) {
        List<CacheCheck> checks = new ArrayList<>();
        ServerStats server = report.server();
        long lookups = server.hits() + server.misses();
        if (lookups >= thresholds.minLookups() && lookups > 0) {
            checks.add(new CacheCheck(HIT_RATIO, "redis", server.hitRatio() >= thresholds.minHitRatio(),
                    server.hitRatio(), thresholds.minHitRatio(), lookups + " lookups in the window"));
        }
        if (server.maxMemoryBytes() > 0) {
            double share = (double) server.usedMemoryBytes() / server.maxMemoryBytes();
            checks.add(new CacheCheck(MEMORY, "redis", share <= thresholds.maxMemoryShare(), share,
                    thresholds.maxMemoryShare(), "used_memory / maxmemory"));
        }
        if (thresholds.maxMemoryBytes() > 0) {
            checks.add(new CacheCheck(MEMORY_BYTES, "redis", server.usedMemoryBytes() <= thresholds.maxMemoryBytes(),
                    server.usedMemoryBytes(), thresholds.maxMemoryBytes(), "used_memory in bytes"));
        }
        for (FamilyStats family : report.families()) {
            String target = "redis:" + family.family();
            checks.add(new CacheCheck(KEYS_WITHOUT_TTL, target, family.keysWithoutTtl() <= thresholds.maxKeysWithoutTtl(),
                    family.keysWithoutTtl(), thresholds.maxKeysWithoutTtl(), family.keys() + " keys"));
            if (family.ttlPolicySeconds() > 0) {
                checks.add(new CacheCheck(TTL_POLICY, target, family.keysOverTtl() == 0, family.keysOverTtl(), 0,
                        "keys with a TTL above the policy of " + family.ttlPolicySeconds() + " s"));
            }
        }
        return checks;
    }
}
