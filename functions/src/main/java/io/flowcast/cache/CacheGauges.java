package io.flowcast.cache;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The latest survey as metric values: server figures and, per family, keys, keys without TTL,
 * keys over the TTL policy, memory and read latency. Plain Java so that the operator registering
 * them as Flink gauges stays a thin adapter and the values are testable.
 */
public final class CacheGauges implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Metric group key of the family gauges (Prometheus: {@code ..._family_cacheKeys{family="agg:daily"}}). */
    public static final String FAMILY_GROUP = "family";

    /** Server gauges: metric name -> value of the latest report. */
    public static final Map<String, ToDoubleFunction<ServerStats>> SERVER = Map.of(
            "cacheHitRatio", ServerStats::hitRatio,
            "cacheHits", s -> s.hits(),
            "cacheMisses", s -> s.misses(),
            "cacheUsedMemoryBytes", s -> s.usedMemoryBytes(),
            "cacheMaxMemoryBytes", s -> s.maxMemoryBytes(),
            "cacheEvictedKeys", s -> s.evictedKeys(),
            "cachePingP99Micros", ServerStats::pingP99Micros);

    /** Family gauges (registered in a {@code family} metric group): metric name -> value. */
    public static final Map<String, ToDoubleFunction<FamilyStats>> FAMILY = Map.of(
            "cacheKeys", f -> f.keys(),
            "cacheKeysWithoutTtl", f -> f.keysWithoutTtl(),
            "cacheKeysOverTtl", f -> f.keysOverTtl(),
            "cacheMemoryBytes", f -> f.memoryBytes(),
            "cacheReadP99Micros", FamilyStats::readP99Micros);

    private volatile CacheReport latest;

    public void update(CacheReport report) {
        latest = report;
    }

    /** A server figure of the latest report; NaN before the first survey. */
    public double server(String metric) {
        CacheReport report = latest;
        return report == null ? Double.NaN : SERVER.get(metric).applyAsDouble(report.server());
    }

    /** A family figure of the latest report; 0 for a family the survey did not see, NaN before the first survey. */
    public double family(String family, String metric) {
        CacheReport report = latest;
        if (report == null) {
            return Double.NaN;
        }
        return report.families().stream().filter(f -> f.family().equals(family)).findFirst()
                .map(f -> FAMILY.get(metric).applyAsDouble(f)).orElse(0.0);
    }

    /** Every family a gauge is registered for: the configured ones and {@link CacheFamily#OTHER}. */
    public static List<String> familyNames(List<CacheFamily> families) {
        Map<String, Boolean> names = new TreeMap<>();
        families.forEach(f -> names.put(f.name(), true));
        names.put(CacheFamily.OTHER, true);
        return List.copyOf(names.keySet());
    }
}
