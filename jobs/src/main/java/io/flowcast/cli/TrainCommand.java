package io.flowcast.cli;

import picocli.CommandLine.Command;

/** {@code flowcast train ...}: model training commands. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models.",
        subcommands = {PretrainCommand.class, TrainRouterCommand.class})
public final class TrainCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
