package io.flowcast.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** Builds prediction intervals: Gaussian from a per-step standard deviation, or empirical. */
public final class Intervals {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    private static final double PERCENT = 100.0;

    private Intervals() {}

    /** Two-sided standard normal quantile for a central interval of {@code level} percent. */
    public static double zScore(double level) {
        double tail = (1 - level / PERCENT) / 2;
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - tail);
    }

    /** mean +- z * sd for each level; a non-finite sd gives a zero-width interval. */
    public static List<PredictionInterval> gaussian(double[] mean, double[] sd, double[] levels) {
        List<PredictionInterval> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            double z = zScore(level);
            double[] lo = new double[mean.length];
            double[] hi = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                double s = Double.isFinite(sd[i]) ? Math.max(sd[i], 0) : 0;
                lo[i] = mean[i] - z * s;
                hi[i] = mean[i] + z * s;
            }
            out.add(new PredictionInterval(level, lo, hi));
        }
        return out;
    }

    /**
     * Empirical intervals: mean plus the (1-level)/2 and (1+level)/2 quantiles of the errors
     * observed at each step (rows = steps). Used where no analytic variance exists (Croston
     * family, ADIDA, combinations), following the residual-quantile approach of Hyndman &amp;
     * Athanasopoulos, FPP3 section 5.5 ("bootstrap" intervals from residuals).
     */
    public static List<PredictionInterval> empirical(
            double[] mean, double[][] errorsPerStep, double[] levels) {
        List<PredictionInterval> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            double tail = (1 - level / PERCENT) / 2;
            double[] lo = new double[mean.length];
            double[] hi = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                double[] e = errorsPerStep[i].clone();
                Arrays.sort(e);
                // A biased method (SBA, a lagging moving average) can have one-signed errors; the
                // interval still has to contain its own point forecast.
                lo[i] = Math.min(mean[i], mean[i] + quantile(e, tail));
                hi[i] = Math.max(mean[i], mean[i] + quantile(e, 1 - tail));
            }
            out.add(new PredictionInterval(level, lo, hi));
        }
        return out;
    }

    /** Linear-interpolation quantile (R type 7) of sorted values; 0 for an empty array. */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        double pos = p * (sorted.length - 1);
        int below = (int) Math.floor(pos);
        int above = Math.min(below + 1, sorted.length - 1);
        double frac = pos - below;
        return sorted[below] + frac * (sorted[above] - sorted[below]);
    }
}
