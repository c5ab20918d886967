package io.flowcast.forecast.methods;

/** Small numeric helpers shared by the methods (no allocation in the hot loops). */
public final class Stats {
    private Stats() {}

    public static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return to > from ? s / (to - from) : Double.NaN;
    }

    /** Sample standard deviation (n-1 denominator); 0 for fewer than two values. */
    public static double sampleSd(double[] y) {
        if (y.length < 2) {
            return 0;
        }
        double mean = mean(y, 0, y.length);
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (y.length - 1));
    }

    /** Root mean square of y[t] - y[t-lag]; 0 when there are no such pairs. */
    public static double rmsLagDifference(double[] y, int lag) {
        double ss = 0;
        int count = 0;
        for (int t = lag; t < y.length; t++) {
            double d = y[t] - y[t - lag];
            ss += d * d;
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(ss / count);
    }

    /** True when every value equals the first (within a relative tolerance). */
    public static boolean isConstant(double[] y) {
        if (y.length == 0) {
            return true;
        }
        double tolerance = 1e-12 * Math.max(1, Math.abs(y[0]));
        for (double v : y) {
            if (Math.abs(v - y[0]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** OLS intercept and slope of y on t = 1..n (returned as {intercept, slope}). */
    public static double[] linearTrend(double[] y, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return new double[] {n == 1 ? y[from] : 0, 0};
        }
        double tMean = (n + 1) / 2.0;
        double yMean = mean(y, from, to);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dt = (i + 1) - tMean;
            sxy += dt * (y[from + i] - yMean);
            sxx += dt * dt;
        }
        double slope = sxy / sxx;
        return new double[] {yMean - slope * tMean, slope};
    }
}
