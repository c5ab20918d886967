package io.flowcast.cli;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.forecast.neural.NeuralSettings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the neural methods (mixer, mixer-zs, auto-mixer), shared by forecast and backtest. */
final class NeuralOptions {
    @Option(names = "--model", description = "Mixer artifact directory (default: forecast.neural.model, "
            + "models/mixer-pretrained).")
    Path model;

    @Option(names = "--full", description = "mixer: fine-tune every layer, not only decoder and head.")
    boolean full;

    @Option(names = "--fine-tune-steps", description = "mixer: optimiser steps at most (default: "
            + "forecast.neural.fine-tune-steps).")
    Integer fineTuneSteps;

    @Option(names = "--seed", defaultValue = "42", description = "mixer: fine-tuning seed. Default: ${DEFAULT-VALUE}")
    long seed;

    private FlowcastConfig config;

    FlowcastConfig config() {
        if (config == null) {
            config = FlowcastConfig.load(null, List.of());
        }
        return config;
    }

    NeuralSettings settings() {
        return config().neural();
    }

    int fineTuneSteps() {
        return fineTuneSteps != null ? fineTuneSteps : config().integer("forecast.neural.fine-tune-steps");
    }

    /** The artifact directory: --model, else the configured one under the repository root. */
    Path modelDir() {
        if (model != null) {
            return model;
        }
        Path configured = Path.of(config().string("forecast.neural.model"));
        if (configured.isAbsolute()) {
            return configured;
        }
        String home = System.getProperty("flowcast.home");
        return home == null ? configured : Path.of(home).resolve(configured);
    }
}
