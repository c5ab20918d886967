package io.flowcast.cache;

/**
 * Server-wide figures from {@code INFO} for one survey window. Redis counts keyspace hits and
 * misses per server only, never per key or prefix; the window is between the previous survey's
 * end and this survey's start, so the survey's own lookups are not in it.
 *
 * @param keys keys in the surveyed logical database ({@code DBSIZE})
 * @param hits {@code keyspace_hits} in the window (since server start for a first survey)
 * @param misses {@code keyspace_misses} in the window
 * @param usedMemoryBytes {@code used_memory}
 * @param maxMemoryBytes {@code maxmemory} (0 = no limit)
 * @param evictedKeys {@code evicted_keys} in the window
 * @param expiredKeys {@code expired_keys} in the window
 * @param pingP50Micros median round trip of a PING, microseconds
 * @param pingP99Micros 99th percentile of the same
 */
public record ServerStats(
        long keys,
        long hits,
        long misses,
        long usedMemoryBytes,
        long maxMemoryBytes,
        long evictedKeys,
        long expiredKeys,
        double pingP50Micros,
        double pingP99Micros) {

    /** Hits / (hits + misses), or NaN without lookups. */
    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? Double.NaN : (double) hits / lookups;
    }
}
