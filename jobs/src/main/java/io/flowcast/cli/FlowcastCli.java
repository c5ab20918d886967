package io.flowcast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code flowcast.jar} and of the {@code ./flowcast} launcher.
 *
 * <p>Command classes must not mention Flink types in fields or signatures: {@code --help} runs
 * from the shaded jar alone, without the cluster's Flink jars on the class path.
 */
@Command(
        name = "flowcast",
        mixinStandardHelpOptions = true,
        versionProvider = FlowcastCli.Version.class,
        description = "Flowcast: warehouse CDC -> live demand intelligence on Apache Flink.",
        subcommands = {
            CommandLine.HelpCommand.class,
            MigrateCommand.class,
            ExportCommand.class,
            ReconcileCommand.class,
            BenchCommand.class,
            GenerateCommand.class,
            WarehouseCommand.class,
            ForecastCommand.class,
            BacktestCommand.class,
            TrainCommand.class,
            RetentionCommand.class,
            CacheCommand.class,
        })
public final class FlowcastCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return new CommandLine(new FlowcastCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FlowcastCli.class.getPackage().getImplementationVersion();
            return new String[] {"flowcast " + (version == null ? "dev" : version)};
        }
    }
}
