package io.flowcast.cli;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.jobs.RetentionJob;
import io.flowcast.retention.RetentionOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowcast retention [--execute]}: RetentionJob once; exit status 1 when a policy failed. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Apply retention_policies: a dry-run report by default (what each policy would delete),",
            "--execute deletes in page-range batches. Every policy and run leaves a retention_history row."})
public final class RetentionCommand implements Callable<Integer> {

    @Option(names = "--execute", description = "delete (default: dry run, nothing deleted)")
    boolean execute;

    @Option(names = "--policy", description = "only this policy (repeatable; default: all)")
    List<String> policies = new ArrayList<>();

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value override, e.g. retention.pause-ms=20")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<RetentionOutcome> outcomes = RetentionJob.run(FlowcastConfig.load(config, overrides), execute,
                new HashSet<>(policies), System.out);
        return outcomes.stream().anyMatch(o -> o.status().equals("failed")) ? 1 : 0;
    }
}
