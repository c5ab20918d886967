package io.flowcast.cache;

/**
 * What one survey saw of one key family.
 *
 * @param family family name ({@link CacheFamily#OTHER} for keys of no known family)
 * @param ttlPolicySeconds the family's configured TTL (0 for {@code other}: no policy)
 * @param keys keys found by SCAN
 * @param keysWithoutTtl keys that never expire: stale data nobody removes
 * @param keysOverTtl keys whose remaining TTL exceeds the policy (written with a wrong TTL)
 * @param minTtlSeconds smallest remaining TTL among keys that expire (-1 if none do)
 * @param maxTtlSeconds largest remaining TTL among keys that expire (-1 if none do)
 * @param sampled keys whose memory and read latency were measured
 * @param memoryBytes estimated bytes of the family: mean {@code MEMORY USAGE} of the sample x keys
 * @param readP50Micros median time to read one sampled key whole (GET or HGETALL), microseconds
 * @param readP99Micros 99th percentile of the same
 */
public record FamilyStats(
        String family,
        long ttlPolicySeconds,
        long keys,
        long keysWithoutTtl,
        long keysOverTtl,
        long minTtlSeconds,
        long maxTtlSeconds,
        int sampled,
        long memoryBytes,
        double readP50Micros,
        double readP99Micros) {}
