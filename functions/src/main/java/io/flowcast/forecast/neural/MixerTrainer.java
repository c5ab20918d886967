package io.flowcast.forecast.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link MixerModel} on windows cut from many series (a global model) with DJL's
 * {@link Trainer} and Adam, minimising {@link PinballLoss}.
 *
 * <p>Validation: the last {@code horizon} steps of each series are held out and scored every
 * {@code evalEvery} steps; training windows never reach into them. The weights with the best
 * validation loss are kept; {@code patience} checks without improvement stop the run. Window
 * sampling uses a {@link Random} seeded from the options, so a run is repeatable for a given
 * seed and thread count. With {@code freezeBackbone} only decoder and head parameters change
 * (selective fine-tuning, TTM's recipe for adapting to a target dataset).
 */
public final class MixerTrainer {
    /** Validation windows at most (evenly spread over the series) to bound each check. */
    static final int MAX_VALIDATION = 2048;

    private MixerTrainer() {}

    public static TrainingReport train(MixerModel model, List<TrainingSeries> series, TrainingOptions options,
            TrainingProgress progress) {
        long start = System.nanoTime();
        MixerConfig config = model.config();
        int h = config.horizon();
        List<TrainingSeries> usable = new ArrayList<>();
        List<Integer> trainEnds = new ArrayList<>();
        List<TrainingSeries> validation = new ArrayList<>();
        for (TrainingSeries s : series) {
            int n = s.length();
            boolean validates = n - h >= options.minContext() + 1;
            int trainEnd = validates ? n - h : n;
            if (trainEnd - 1 >= options.minContext()) {
                usable.add(s);
                trainEnds.add(trainEnd);
            }
            if (validates) {
                validation.add(s);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no series long enough to train on (need > "
                    + options.minContext() + " observations)");
        }
        validation = spread(validation, MAX_VALIDATION);
        NeuralRuntime.engine(model.settings()).setRandomSeed((int) options.seed());
        Random random = new Random(options.seed());
        double[] cumulative = samplingWeights(trainEnds, options.minContext());
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(new PinballLoss(config.quantiles()))
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) options.learningRate())).build())
                .optDevices(new ai.djl.Device[] {model.djlModel().getNDManager().getDevice()});
        MixerNetwork network = model.network();
        try (Trainer trainer = model.djlModel().newTrainer(trainingConfig)) {
            trainer.initialize(network.inputShapes());
            if (options.freezeBackbone()) {
                for (Pair<String, Parameter> p : network.getParameters()) {
                    if (p.getKey().startsWith(MixerNetwork.BACKBONE)) {
                        p.getValue().freeze(true);
                    }
                }
            }
            double[] initial = validate(trainer, config, validation);
            double bestLoss = initial[0];
            double bestMase = initial[1];
            List<float[]> best = snapshot(network);
            int badChecks = 0;
            int step = 0;
            boolean early = false;
            while (step < options.maxSteps()) {
                Labelled batch = sample(config, usable, trainEnds, cumulative, options, random);
                double loss;
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDList inputs = batch.inputs.toNDList(m);
                    NDList labels = batch.labels(m);
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray l = trainer.getLoss().evaluate(labels, trainer.forward(inputs));
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    trainer.step();
                }
                step++;
                progress.onStep(step, options.maxSteps(), loss);
                if (step % options.evalEvery() == 0 && !validation.isEmpty()) {
                    double[] v = validate(trainer, config, validation);
                    if (v[0] < bestLoss - 1e-6) {
                        bestLoss = v[0];
                        bestMase = v[1];
                        best = snapshot(network);
                        badChecks = 0;
                    } else if (++badChecks >= options.patience()) {
                        early = true;
                        break;
                    }
                }
            }
            if (validation.isEmpty()) {
                best = snapshot(network);
                bestLoss = Double.NaN;
            }
            restore(network, best);
            for (Pair<String, Parameter> p : network.getParameters()) {
                p.getValue().freeze(false);
            }
            model.reloadParameters();
            return new TrainingReport(step, early, initial[0], bestLoss, bestMase, validation.size(), usable.size(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** A batch of windows with their targets (normalised like the inputs) and target weights. */
    private record Labelled(MixerBatch inputs, float[] target, float[] weight, MixerConfig config) {
        NDList labels(NDManager m) {
            Shape shape = new Shape(inputs.size(), config.channels(), config.horizon());
            return new NDList(m.create(target, shape), m.create(weight, shape));
        }
    }

    /**
     * Cumulative sampling weights: a series is drawn with probability proportional to the square
     * root of its number of training origins, between "every series alike" (thousands of short
     * intermittent series would swamp a few long ones) and "every window alike" (a handful of
     * very long series would).
     */
    static double[] samplingWeights(List<Integer> trainEnds, int minContext) {
        double[] cumulative = new double[trainEnds.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += Math.sqrt(trainEnds.get(i) - minContext);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static Labelled sample(MixerConfig config, List<TrainingSeries> usable, List<Integer> trainEnds,
            double[] cumulative, TrainingOptions options, Random random) {
        int b = options.batchSize();
        MixerBatch batch = MixerBatch.empty(config, b);
        float[] target = new float[b * config.channels() * config.horizon()];
        float[] weight = new float[target.length];
        for (int i = 0; i < b; i++) {
            int s = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            s = Math.min(s < 0 ? -s - 1 : s, usable.size() - 1);
            TrainingSeries series = usable.get(s);
            int trainEnd = trainEnds.get(s);
            int origin = options.minContext() + random.nextInt(trainEnd - options.minContext());
            fill(config, batch, target, weight, i, series, origin, trainEnd);
        }
        return new Labelled(batch, target, weight, config);
    }

    private static void fill(MixerConfig config, MixerBatch batch, float[] target, float[] weight, int i,
            TrainingSeries series, int origin, int limit) {
        batch.put(i, series.window(), origin, futureSlice(config, series, origin));
        int h = config.horizon();
        for (int c = 0; c < config.channels(); c++) {
            double[] y = series.channels()[Math.min(c, series.channels().length - 1)];
            InstanceScaler scaler = batch.scaler(i, c);
            for (int k = 0; k < h && origin + k < limit; k++) {
                int idx = (i * config.channels() + c) * h + k;
                target[idx] = scaler.normalise(y[origin + k]);
                weight[idx] = 1f;
            }
        }
    }

    private static double[][] futureSlice(MixerConfig config, TrainingSeries series, int origin) {
        if (config.futureChannels() == 0 || series.covariates() == null) {
            return null;
        }
        double[][] out = new double[config.horizon()][];
        for (int k = 0; k < out.length; k++) {
            int t = origin + k;
            out[k] = t < series.covariates().length ? series.covariates()[t] : new double[config.futureChannels()];
        }
        return out;
    }

    /** {pinball, MASE} of the current weights on the held-out ends. */
    private static double[] validate(Trainer trainer, MixerConfig config, List<TrainingSeries> validation) {
        if (validation.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int h = config.horizon();
        double lossSum = 0;
        double maseSum = 0;
        int maseCount = 0;
        int chunk = 256;
        for (int from = 0; from < validation.size(); from += chunk) {
            List<TrainingSeries> part = validation.subList(from, Math.min(validation.size(), from + chunk));
            MixerBatch batch = MixerBatch.empty(config, part.size());
            float[] target = new float[part.size() * config.channels() * h];
            float[] weight = new float[target.length];
            for (int i = 0; i < part.size(); i++) {
                TrainingSeries s = part.get(i);
                fill(config, batch, target, weight, i, s, s.length() - h, s.length());
            }
            Labelled labelled = new Labelled(batch, target, weight, config);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList out = trainer.evaluate(batch.toNDList(m));
                lossSum += trainer.getLoss().evaluate(labelled.labels(m), out).getFloat() * part.size();
                List<QuantileForecast> forecasts = batch.decode(out.head().toFloatArray());
                for (int i = 0; i < part.size(); i++) {
                    double mase = mase(part.get(i).channels()[0], h, forecasts.get(i).median()[0]);
                    if (Double.isFinite(mase)) {
                        maseSum += mase;
                        maseCount++;
                    }
                }
            }
        }
        return new double[] {lossSum / validation.size(), maseCount == 0 ? Double.NaN : maseSum / maseCount};
    }

    /** MASE of {@code forecast} against the last {@code h} values, scaled by lag-1 in-sample MAE. */
    static double mase(double[] y, int h, double[] forecast) {
        int n = y.length - h;
        double scale = 0;
        for (int t = 1; t < n; t++) {
            scale += Math.abs(y[t] - y[t - 1]);
        }
        scale /= Math.max(n - 1, 1);
        if (!(scale > 0)) {
            return Double.NaN;
        }
        double err = 0;
        for (int k = 0; k < h; k++) {
            err += Math.abs(y[n + k] - forecast[k]);
        }
        return err / h / scale;
    }

    private static <T> List<T> spread(List<T> items, int max) {
        if (items.size() <= max) {
            return items;
        }
        List<T> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(items.get((int) ((long) i * items.size() / max)));
        }
        return out;
    }

    private static List<float[]> snapshot(MixerNetwork network) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static void restore(MixerNetwork network, List<float[]> values) {
        int i = 0;
        for (Pair<String, Parameter> p : network.getParameters()) {
            p.getValue().getArray().set(FloatBuffer.wrap(values.get(i++)));
        }
    }
}
