package io.flowcast.reconciliation;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.jobs.MirrorJobOptions;
import io.flowcast.jobs.ReconciliationJob;
import io.flowcast.reconcile.DiffKind;
import io.flowcast.warehouse.HadoopOptions;
import io.flowcast.warehouse.Snapshot;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.hadoop.fs.FileSystem;

/**
 * One reconciliation run: registers it, runs the comparison ({@link ReconciliationJob}), stores the
 * diffs and row-count checks, repairs when asked, and closes the run row.
 */
public final class ReconciliationRunner {

    /** What a run found and did; {@link #toString()} is what the CLI prints. */
    public record Report(long runId, String mode, String source, ComparisonResult result, long repaired, long millis) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("reconciliation run %d (%s) against %s: %d ms%n", runId, mode, source, millis));
            text.append(String.format("%-28s %10s %10s %8s %8s %8s %9s%n", "table", "source", "mirror", "missing", "extra", "different", "newer"));
            result.tables().forEach((table, c) -> text.append(String.format("%-28s %10d %10d %8d %8d %8d %9d%n",
                    table.qualifiedSourceName(), c.sourceRows(), c.mirrorRows(), c.missing(), c.extra(), c.different(), c.newer())));
            result.errors().forEach(e -> text.append("UNREADABLE ").append(e.file()).append(": ").append(e.error()).append('\n'));
            text.append(String.format("diffs: %d missing, %d extra, %d different; repaired %d",
                    result.count(DiffKind.MISSING), result.count(DiffKind.EXTRA), result.count(DiffKind.DIFFERENT), repaired));
            return text.toString();
        }
    }

    private final FlowcastConfig config;
    private final ReconciliationSource source;
    private final boolean repair;

    public ReconciliationRunner(FlowcastConfig config, ReconciliationSource source, boolean repair) {
        this.config = config;
        this.source = source;
        this.repair = repair;
    }

    /**
     * @param sourceKind {@code snapshot} or {@code warehouse}; null = {@code reconciliation.source}
     * @param snapshotDate YYYY-MM-DD; null = the latest complete snapshot
     */
    public static ReconciliationRunner fromConfig(FlowcastConfig config, String sourceKind, String snapshotDate, boolean repair)
            throws IOException {
        String kind = sourceKind != null ? sourceKind : config.string("reconciliation.source");
        ReconciliationSource source = switch (kind) {
            case "snapshot" -> {
                HadoopOptions hadoop = HadoopOptions.from(config);
                hadoop.loginIfSecured();
                yield new ReconciliationSource(openSnapshot(hadoop, snapshotDate), hadoop, null, config.postgres());
            }
            case "warehouse" -> new ReconciliationSource(null, null,
                    config.postgres().withUrl(config.string("snapshot.warehouse-url")), config.postgres());
            default -> throw new IllegalArgumentException("unknown reconciliation source '" + kind + "' (snapshot | warehouse)");
        };
        return new ReconciliationRunner(config, source, repair);
    }

    public static Snapshot openSnapshot(HadoopOptions hadoop, String date) throws IOException {
        FileSystem fs = hadoop.fileSystem();
        LocalDate day = date != null ? LocalDate.parse(date) : Snapshot.latestDate(fs, hadoop.warehouseRoot(), MirrorTable.PRODUCT_MASTER);
        if (day == null) {
            throw new IOException("no snapshot under " + hadoop.fsUri() + hadoop.warehouseRoot() + ": run `flowcast export` first");
        }
        return Snapshot.open(fs, hadoop.warehouseRoot(), day, List.of(MirrorTable.values()));
    }

    public Report run() throws Exception {
        Configuration flink = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(config.integer("reconciliation.parallelism"));
        return run(env);
    }

    /** Runs on {@code env} (tests pass a MiniCluster environment). */
    public Report run(StreamExecutionEnvironment env) throws Exception {
        ReconciliationStore store = new ReconciliationStore(config.postgres());
        String mode = repair ? "repair" : "dry-run";
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        long runId = store.start(mode, source.describe(), source.snapshot() == null ? null : source.snapshot().date());
        try {
            ComparisonResult result = ReconciliationJob.compare(env, source);
            store.recordComparison(runId, startedAt, Instant.now(), result, config.integer("reconciliation.max-diffs-listed"));
            long repaired = 0;
            if (repair && !result.diffs().isEmpty()) {
                repaired = new MirrorRepairer(config.postgres(), config.redis(), MirrorJobOptions.from(config).cache())
                        .repair(runId, source, result);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            store.finish(runId, result, repaired, millis);
            return new Report(runId, mode, source.describe(), result, repaired, millis);
        } catch (Exception e) {
            store.fail(runId, e);
            throw e;
        }
    }
}
