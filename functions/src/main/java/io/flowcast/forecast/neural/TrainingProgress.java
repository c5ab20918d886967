package io.flowcast.forecast.neural;

/** Callback after every optimiser step (a CLI progress bar, a log line, nothing). */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress NONE = (step, maxSteps, loss) -> {};

    void onStep(int step, int maxSteps, double trainLoss);
}
