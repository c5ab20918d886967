package io.flowcast.cache;

import java.io.Serializable;

/**
 * When a survey raises an alert ({@code cache.alerts.*} in conf/flowcast.yaml).
 *
 * @param minHitRatio server hit ratio below this fails {@code cache_hit_ratio}
 * @param minLookups the hit ratio is only judged over a window with at least this many lookups
 *     (a cache nobody reads has no meaningful ratio)
 * @param maxMemoryShare {@code used_memory / maxmemory} above this fails {@code cache_memory}
 *     (only with a {@code maxmemory} limit)
 * @param maxMemoryBytes {@code used_memory} above this fails {@code cache_memory} (0 = no limit)
 * @param maxKeysWithoutTtl keys of a family that never expire beyond this fail {@code cache_keys_without_ttl}
 */
public record CacheThresholds(
        double minHitRatio, long minLookups, double maxMemoryShare, long maxMemoryBytes, long maxKeysWithoutTtl)
        implements Serializable {}
