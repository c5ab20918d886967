package io.flowcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench pipeline}. The work happens in {@code io.flowcast.bench.PipelineBenchmark},
 * loaded only when the command runs: it needs Flink on the class path, {@code --help} does not.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {
            "DemandForecastJob on this machine (local MiniCluster, RocksDB, checkpoints) against its own Kafka broker,",
            "a scratch database and a scratch Redis database: sales-order events/s and series forecasts/s next to a",
            "bare Kafka consumer of the same topic, then, with the job unbounded on live events, week close ->",
            "forecast visible (PG + Redis) latency, and on-demand request (INSERT INTO forecast_requests) -> answer latency."})
public final class BenchPipelineCommand implements Callable<Integer> {

    @Option(names = "--products", defaultValue = "30", description = "throughput history: products (x 6 regions)")
    int products;

    @Option(names = "--weeks", defaultValue = "52", description = "throughput history: weeks")
    int weeks;

    @Option(names = "--lines-per-series-week", defaultValue = "25",
            description = "throughput history: order lines a series sells in a week with demand (the generator's default is 4);"
                    + " events per week close, each of which writes 52 prediction rows")
    double linesPerSeriesWeek;

    @Option(names = "--bad-fraction", defaultValue = "0.01", description = "share of invalid events")
    double badFraction;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2")
    int parallelism;

    @Option(names = "--partitions", defaultValue = "4", description = "partitions of the sales-order topic")
    int partitions;

    @Option(names = "--throughput-methods", defaultValue = "naive,dotm",
            description = "forecast methods of the throughput runs, one run each (naive: the event path, forecasting costs ~nothing); empty: none")
    String throughputMethods;

    @Option(names = {"--method", "--methods"},
            description = "forecast method(s) of the live latency runs, comma-separated, one job each (default: the configured demand-forecast.forecast-method)")
    String methods;

    @Option(names = "--live-products", defaultValue = "20", description = "live history: products (x 6 regions), i.e. series per week close")
    int liveProducts;

    @Option(names = "--history-weeks", defaultValue = "52",
            description = "live history: weeks sent first as fast as the job takes them (forecast cost grows with history length)")
    int historyWeeks;

    @Option(names = "--week-closes", defaultValue = "15", description = "week closes measured per live run")
    int weekCloses;

    @Option(names = "--warm-up-closes", defaultValue = "2", description = "week closes sent first and not counted")
    int warmUpCloses;

    @Option(names = "--live-rate", defaultValue = "5000", description = "events/s sent between week closes")
    double liveRate;

    @Option(names = "--quiet-ms", defaultValue = "1000",
            description = "a week's forecasts are complete when none appeared for this long; then the next week closes")
    long quietMillis;

    @Option(names = "--max-wait-s", defaultValue = "60", description = "longest wait for one week's forecasts")
    long maxWaitSeconds;

    @Option(names = "--requests", defaultValue = "50", description = "on-demand requests measured one at a time (after the week closes)")
    int requests;

    @Option(names = "--request-warm-up", defaultValue = "3", description = "requests sent first and not counted")
    int requestWarmUp;

    @Option(names = "--request-burst", defaultValue = "20", description = "requests inserted at once by one statement, per burst")
    int requestBurst;

    @Option(names = "--request-bursts", defaultValue = "3", description = "bursts measured")
    int requestBursts;

    @Option(names = "--request-horizon", defaultValue = "26", description = "horizon (weeks) of every request: 2 x this many answer rows")
    int requestHorizon;

    @Option(names = "--request-slot", defaultValue = "flowcast_bench_requests",
            description = "replication slot of the live job's request source (dropped afterwards)")
    String requestSlot;

    @Option(names = "--details", description = "print every measured week close")
    boolean details;

    @Option(names = "--skip-throughput")
    boolean skipThroughput;

    @Option(names = "--skip-latency")
    boolean skipLatency;

    @Option(names = "--jdbc-url", description = "PostgreSQL server (its database name is replaced by --database); default postgres.url")
    String jdbcUrl;

    @Option(names = "--database", defaultValue = "flowcast_bench_pipeline", description = "scratch database (dropped and recreated)")
    String database;

    @Mixin
    BenchScratch scratch = new BenchScratch();

    @Override
    public Integer call() throws Exception {
        BenchScratch.run("io.flowcast.bench.PipelineBenchmarkRunner", this);
        return 0;
    }

    public int products() { return products; }
    public int weeks() { return weeks; }
    public double linesPerSeriesWeek() { return linesPerSeriesWeek; }
    public double badFraction() { return badFraction; }
    public long seed() { return seed; }
    public int parallelism() { return parallelism; }
    public int partitions() { return partitions; }
    public String throughputMethods() { return throughputMethods; }
    public String methods() { return methods; }
    public int liveProducts() { return liveProducts; }
    public int historyWeeks() { return historyWeeks; }
    public int weekCloses() { return weekCloses; }
    public int warmUpCloses() { return warmUpCloses; }
    public double liveRate() { return liveRate; }
    public long quietMillis() { return quietMillis; }
    public long maxWaitSeconds() { return maxWaitSeconds; }
    public int requests() { return requests; }
    public int requestWarmUp() { return requestWarmUp; }
    public int requestBurst() { return requestBurst; }
    public int requestBursts() { return requestBursts; }
    public int requestHorizon() { return requestHorizon; }
    public String requestSlot() { return requestSlot; }
    public boolean skipThroughput() { return skipThroughput; }
    public boolean skipLatency() { return skipLatency; }
    public boolean details() { return details; }
    public String jdbcUrl() { return jdbcUrl; }
    public String database() { return database; }
    public BenchScratch scratch() { return scratch; }
}
