package io.flowcast.forecast.neural;

/**
 * Outcome of a training run. Validation = the last {@code horizon} steps of each training series
 * (never any test data), scored with the kept weights.
 *
 * @param steps optimiser steps taken
 * @param stoppedEarly whether validation stopped the run before {@code maxSteps}
 * @param initialValidationPinball validation pinball loss before training (normalised units)
 * @param validationPinball validation pinball loss of the kept weights
 * @param validationMase MASE of the median on channel 0 (scale: in-sample lag-1 MAE)
 * @param validationWindows windows in the validation set
 * @param trainingSeries series that gave training windows
 * @param seconds wall time
 */
public record TrainingReport(int steps, boolean stoppedEarly, double initialValidationPinball,
        double validationPinball, double validationMase, int validationWindows, int trainingSeries, double seconds) {}
