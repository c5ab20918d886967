package io.flowcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench debezium}. The work happens in {@code io.flowcast.bench.DebeziumBenchmark},
 * loaded only when the command runs (it needs Flink on the class path, {@code --help} does not).
 */
@Command(name = "debezium", mixinStandardHelpOptions = true,
        description = {
            "The Debezium path on this machine: the generator writes row changes with SQL into a scratch warehouse",
            "database at a fixed rate, a Kafka Connect worker runs the Debezium PostgreSQL connector (default settings)",
            "into its own Kafka broker, and InventoryMirrorJob (local MiniCluster, RocksDB, checkpoints) mirrors them.",
            "Prints source commit -> Kafka latency (the connector alone, baseline) and source commit -> PG mirror row."})
public final class BenchDebeziumCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "5000", description = "row changes per second written to the warehouse. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--seconds", defaultValue = "30", description = "measured phase. Default: ${DEFAULT-VALUE}")
    long seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "changes written before measuring (JIT, topic discovery). Default: ${DEFAULT-VALUE}")
    long warmupSeconds;

    @Option(names = "--commit-every", defaultValue = "50", description = "row changes per warehouse transaction at most. Default: ${DEFAULT-VALUE}")
    int commitEvery;

    @Option(names = "--products", defaultValue = "200", description = "generator products (the history must outlast the run)")
    int products;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2")
    int parallelism;

    @Option(names = "--database", defaultValue = "flowcast_bench_debezium",
            description = "scratch database (dropped and recreated) holding both the warehouse tables and the mirror")
    String database;

    @Mixin
    BenchScratch scratch = new BenchScratch();

    @Override
    public Integer call() throws Exception {
        BenchScratch.run("io.flowcast.bench.DebeziumBenchmark", this);
        return 0;
    }

    public double rate() { return rate; }
    public long seconds() { return seconds; }
    public long warmupSeconds() { return warmupSeconds; }
    public int commitEvery() { return commitEvery; }
    public int products() { return products; }
    public long seed() { return seed; }
    public int parallelism() { return parallelism; }
    public String database() { return database; }
    public BenchScratch scratch() { return scratch; }
}
