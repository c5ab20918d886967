package io.flowcast.forecast.methods;

/**
 * Seasonality test and classical multiplicative decomposition, as used by the M4 Theta and
 * Naive2 benchmarks (Makridakis, Spiliotis &amp; Assimakopoulos 2020, "The M4 Competition",
 * IJF 36(1); benchmark code SeasonalityTest): the series is called seasonal when the lag-m
 * autocorrelation exceeds its 90% two-sided bound under the Bartlett variance
 * (1 + 2 sum_{k<m} r_k^2) / n.
 */
public final class Seasonality {

    /** One-sided 95% normal quantile = two-sided 90% test, as in the M4 benchmarks. */
    static final double TEST_CRITICAL_VALUE = 1.645;
    /** Full cycles required before the test is run (forecast::thetaf uses n >= 2m). */
    public static final int MIN_CYCLES_FOR_TEST = 2;

    private Seasonality() {}

    /** True when period > 1, there are enough cycles and the lag-m autocorrelation is significant. */
    public static boolean isSeasonal(double[] y, int period, int minCycles) {
        int n = y.length;
        if (period <= 1 || n < minCycles * period || Stats.isConstant(y)) {
            return false;
        }
        double[] acf = autocorrelations(y, period);
        double sumSquares = 0;
        for (int k = 1; k < period; k++) {
            sumSquares += acf[k] * acf[k];
        }
        double limit = TEST_CRITICAL_VALUE * Math.sqrt((1 + 2 * sumSquares) / n);
        return Math.abs(acf[period]) > limit;
    }

    /** Sample autocorrelations r_0..r_maxLag (biased estimator, like R's acf). */
    static double[] autocorrelations(double[] y, int maxLag) {
        int n = y.length;
        double mean = Stats.mean(y, 0, n);
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        double[] r = new double[maxLag + 1];
        r[0] = 1;
        for (int k = 1; k <= maxLag && k < n; k++) {
            double c = 0;
            for (int t = k; t < n; t++) {
                c += (y[t] - mean) * (y[t - k] - mean);
            }
            r[k] = c0 == 0 ? 0 : c / c0;
        }
        return r;
    }

    /**
     * Multiplicative seasonal indices of classical decomposition: centred moving average of
     * order m (2 x m when m is even), ratios y / trend, averaged per position in the cycle and
     * normalised to mean 1. index[j] belongs to observations t with t mod m == j.
     * Requires n >= 2m and positive values; returns all ones otherwise.
     */
    public static double[] multiplicativeIndices(double[] y, int period) {
        return indices(y, y.length, period, true);
    }

    /** Additive indices (deviations from the moving average, normalised to mean 0). */
    public static double[] additiveIndices(double[] y, int length, int period) {
        return indices(y, length, period, false);
    }

    static double[] indices(double[] y, int length, int period, boolean multiplicative) {
        double[] index = new double[period];
        java.util.Arrays.fill(index, multiplicative ? 1 : 0);
        int n = Math.min(length, y.length);
        if (period <= 1 || n < 2 * period) {
            return index;
        }
        double[] trend = centredMovingAverage(y, n, period);
        double[] sum = new double[period];
        int[] count = new int[period];
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(trend[t])) {
                continue;
            }
            if (multiplicative && trend[t] <= 0) {
                return index;
            }
            sum[t % period] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
            count[t % period]++;
        }
        double total = 0;
        for (int j = 0; j < period; j++) {
            index[j] = count[j] == 0 ? (multiplicative ? 1 : 0) : sum[j] / count[j];
            total += index[j];
        }
        double centre = total / period;
        for (int j = 0; j < period; j++) {
            index[j] = multiplicative ? index[j] / centre : index[j] - centre;
        }
        if (multiplicative) {
            for (double v : index) {
                if (!(v > 0) || !Double.isFinite(v)) {
                    java.util.Arrays.fill(index, 1);
                    break;
                }
            }
        }
        return index;
    }

    /** Centred moving average of order m (2 x m for even m) over y[0..n); NaN where undefined. */
    public static double[] centredMovingAverage(double[] y, int n, int period) {
        double[] trend = new double[n];
        java.util.Arrays.fill(trend, Double.NaN);
        int half = period / 2;
        for (int t = half; t < n - half; t++) {
            double s = 0;
            if (period % 2 == 0) {
                s += 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int k = t - half + 1; k < t + half; k++) {
                    s += y[k];
                }
            } else {
                for (int k = t - half; k <= t + half; k++) {
                    s += y[k];
                }
            }
            trend[t] = s / period;
        }
        return trend;
    }

    /**
     * Seasonally adjusts y in place of a copy when the test says seasonal and all values are
     * positive; returns the indices used (all ones when not adjusted).
     */
    public static Adjustment adjust(double[] y, int period, int minCycles) {
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        if (!positive || !isSeasonal(y, period, minCycles)) {
            return new Adjustment(y.clone(), null, period);
        }
        double[] index = multiplicativeIndices(y, period);
        double[] adjusted = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            adjusted[t] = y[t] / index[t % period];
        }
        return new Adjustment(adjusted, index, period);
    }

    /** A seasonally adjusted series and the multiplicative indices (null = not seasonal). */
    public record Adjustment(double[] adjusted, double[] indices, int period) {
        public boolean seasonal() {
            return indices != null;
        }

        /** Index for absolute time t (0-based; t >= n are future periods). */
        public double indexAt(int t) {
            return indices == null ? 1 : indices[t % period];
        }
    }
}
