package io.flowcast.jobs;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.operators.ReconPairs;
import io.flowcast.reconciliation.ComparisonResult;
import io.flowcast.reconciliation.ReconciliationRunner;
import io.flowcast.reconciliation.ReconciliationSource;
import io.flowcast.records.ReconDiff;
import io.flowcast.records.ReconPair;
import io.flowcast.warehouse.SnapshotFileHasher;
import io.flowcast.warehouse.TableHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Compares the source (an HDFS snapshot or the warehouse database) with the PG mirror tables, per
 * table by natural key and row hash, as a Flink batch job:
 *
 * <pre>
 * snapshot files | warehouse tables -> (key, hash) --\
 *                                                     union -> keyBy(table, key) -> merge -> diffs
 * PG mirror tables -> (key, hash, newer?) -----------/
 * </pre>
 *
 * The run's bookkeeping, the repair and the audit are {@link ReconciliationRunner}'s; this class
 * wires and executes the comparison. Program arguments: {@code [--repair] [--snapshot DATE]
 * [--source snapshot|warehouse] [--set key=value ...]}.
 */
public final class ReconciliationJob {

    public static final String NAME = "ReconciliationJob";

    private ReconciliationJob() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean repair = rest.remove("--repair");
        String snapshotDate = take(rest, "--snapshot");
        String source = take(rest, "--source");
        FlowcastConfig config = JobArguments.parse(rest.toArray(String[]::new));
        ReconciliationRunner.Report report = ReconciliationRunner.fromConfig(config, source, snapshotDate, repair).run();
        System.out.println(report);
    }

    private static String take(List<String> args, String option) {
        int index = args.indexOf(option);
        if (index < 0) {
            return null;
        }
        args.remove(index);
        return args.remove(index);
    }

    /** Runs the comparison on {@code env} (BATCH mode) and returns the diffs and counts. */
    public static ComparisonResult compare(StreamExecutionEnvironment env, ReconciliationSource source) throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<Integer> tables = Arrays.stream(MirrorTable.values()).map(Enum::ordinal).toList();

        DataStream<ReconPair> sourceSide = source.snapshot() != null
                ? env.fromData(source.snapshot().files()).name("snapshot-files").rebalance()
                        .flatMap(new SnapshotFileHasher(source.hadoop())).name("hash-snapshot-rows").uid("hash-snapshot-rows")
                : env.fromData(tables).name("warehouse-tables").rebalance()
                        .flatMap(new TableHasher(source.warehouse(), false, null)).name("hash-warehouse-rows").uid("hash-warehouse-rows");
        DataStream<ReconPair> mirrorSide = env.fromData(tables).name("mirror-tables").rebalance()
                .flatMap(new TableHasher(source.mirror(), true, source.positions())).name("hash-mirror-rows").uid("hash-mirror-rows");

        DataStream<ReconDiff> diffs = sourceSide.union(mirrorSide)
                .keyBy(new ReconPairs.ByTableKey())
                .reduce(new ReconPairs.Merge()).name("merge-sides").uid("merge-sides")
                .flatMap(new ReconPairs.ToDiff()).name("diffs").uid("diffs");

        List<ReconDiff> found = new ArrayList<>();
        try (CloseableIterator<ReconDiff> collected = diffs.collectAsync()) {
            // Async: the collect sink blocks when its buffer is full until the client fetches.
            JobClient client = env.executeAsync(NAME);
            collected.forEachRemaining(found::add);
            JobExecutionResult result = client.getJobExecutionResult().get();
            return ComparisonResult.of(found, result.getAllAccumulatorResults());
        }
    }
}
