package io.flowcast.forecast.neural;

/**
 * Per-series, per-channel instance normalisation (RevIN-style, as TTM does): the model sees
 * {@code (x - loc) / scale} with loc and scale taken from the observed part of the context only,
 * and its outputs are mapped back with {@link #invert}. This is what lets one set of weights
 * serve series whose levels differ by orders of magnitude.
 */
public record InstanceScaler(double loc, double scale) {
    /** Normalised values beyond this are clipped: one wild point must not dominate a batch. */
    static final double CLIP = 50;

    public static InstanceScaler fit(double[] observed, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return new InstanceScaler(0, 1);
        }
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += observed[t];
        }
        double mean = sum / n;
        double ss = 0;
        for (int t = from; t < to; t++) {
            double e = observed[t] - mean;
            ss += e * e;
        }
        double std = Math.sqrt(ss / n);
        // A (near) constant context has no spread to scale by: fall back to its level so the
        // normalised values stay O(1) and the inversion stays exact.
        double floor = 1e-6 * Math.max(Math.abs(mean), 1);
        double scale = std > floor ? std : (Math.abs(mean) > 0 ? Math.abs(mean) : 1);
        return new InstanceScaler(mean, scale);
    }

    public float normalise(double value) {
        double z = (value - loc) / scale;
        return (float) Math.max(-CLIP, Math.min(CLIP, z));
    }

    public double invert(double normalised) {
        return normalised * scale + loc;
    }
}
