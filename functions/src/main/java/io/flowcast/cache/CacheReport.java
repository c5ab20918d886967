package io.flowcast.cache;

import java.time.Instant;
import java.util.List;

/**
 * One survey of the Redis cache.
 *
 * @param windowStart end of the previous survey (the start of the hit/miss window), or null for a first survey
 * @param takenAt when this survey started
 * @param server server-wide figures
 * @param families one entry per configured family plus {@link CacheFamily#OTHER} when such keys exist
 * @param counters cumulative INFO counters at this survey's end: the next survey's baseline
 */
public record CacheReport(Instant windowStart, Instant takenAt, ServerStats server, List<FamilyStats> families, InfoCounters counters) {

    /** Cumulative {@code INFO stats} counters, as read at one moment. */
    public record InfoCounters(Instant at, long hits, long misses, long evictedKeys, long expiredKeys) {}
}
