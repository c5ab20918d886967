package io.flowcast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowcast bench ...}: benchmarks that print figures next to a baseline from the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints its figures next to a baseline measured in the same run.",
        subcommands = {BenchMirrorCommand.class, BenchDebeziumCommand.class, BenchPipelineCommand.class, BenchForecastCommand.class,
            BenchNeuralCommand.class, BenchBackfillCommand.class, BenchRetentionCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
