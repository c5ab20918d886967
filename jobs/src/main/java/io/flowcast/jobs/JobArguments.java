package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Program arguments every job main accepts: {@code --config FILE} and repeated
 * {@code --set key=value}. On a cluster the environment of the submitting shell does not reach the
 * JobManager, so {@code --set postgres.url=...} is how a submission carries its endpoints.
 */
public final class JobArguments {

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value override, e.g. postgres.url=jdbc:postgresql://db/flowcast")
    List<String> overrides = new ArrayList<>();

    public static FlowcastConfig parse(String[] args) {
        JobArguments parsed = new JobArguments();
        new CommandLine(parsed).parseArgs(args);
        return FlowcastConfig.load(parsed.config, parsed.overrides);
    }
}
