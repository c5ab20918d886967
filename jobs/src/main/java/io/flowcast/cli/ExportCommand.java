package io.flowcast.cli;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.warehouse.HadoopOptions;
import io.flowcast.warehouse.SnapshotExporter;
import io.flowcast.warehouse.SnapshotManifest;
import io.flowcast.warehouse.WarehouseSources;
import io.flowcast.warehouse.WarehouseSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowcast export}: a snapshot of the warehouse tables as Parquet on HDFS. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a snapshot of the warehouse tables as Parquet to <hadoop.warehouse-root>/<schema>/<table>/dt=DATE/, "
                + "each table with a _SNAPSHOT manifest holding the CDC position it is consistent with.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value override, e.g. hadoop.fs-uri=hdfs://host:9000")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--date", description = "snapshot partition (YYYY-MM-DD); default today (UTC)")
    LocalDate date;

    @Option(names = "--source", description = "mirror (the PG ml_* tables) or warehouse (the source database); default snapshot.source")
    String source;

    @Override
    public Integer call() throws Exception {
        FlowcastConfig cfg = FlowcastConfig.load(config, overrides);
        HadoopOptions hadoop = HadoopOptions.from(cfg);
        hadoop.loginIfSecured();
        LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
        String kind = source != null ? source : cfg.string("snapshot.source");
        long started = System.nanoTime();
        List<SnapshotManifest> manifests;
        try (WarehouseSource warehouse = WarehouseSources.open(kind, cfg)) {
            manifests = new SnapshotExporter(hadoop).export(warehouse, day, List.of(MirrorTable.values()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = 0;
        for (SnapshotManifest manifest : manifests) {
            rows += manifest.rows();
            System.out.printf("%-28s %9d rows %3d files  kafka %s  lsn %s%n", manifest.table(), manifest.rows(),
                    manifest.files().size(), manifest.position().kafkaOffsets(), manifest.position().lsn());
        }
        System.out.printf("snapshot %s (%s) of %s: %d rows in %.1f s -> %s%s%n", day, manifests.get(0).snapshotId(),
                manifests.get(0).source(), rows, seconds, hadoop.fsUri(), hadoop.warehouseRoot());
        return 0;
    }
}
