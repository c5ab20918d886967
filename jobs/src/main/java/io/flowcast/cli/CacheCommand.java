package io.flowcast.cli;

import io.flowcast.cache.CacheCheck;
import io.flowcast.cache.CacheMonitorOptions;
import io.flowcast.cache.CacheReport;
import io.flowcast.cache.CacheStatsStore;
import io.flowcast.cache.FamilyStats;
import io.flowcast.cache.ServerStats;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.sinks.PostgresOptions;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import redis.clients.jedis.RedisClient;

/**
 * {@code flowcast cache stats}: surveys the Redis cache per key family (keys, TTL policy, memory,
 * read latency; server hits/misses, memory, evictions), prints it, stores it in {@code cache_stats}
 * and judges the {@code cache.alerts.*} thresholds into {@code data_quality_events}.
 */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Redis cache governance.",
        subcommands = {CacheCommand.Stats.class})
public final class CacheCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Survey redis.url per key family, print it, write cache_stats and alerts (data_quality_events).")
    static final class Stats implements Callable<Integer> {

        @Option(names = "--config", description = "YAML file over the bundled defaults")
        Path config;

        @Option(names = "--set", description = "key=value override, e.g. redis.url=redis://host:6379/0")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--watch", description = "Survey every cache.interval until stopped (hit ratio per interval).")
        boolean watch;

        @Option(names = "--count", defaultValue = "0", description = "With --watch: stop after this many surveys; 0 = never.")
        int count;

        @Option(names = "--no-store", description = "Print only; write nothing to PostgreSQL.")
        boolean noStore;

        @Override
        public Integer call() throws Exception {
            FlowcastConfig flowcast = FlowcastConfig.load(config, overrides);
            CacheMonitorOptions options = flowcast.cacheMonitor();
            PostgresOptions pg = flowcast.postgres();
            int failed = 0;
            try (RedisClient redis = RedisClient.create(URI.create(flowcast.string("redis.url")))) {
                CacheReport previous = null;
                for (int run = 1; ; run++) {
                    CacheReport report = options.survey(Clock.systemUTC()).run(redis, previous);
                    List<CacheCheck> checks = CacheCheck.evaluate(report, options.thresholds());
                    print(System.out, report, checks);
                    if (!noStore) {
                        try (Connection connection = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
                            CacheStatsStore.write(connection, report, checks);
                        }
                    }
                    failed = (int) checks.stream().filter(c -> !c.passed()).count();
                    previous = report;
                    if (!watch || (count > 0 && run >= count)) {
                        break;
                    }
                    Thread.sleep(options.interval().toMillis());
                }
            }
            // Exit status 3 when a threshold failed, so cron/CI can react without parsing output.
            return failed == 0 ? 0 : 3;
        }
    }

    static void print(PrintStream out, CacheReport report, List<CacheCheck> checks) {
        ServerStats s = report.server();
        out.printf("cache survey %s, %d ms (hit/miss window from %s)%n", report.takenAt(),
                java.time.Duration.between(report.takenAt(), report.counters().at()).toMillis(),
                report.windowStart() == null ? "server start" : report.windowStart());
        out.printf("server: %d keys, hits %d, misses %d, hit ratio %s, used %s of %s, evicted %d, expired %d, PING p50 %.0f us p99 %.0f us%n",
                s.keys(), s.hits(), s.misses(), Double.isNaN(s.hitRatio()) ? "n/a" : String.format("%.3f", s.hitRatio()),
                bytes(s.usedMemoryBytes()), s.maxMemoryBytes() == 0 ? "no limit" : bytes(s.maxMemoryBytes()),
                s.evictedKeys(), s.expiredKeys(), s.pingP50Micros(), s.pingP99Micros());
        out.printf("%-20s %10s %10s %9s %11s %11s %10s %10s %9s %9s%n",
                "family", "keys", "no TTL", "over TTL", "TTL policy", "max TTL", "memory", "sampled", "read p50", "read p99");
        for (FamilyStats f : report.families()) {
            out.printf("%-20s %10d %10d %9d %10ds %10ds %10s %10d %7.0fus %7.0fus%n", f.family(), f.keys(), f.keysWithoutTtl(),
                    f.keysOverTtl(), f.ttlPolicySeconds(), f.maxTtlSeconds(), bytes(f.memoryBytes()), f.sampled(),
                    f.readP50Micros(), f.readP99Micros());
        }
        checks.stream().filter(c -> !c.passed()).forEach(c -> out.printf("ALERT %s %s: observed %s, threshold %s (%s)%n",
                c.check(), c.target(), c.observed(), c.threshold(), c.detail()));
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
