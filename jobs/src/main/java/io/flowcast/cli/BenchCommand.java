package io.flowcast.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowcast bench}: parent of the speed benchmarks (forecast here; mirror on main). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Speed benchmarks.",
        subcommands = {BenchForecastCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
