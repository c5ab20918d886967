package io.flowcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench mirror}. The work happens in {@code io.flowcast.bench.MirrorBenchmark},
 * loaded only when the command runs: it needs Flink on the class path, {@code --help} does not.
 */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = {
            "InventoryMirrorJob on this machine (local MiniCluster, RocksDB, checkpoints) against its own Kafka broker,",
            "a scratch database and a scratch Redis database: events/s for the decode path and end to end next to a",
            "bare Kafka consumer, PG upsert rows/s next to COPY into the same table, and CDC -> PG latency at a",
            "sustained rate."})
public final class BenchMirrorCommand implements Callable<Integer> {

    @Option(names = "--products", defaultValue = "200", description = "generator products (x 6 regions x weeks); 200 x 104 weeks ~ 1M events")
    int products;

    @Option(names = "--weeks", defaultValue = "104", description = "weeks of history")
    int weeks;

    @Option(names = "--bad-fraction", defaultValue = "0.01", description = "share of invalid events")
    double badFraction;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2")
    int parallelism;

    @Option(names = "--partitions", defaultValue = "4", description = "partitions per CDC topic")
    int partitions;

    @Option(names = "--copy-rows", defaultValue = "500000", description = "rows for the PG upsert vs COPY comparison")
    int copyRows;

    @Option(names = "--latency-rate", defaultValue = "10000", description = "events/s for the latency phase")
    double latencyRate;

    @Option(names = "--latency-seconds", defaultValue = "30")
    long latencySeconds;

    @Option(names = "--database", defaultValue = "flowcast_bench", description = "scratch database (dropped and recreated)")
    String database;

    @Mixin
    BenchScratch scratch = new BenchScratch();

    @Override
    public Integer call() throws Exception {
        BenchScratch.run("io.flowcast.bench.MirrorBenchmarkRunner", this);
        return 0;
    }

    public long seed() { return seed; }
    public int products() { return products; }
    public int weeks() { return weeks; }
    public double badFraction() { return badFraction; }
    public int parallelism() { return parallelism; }
    public int partitions() { return partitions; }
    public int copyRows() { return copyRows; }
    public double latencyRate() { return latencyRate; }
    public long latencySeconds() { return latencySeconds; }
    public String database() { return database; }
    public BenchScratch scratch() { return scratch; }
}
