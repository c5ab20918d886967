package io.flowcast.forecast;

/**
 * A central prediction interval for one coverage level (e.g. 80 for 80%) over the horizon.
 *
 * @param level nominal coverage in percent, in (0, 100)
 * @param lower lower bound per step (index 0 = one step ahead)
 * @param upper upper bound per step
 */
public record PredictionInterval(double level, double[] lower, double[] upper) {
    public PredictionInterval {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper must have the same length");
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    public double lowerAt(int step) {
        return lower[step];
    }

    public double upperAt(int step) {
        return upper[step];
    }
}
