package io.flowcast.cli;

import io.flowcast.bench.RetentionBenchmark;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.sinks.PostgresOptions;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowcast bench retention}: RetentionJob over a large prediction_results, next to a live writer. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"RetentionJob's default policies over --rows prediction_results rows in a scratch database:",
            "dry-run time, rows deleted per second, and the latency of a concurrent forecast writer before and during",
            "the execution."})
public final class BenchRetentionCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000", description = "scheduled forecast rows to load (rounded up to whole products)")
    long rows;

    @Option(names = "--origins", defaultValue = "104", description = "origin weeks per series (the default policy keeps 30)")
    int origins;

    @Option(names = "--writer-series", defaultValue = "10", description = "series the writer upserts per transaction (52 rows each)")
    int writerSeries;

    @Option(names = "--writer-interval-ms", defaultValue = "100", description = "one writer transaction every this many ms")
    long writerIntervalMillis;

    @Option(names = "--baseline-seconds", defaultValue = "15", description = "writer alone before the execution (baseline latency)")
    long baselineSeconds;

    @Option(names = "--pause-ms", defaultValue = "0", description = "retention.pause-ms: sleep between batches")
    long pauseMillis;

    @Option(names = "--database", defaultValue = "flowcast_bench_retention", description = "scratch database (dropped and recreated)")
    String database;

    @Option(names = "--jdbc-url", description = "server, e.g. jdbc:postgresql://127.0.0.1:5432/ (default: postgres.url's server)")
    String jdbcUrl;

    @Mixin
    BenchScratch scratch = new BenchScratch();

    private static final Pattern SERVER = Pattern.compile("^(jdbc:postgresql://[^/]+/).*$");

    @Override
    public Integer call() throws Exception {
        PostgresOptions pg = FlowcastConfig.load(scratch.config(), scratch.overrides()).postgres();
        String server = jdbcUrl != null ? jdbcUrl : pg.url();
        Matcher m = SERVER.matcher(server);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/ URL: " + server);
        }
        new RetentionBenchmark(new RetentionBenchmark.Settings(m.group(1), pg.user(), pg.password(), database, rows, origins,
                writerSeries, writerIntervalMillis, baselineSeconds, pauseMillis), System.out).run();
        return 0;
    }
}
