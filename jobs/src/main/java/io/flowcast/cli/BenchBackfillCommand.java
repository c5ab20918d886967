package io.flowcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench backfill}. The work happens in {@code io.flowcast.bench.BackfillBenchmark},
 * loaded only when the command runs (it needs Flink and Hadoop on the class path).
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {
            "Snapshot, backfill and reconciliation on this machine against the HDFS at hadoop.fs-uri (./flowcast hdfs start),",
            "its own Kafka broker and a scratch database: export rows/s, backfill rows/s (InventoryMirrorJob from the snapshot)",
            "next to a bare read of the same Parquet files, reconciliation time for the whole mirror, repair of injected",
            "diffs and the diffs a second run finds."})
public final class BenchBackfillCommand implements Callable<Integer> {

    @Option(names = "--products", defaultValue = "150", description = "generator products (x 6 regions x weeks)")
    int products;

    @Option(names = "--weeks", defaultValue = "104", description = "weeks of history")
    int weeks;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2")
    int parallelism;

    @Option(names = "--diffs", defaultValue = "1000", description = "rows changed in PG behind the job's back before the repair run")
    int diffs;

    @Option(names = "--database", defaultValue = "flowcast_bench_backfill", description = "scratch database (dropped and recreated)")
    String database;

    @Mixin
    BenchScratch scratch = new BenchScratch();

    public int products() { return products; }
    public int weeks() { return weeks; }
    public long seed() { return seed; }
    public int parallelism() { return parallelism; }
    public int diffs() { return diffs; }
    public String database() { return database; }
    public BenchScratch scratch() { return scratch; }

    @Override
    public Integer call() throws Exception {
        BenchScratch.run("io.flowcast.bench.BackfillBenchmark", this);
        return 0;
    }
}
