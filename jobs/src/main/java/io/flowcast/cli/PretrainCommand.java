package io.flowcast.cli;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.forecast.neural.MixerConfig;
import io.flowcast.forecast.neural.MixerManifest;
import io.flowcast.forecast.neural.MixerPretraining;
import io.flowcast.forecast.neural.NeuralSettings;
import io.flowcast.forecast.neural.TrainingOptions;
import io.flowcast.generator.GeneratorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast train pretrain}: pretrains the mixer on long CSV files (and generator
 * histories) and writes an artifact directory (parameters + manifest.json).
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain the mixer on CSV series (+ synthetic generator histories); writes DIR/manifest.json "
                + "and DIR/mixer.params.")
public final class PretrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, arity = "1..*",
            description = "CSV files or directories of *.csv / *.csv.gz (series_id,ts,value[,value2][,promo]).")
    List<Path> data;

    @Option(names = "--out", required = true, description = "Artifact directory, e.g. models/NAME.")
    Path out;

    @Option(names = "--synthetic-products", defaultValue = "60",
            description = "Generator products (x 6 regions) added to the data; 0 = none. Default: ${DEFAULT-VALUE}")
    int syntheticProducts;

    @Option(names = "--synthetic-weeks", defaultValue = "156", description = "Weeks per synthetic series. Default: ${DEFAULT-VALUE}")
    int syntheticWeeks;

    @Option(names = "--steps", defaultValue = "3000", description = "Optimiser steps at most. Default: ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--batch", defaultValue = "128", description = "Windows per step. Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--threads", description = "PyTorch threads (default: forecast.neural.threads).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        NeuralSettings configured = FlowcastConfig.load(null, List.of()).neural();
        NeuralSettings settings = new NeuralSettings(configured.device(),
                threads != null ? threads : configured.threads(), configured.interopThreads(), configured.batchSize());
        MixerConfig config = MixerConfig.standard(GeneratorConfig.DEFAULT_REGIONS, 1);
        TrainingOptions defaults = TrainingOptions.pretraining(seed);
        TrainingOptions options = new TrainingOptions(seed, steps, batch, defaults.learningRate(),
                defaults.evalEvery(), defaults.patience(), defaults.minContext(), false);
        MixerPretraining.Sources sources = new MixerPretraining.Sources(
                io.flowcast.forecast.neural.TrainingData.csvFiles(data), syntheticProducts, syntheticWeeks, seed);
        StepBar bar = new StepBar(System.err, "pretrain");
        String name = out.getFileName().toString();
        MixerManifest m = MixerPretraining.pretrain(name, sources, config, options, settings, out, bar::update);
        bar.finish();
        System.out.printf(Locale.ROOT, "%s: %d parameters, %d steps in %.1f s, validation pinball %.4f (before %.4f), "
                + "MASE %.3f on %d windows%n", out, m.parameterCount(), m.validation().get("steps").intValue(),
                m.trainingSeconds(), m.validation().get("pinball"), m.validation().get("initial_pinball"),
                m.validation().get("mase"), m.validation().get("windows").intValue());
        System.out.println("params sha256 " + m.paramsSha256());
        return 0;
    }
}
