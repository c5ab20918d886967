package io.flowcast.bench;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.cli.BenchBackfillCommand;
import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.GeneratorLedger;
import io.flowcast.jobs.InventoryMirrorJob;
import io.flowcast.jobs.MirrorJobOptions;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.reconciliation.ReconciliationRunner;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.warehouse.HadoopOptions;
import io.flowcast.warehouse.LedgerSource;
import io.flowcast.warehouse.Snapshot;
import io.flowcast.warehouse.SnapshotExporter;
import io.flowcast.warehouse.SnapshotFile;
import io.flowcast.warehouse.SnapshotFileReader;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code flowcast bench backfill}: export of the generator's warehouse to HDFS, backfill of a fresh
 * PG mirror from that snapshot through InventoryMirrorJob (HybridSource; the Kafka phase is empty),
 * reconciliation of the whole mirror, then a repair run after {@code --diffs} rows were changed
 * behind the job's back, and a last run that must find nothing.
 */
public final class BackfillBenchmark {

    private static final LocalDate DATE = LocalDate.parse("2026-01-01");

    private BackfillBenchmark() {}

    public static void run(BenchBackfillCommand command) throws Exception {
        PrintStream out = System.out;
        FlowcastConfig base = FlowcastConfig.load(command.scratch().config(), command.scratch().overrides());
        PostgresOptions pg = BenchSupport.onDatabase(base.postgres(), command.database());
        HadoopOptions hadoop = HadoopOptions.from(base).withWarehouseRoot("/bench/warehouse");

        long started = System.nanoTime();
        GeneratorLedger ledger = new CdcGenerator(GeneratorConfig.builder().seed(command.seed()).products(command.products())
                .weeks(command.weeks()).badFraction(0).build()).generateAll().ledger();
        long rows = Arrays.stream(MirrorTable.values()).mapToLong(ledger::rowCount).sum();
        out.printf("generator: %d products x 6 regions x %d weeks -> %,d warehouse rows (%.1f s)%n",
                command.products(), command.weeks(), rows, BenchSupport.secondsSince(started));

        started = System.nanoTime();
        try (LedgerSource source = new LedgerSource(ledger, Map.of(), System.currentTimeMillis())) {
            new SnapshotExporter(hadoop).export(source, DATE, List.of(MirrorTable.values()));
        }
        BenchSupport.printRate(out, "export to " + hadoop.fsUri() + " (Parquet)", rows, BenchSupport.secondsSince(started), 0);
        Snapshot snapshot = Snapshot.open(hadoop.fileSystem(), hadoop.warehouseRoot(), DATE, List.of(MirrorTable.values()));

        started = System.nanoTime();
        long read = bareRead(snapshot, hadoop);
        double bareRate = BenchSupport.printRate(out, "bare read of the snapshot files (1 thread, baseline)", read,
                BenchSupport.secondsSince(started), 0);

        BenchSupport.recreateDatabase(pg);
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start()) {
            KafkaLoad.createTopics(kafka.bootstrap(), Arrays.stream(MirrorTable.values()).map(MirrorTable::topic).toList(), 1);
            List<String> overrides = new ArrayList<>(command.scratch().overrides());
            overrides.addAll(List.of("postgres.url=" + pg.url(), "kafka.bootstrap=" + kafka.bootstrap(),
                    "redis.url=" + command.scratch().redisUrl(), "hadoop.warehouse-root=" + hadoop.warehouseRoot()));
            FlowcastConfig config = FlowcastConfig.load(command.scratch().config(), overrides);
            MirrorJobOptions options = MirrorJobOptions.from(config);
            StreamExecutionEnvironment env = BenchSupport.miniCluster(command.parallelism(), 10_000);
            InventoryMirrorJob.wire(InventoryMirrorJob.backfillSource(env, options, hadoop, DATE, true), options, Duration.ofHours(1));
            started = System.nanoTime();
            env.execute("bench-backfill");
            double seconds = BenchSupport.secondsSince(started);
            out.printf("%-62s %,12.0f rows/s    (%,d in %.1f s; %.2fx bare read; target >= 100k rows/s)%n",
                    "backfill: snapshot -> InventoryMirrorJob -> PG + Redis", rows / seconds, rows, seconds, rows / seconds / bareRate);

            reconcile(out, config, command, pg, rows);
        }
    }

    private static void reconcile(PrintStream out, FlowcastConfig config, BenchBackfillCommand command, PostgresOptions pg, long rows)
            throws Exception {
        ReconciliationRunner.Report clean = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), false).run();
        out.printf("%-62s %,12d ms        (%,d rows each side, %d diffs; target <= 60 s)%n",
                "reconciliation (dry run, parallelism " + config.integer("reconciliation.parallelism") + ")",
                clean.millis(), rows, clean.result().diffs().size());
        int third = Math.max(1, command.diffs() / 3);
        try (Connection connection = pg.connect(); Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM flowcast.ml_sales_orders WHERE (order_number, line_number) IN"
                    + " (SELECT order_number, line_number FROM flowcast.ml_sales_orders ORDER BY 1, 2 LIMIT " + third + ")");
            st.executeUpdate("UPDATE flowcast.ml_inventory_transactions SET quantity = quantity + 1 WHERE transaction_id IN"
                    + " (SELECT transaction_id FROM flowcast.ml_inventory_transactions ORDER BY 1 LIMIT " + third + ")");
            st.executeUpdate("INSERT INTO flowcast.ml_purchases (purchase_number, line_number, product_code, supplier, quantity,"
                    + " unit_cost, ordered_at, month, quarter, day_of_week, is_weekend, source_op, source_topic, source_partition,"
                    + " source_offset) SELECT 'BENCH-' || g, 1, 'P0001', 'X', 1, 1, now(), 1, 1, 1, false, 'c', 'bench', 0, 0"
                    + " FROM generate_series(1, " + third + ") g");
        }
        ReconciliationRunner.Report repair = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), true).run();
        out.printf("%-62s %,12d ms        (%d diffs found, %d rows repaired)%n", "reconciliation --repair", repair.millis(),
                repair.result().diffs().size(), repair.repaired());
        ReconciliationRunner.Report after = ReconciliationRunner.fromConfig(config, "snapshot", DATE.toString(), false).run();
        out.printf("%-62s %,12d ms        (%d diffs; target 0)%n", "reconciliation after the repair", after.millis(),
                after.result().diffs().size());
    }

    private static long bareRead(Snapshot snapshot, HadoopOptions hadoop) throws Exception {
        Configuration conf = hadoop.configuration();
        long rows = 0;
        for (SnapshotFile file : snapshot.files()) {
            try (SnapshotFileReader reader = new SnapshotFileReader(file.table(), file.path(), conf)) {
                while (reader.next() != null) {
                    rows++;
                }
            }
        }
        return rows;
    }
}
