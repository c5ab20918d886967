package io.flowcast.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Surveys one Redis logical database: walks the keyspace with {@code SCAN} (incremental, never
 * blocks the server like {@code KEYS}), reads every key's TTL in pipelines, classifies keys into
 * {@link CacheFamily families}, and measures a reservoir sample per family ({@code MEMORY USAGE},
 * time to read the key whole). Server figures come from {@code INFO}; hits and misses are taken
 * as the change since the previous survey's end, so the survey's own TTL and read lookups never
 * count.
 *
 * <p>Cost: one TTL per key (pipelined, ~300k/s on the development VM) plus {@code sampleSize}
 * reads per family; meant to run every minute or so, not per request.
 */
public final class CacheSurvey {

    private static final int PINGS = 50;

    private final List<CacheFamily> families;
    private final int sampleSize;
    private final int scanCount;
    private final Clock clock;

    public CacheSurvey(List<CacheFamily> families, int sampleSize, int scanCount, Clock clock) {
        this.families = List.copyOf(families);
        this.sampleSize = sampleSize;
        this.scanCount = scanCount;
        this.clock = clock;
    }

    /** Runs a survey; {@code previous} (may be null) supplies the baseline of the hit/miss window. */
    public CacheReport run(UnifiedJedis redis, CacheReport previous) {
        Instant takenAt = clock.instant();
        CacheReport.InfoCounters start = counters(redis, takenAt);
        Map<String, Long> memory = infoFields(redis.info("memory"));
        long dbSize = redis.dbSize();
        double[] pings = new double[PINGS];
        for (int i = 0; i < PINGS; i++) {
            long t0 = System.nanoTime();
            redis.ping();
            pings[i] = (System.nanoTime() - t0) / 1_000.0;
        }

        Map<String, Tally> tallies = new LinkedHashMap<>();
        families.forEach(f -> tallies.put(f.name(), new Tally(f.ttl().toSeconds(), sampleSize)));
        Random random = new Random(takenAt.toEpochMilli());
        ScanParams params = new ScanParams().count(scanCount);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            List<String> keys = page.getResult();
            List<Response<Long>> ttls = new ArrayList<>(keys.size());
            try (Pipeline pipeline = (Pipeline) redis.pipelined()) {
                keys.forEach(key -> ttls.add(pipeline.ttl(key)));
                pipeline.sync();
            }
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                String family = CacheFamily.of(key, families).map(CacheFamily::name).orElse(CacheFamily.OTHER);
                tallies.computeIfAbsent(family, f -> new Tally(0, sampleSize)).add(key, ttls.get(i).get(), random);
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));

        List<FamilyStats> stats = new ArrayList<>();
        tallies.forEach((family, tally) -> stats.add(tally.measure(family, redis)));

        Instant end = clock.instant();
        CacheReport.InfoCounters finish = counters(redis, end);
        long hits = start.hits() - (previous == null ? 0 : previous.counters().hits());
        long misses = start.misses() - (previous == null ? 0 : previous.counters().misses());
        long evicted = start.evictedKeys() - (previous == null ? 0 : previous.counters().evictedKeys());
        long expired = start.expiredKeys() - (previous == null ? 0 : previous.counters().expiredKeys());
        // A restarted server starts its counters from zero: report the new server's totals then.
        if (hits < 0 || misses < 0 || evicted < 0 || expired < 0) {
            hits = start.hits();
            misses = start.misses();
            evicted = start.evictedKeys();
            expired = start.expiredKeys();
        }
        ServerStats server = new ServerStats(dbSize, hits, misses,
                memory.getOrDefault("used_memory", 0L), memory.getOrDefault("maxmemory", 0L),
                evicted, expired, percentile(pings, 0.50), percentile(pings, 0.99));
        return new CacheReport(previous == null ? null : previous.counters().at(), takenAt, server, stats, finish);
    }

    private static CacheReport.InfoCounters counters(UnifiedJedis redis, Instant at) {
        Map<String, Long> stats = infoFields(redis.info("stats"));
        return new CacheReport.InfoCounters(at, stats.getOrDefault("keyspace_hits", 0L), stats.getOrDefault("keyspace_misses", 0L),
                stats.getOrDefault("evicted_keys", 0L), stats.getOrDefault("expired_keys", 0L));
    }

    /** The numeric fields of an INFO section ({@code name:value} lines). */
    static Map<String, Long> infoFields(String info) {
        Map<String, Long> fields = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                try {
                    fields.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1).trim()));
                } catch (NumberFormatException notANumber) {
                    // Text fields (e.g. used_memory_human) are not needed.
                }
            }
        }
        return fields;
    }

    /** Nearest-rank percentile; NaN for no values. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Counts of one family during the scan and its reservoir sample of keys. */
    private static final class Tally {
        private final long ttlPolicySeconds;
        private final String[] sample;
        private long keys;
        private long withoutTtl;
        private long overTtl;
        private long minTtl = Long.MAX_VALUE;
        private long maxTtl = -1;

        Tally(long ttlPolicySeconds, int sampleSize) {
            this.ttlPolicySeconds = ttlPolicySeconds;
            this.sample = new String[sampleSize];
        }

        void add(String key, long ttl, Random random) {
            if (ttl == -2) {
                return; // expired or deleted between SCAN and TTL
            }
            keys++;
            if (ttl == -1) {
                withoutTtl++;
            } else {
                minTtl = Math.min(minTtl, ttl);
                maxTtl = Math.max(maxTtl, ttl);
                if (ttlPolicySeconds > 0 && ttl > ttlPolicySeconds) {
                    overTtl++;
                }
            }
            // Reservoir sampling (Vitter's algorithm R): every key has the same chance to be measured.
            if (keys <= sample.length) {
                sample[(int) keys - 1] = key;
            } else {
                long slot = (long) (random.nextDouble() * keys);
                if (slot < sample.length) {
                    sample[(int) slot] = key;
                }
            }
        }

        FamilyStats measure(String family, UnifiedJedis redis) {
            int sampled = (int) Math.min(keys, sample.length);
            long sampledBytes = 0;
            int measured = 0;
            double[] reads = new double[sampled];
            int read = 0;
            for (int i = 0; i < sampled; i++) {
                Long bytes = redis.memoryUsage(sample[i]);
                if (bytes == null) {
                    continue; // gone since the scan
                }
                sampledBytes += bytes;
                measured++;
                String type = redis.type(sample[i]);
                long t0 = System.nanoTime();
                switch (type) {
                    case "hash" -> redis.hgetAll(sample[i]);
                    case "string" -> redis.get(sample[i]);
                    default -> redis.exists(sample[i]);
                }
                reads[read++] = (System.nanoTime() - t0) / 1_000.0;
            }
            double[] readMicros = Arrays.copyOf(reads, read);
            long memoryBytes = measured == 0 ? 0 : Math.round((double) sampledBytes / measured * keys);
            boolean anyTtl = maxTtl >= 0;
            return new FamilyStats(family, ttlPolicySeconds, keys, withoutTtl, overTtl,
                    anyTtl ? minTtl : -1, anyTtl ? maxTtl : -1, measured, memoryBytes,
                    percentile(readMicros, 0.50), percentile(readMicros, 0.99));
        }
    }
}
