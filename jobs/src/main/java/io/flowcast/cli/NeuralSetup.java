package io.flowcast.cli;

import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.neural.MixerMethod;
import io.flowcast.forecast.neural.MixerModel;
import io.flowcast.forecast.neural.MixerPretraining;
import io.flowcast.forecast.neural.NeuralMethods;
import io.flowcast.forecast.neural.NeuralUnavailableException;
import io.flowcast.forecast.neural.TrainingOptions;
import io.flowcast.forecast.neural.TrainingReport;
import io.flowcast.forecast.neural.TrainingSeries;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads the mixer for a CLI run: {@code mixer-zs} as it is, {@code mixer} fine-tuned on the
 * given histories (the input file's, never anything after it). A model that cannot be loaded
 * is registered as unavailable, so those methods fall back to the statistical chain with the
 * reason in the explanation instead of failing the run.
 */
final class NeuralSetup implements AutoCloseable {
    private final List<MixerModel> loaded = new ArrayList<>();
    private MethodRegistry base;
    private MethodRegistry registry;
    private MixerMethod zeroShotMethod;
    private MixerMethod fineTunedMethod;

    /**
     * @param histories what {@code mixer} may fine-tune on (each cut before anything it is scored on)
     */
    static NeuralSetup create(MethodRegistry base, List<String> methods, NeuralOptions options,
            List<double[]> histories, PrintStream err) {
        return create(base, methods, options, histories, null, err);
    }

    /**
     * @param covariates per history, its covariate values over the same steps ({@code [t][c]}),
     *     or null (none); {@code mixer} fine-tunes with them
     */
    static NeuralSetup create(MethodRegistry base, List<String> methods, NeuralOptions options,
            List<double[]> histories, List<double[][]> covariates, PrintStream err) {
        NeuralSetup setup = new NeuralSetup();
        setup.base = base;
        setup.registry = base;
        if (!NeuralMethods.needed(methods)) {
            return setup;
        }
        MixerMethod zeroShot;
        MixerMethod fineTuned;
        try {
            MixerModel zs = setup.keep(MixerModel.load(options.modelDir(), options.settings()));
            zeroShot = new MixerMethod(MixerMethod.ZERO_SHOT, () -> zs);
            if (methods.contains(MixerMethod.FINE_TUNED) || methods.contains(NeuralMethods.AUTO_MIXER)) {
                MixerModel ft = setup.keep(MixerModel.load(options.modelDir(), options.settings()));
                fineTune(ft, histories, covariates, options, err);
                fineTuned = new MixerMethod(MixerMethod.FINE_TUNED, () -> ft);
            } else {
                fineTuned = MixerMethod.unavailable(MixerMethod.FINE_TUNED, "mixer not requested");
            }
        } catch (NeuralUnavailableException | LinkageError e) {
            // LinkageError: DJL itself is not on the class path (a job jar without the cluster's lib/).
            String reason = e instanceof LinkageError ? "DJL/PyTorch not on the class path: " + e : e.getMessage();
            err.println("neural model unavailable, mixer methods fall back: " + reason);
            zeroShot = MixerMethod.unavailable(MixerMethod.ZERO_SHOT, reason);
            fineTuned = MixerMethod.unavailable(MixerMethod.FINE_TUNED, reason);
        }
        setup.zeroShotMethod = zeroShot;
        setup.fineTunedMethod = fineTuned;
        setup.registry = NeuralMethods.register(base, zeroShot, fineTuned);
        return setup;
    }

    /** The registry for one series with known-future covariates (null: the shared one). */
    MethodRegistry registryFor(double[][] future) {
        if (future == null || zeroShotMethod == null) {
            return registry;
        }
        return NeuralMethods.register(base, zeroShotMethod.withFuture(future), fineTunedMethod.withFuture(future));
    }

    /**
     * The registry to resolve a --methods spec against: {@code all} keeps meaning the statistical
     * methods (no model load, no fine-tuning), the neural ones are run when named.
     */
    static MethodRegistry namesFor(String methodSpec, MethodRegistry base) {
        return "all".equals(methodSpec) ? base : withPlaceholders(base);
    }

    /** The registry names the neural methods add (so --methods can be checked before loading). */
    static MethodRegistry withPlaceholders(MethodRegistry base) {
        return NeuralMethods.register(base, MixerMethod.unavailable(MixerMethod.ZERO_SHOT, "not loaded"),
                MixerMethod.unavailable(MixerMethod.FINE_TUNED, "not loaded"));
    }

    MethodRegistry registry() {
        return registry;
    }

    private static void fineTune(MixerModel model, List<double[]> histories, List<double[][]> covariates,
            NeuralOptions options, PrintStream err) {
        List<TrainingSeries> series = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            double[] raw = histories.get(i);
            double[] y = io.flowcast.forecast.Forecaster.repair(raw);
            if (y.length > 0 && Arrays.stream(y).allMatch(Double::isFinite)) {
                double[][] cov = covariates == null ? null : covariates.get(i);
                // repair drops leading missing values: keep the covariates of the steps that remain
                double[][] aligned = cov == null ? null : Arrays.copyOfRange(cov, raw.length - y.length, raw.length);
                series.add(new TrainingSeries("s" + i, new double[][] {y}, null, aligned));
            }
        }
        TrainingOptions training = TrainingOptions.fineTuning(options.seed, options.full)
                .withMaxSteps(options.fineTuneSteps());
        StepBar bar = new StepBar(err, options.full ? "fine-tune (full)" : "fine-tune (decoder+head)");
        try {
            TrainingReport r = MixerPretraining.fineTune(model, series, training, bar::update);
            bar.finish();
            err.printf(Locale.ROOT, "mixer fine-tuned on %d series: %d steps%s, validation pinball %.4f -> %.4f, "
                    + "MASE %.3f, %.1f s%n", r.trainingSeries(), r.steps(), r.stoppedEarly() ? " (early stop)" : "",
                    r.initialValidationPinball(), r.validationPinball(), r.validationMase(), r.seconds());
        } catch (IllegalArgumentException e) {
            bar.finish();
            err.println("mixer not fine-tuned (" + e.getMessage() + "): using the pretrained weights");
        }
    }

    private MixerModel keep(MixerModel m) {
        loaded.add(m);
        return m;
    }

    @Override
    public void close() {
        loaded.forEach(MixerModel::close);
    }
}
