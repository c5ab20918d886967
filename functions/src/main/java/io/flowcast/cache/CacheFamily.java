package io.flowcast.cache;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One family of Redis keys the jobs write (DESIGN section 4), recognised by its prefix and the
 * number of {@code :}-separated parts, with the TTL policy its writer enforces: every key must
 * expire, within {@code ttl}.
 *
 * @param name family name as stored in {@code cache_stats.family}, e.g. {@code agg:monthly}
 * @param prefix key prefix including the trailing colon
 * @param parts number of {@code :}-separated parts of a key of this family
 * @param ttl the TTL the writer sets (a key with a longer TTL, or none, breaks the policy)
 */
public record CacheFamily(String name, String prefix, int parts, Duration ttl) implements Serializable {

    /** Keys that match no configured family (written by something else, or a layout change). */
    public static final String OTHER = "other";

    public boolean matches(String key) {
        return key.startsWith(prefix) && key.split(":", -1).length == parts;
    }

    /** The family a key belongs to, or empty for {@link #OTHER}. */
    public static Optional<CacheFamily> of(String key, List<CacheFamily> families) {
        for (CacheFamily family : families) {
            if (family.matches(key)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /**
     * The families of the key layout in {@code io.flowcast.aggregate.RedisKeys} with the TTLs the
     * jobs are configured with: {@code inventory:realtime:{p}}, {@code agg:daily:{p}:{date}},
     * {@code agg:monthly:{p}:{yyyy-mm}} (InventoryMirrorJob), {@code ml:forecast:{p}:{r}},
     * {@code ml:features:{p}:{r}}, {@code ml:class:{p}:{r}} and {@code ml:class:{p}} (DemandForecastJob).
     */
    public static List<CacheFamily> standard(Duration realtimeTtl, Duration dailyTtl, Duration monthlyTtl, Duration profileTtl) {
        return List.of(
                new CacheFamily("inventory:realtime", "inventory:realtime:", 3, realtimeTtl),
                new CacheFamily("agg:daily", "agg:daily:", 4, dailyTtl),
                new CacheFamily("agg:monthly", "agg:monthly:", 4, monthlyTtl),
                new CacheFamily("ml:forecast", "ml:forecast:", 4, profileTtl),
                new CacheFamily("ml:features", "ml:features:", 4, profileTtl),
                new CacheFamily("ml:class:series", "ml:class:", 4, profileTtl),
                new CacheFamily("ml:class:product", "ml:class:", 3, profileTtl));
    }
}
