package io.flowcast.forecast.neural;

/**
 * Hyper-parameters of one training run (pretraining or fine-tuning); recorded in the manifest.
 *
 * @param seed seeds weight initialisation and window sampling (same seed + threads = same weights)
 * @param maxSteps optimiser steps at most
 * @param batchSize windows per step
 * @param learningRate Adam's learning rate
 * @param evalEvery steps between validation checks
 * @param patience validation checks without improvement before stopping early
 * @param minContext shortest history a training window may have
 * @param freezeBackbone selective fine-tuning: train only the decoder and head
 */
public record TrainingOptions(long seed, int maxSteps, int batchSize, double learningRate, int evalEvery,
        int patience, int minContext, boolean freezeBackbone) {

    public TrainingOptions {
        if (maxSteps < 1 || batchSize < 1 || evalEvery < 1 || patience < 1 || minContext < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("invalid training options");
        }
    }

    public static TrainingOptions pretraining(long seed) {
        return new TrainingOptions(seed, 3000, 128, 1e-3, 100, 6, 8, false);
    }

    public static TrainingOptions fineTuning(long seed, boolean full) {
        return new TrainingOptions(seed, 300, 64, full ? 2e-4 : 1e-3, 25, 4, 8, !full);
    }

    public TrainingOptions withMaxSteps(int steps) {
        return new TrainingOptions(seed, steps, batchSize, learningRate, evalEvery, patience, minContext, freezeBackbone);
    }
}
