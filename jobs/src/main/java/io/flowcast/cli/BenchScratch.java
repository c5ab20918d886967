package io.flowcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every benchmark command shares: its scratch Redis database and the configuration it runs with. */
public final class BenchScratch {

    @Option(names = "--redis-url", defaultValue = "redis://127.0.0.1:6379/14", description = "scratch Redis database (flushed)")
    String redisUrl;

    @Option(names = "--config", description = "YAML file over the bundled defaults")
    Path config;

    @Option(names = "--set", description = "key=value configuration override")
    List<String> overrides = new ArrayList<>();

    public String redisUrl() { return redisUrl; }
    public Path config() { return config; }
    public List<String> overrides() { return overrides; }

    /** Runs {@code runner}'s static {@code run(command)} by reflection, which keeps Flink types out of the CLI classes (see FlowcastCli). */
    static void run(String runner, Object command) throws Exception {
        Class.forName(runner).getMethod("run", command.getClass()).invoke(null, command);
    }
}
