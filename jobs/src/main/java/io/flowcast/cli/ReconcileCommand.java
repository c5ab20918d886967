package io.flowcast.cli;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.reconciliation.ReconciliationRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowcast reconcile [--repair]}: ReconciliationJob in a local Flink environment. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare the source (an HDFS snapshot, or the warehouse database) with the PostgreSQL mirror per table, "
                + "by natural key and row hash; results in reconciliation_runs / reconciliation_diffs. Dry run unless --repair.")
public final class ReconcileCommand implements Callable<Integer> {

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value override, e.g. reconciliation.parallelism=2")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--repair", description = "fix the mirror (upsert/delete from the source), refresh Redis, audit every change")
    boolean repair;

    @Option(names = "--snapshot", description = "snapshot date YYYY-MM-DD (default: the latest complete one)")
    String snapshot;

    @Option(names = "--source", description = "snapshot | warehouse (default reconciliation.source)")
    String source;

    @Override
    public Integer call() throws Exception {
        FlowcastConfig cfg = FlowcastConfig.load(config, overrides);
        System.out.println(ReconciliationRunner.fromConfig(cfg, source, snapshot, repair).run());
        return 0;
    }
}
