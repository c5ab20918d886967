package io.flowcast.forecast;

/**
 * Seasonality test and classical multiplicative decomposition as in the M4 benchmarks
 * (Makridakis et al. 2018): a series of period m is seasonal when its lag-m autocorrelation
 * exceeds 1.645 * sqrt((1 + 2 sum_{k<m} r_k^2) / n) (90%, one-sided), it has at least 3m
 * observations and is strictly positive; seasonal indices are ratios to a centred moving average.
 */
public final class Seasonality {

    private static final double Z90 = 1.645;

    private Seasonality() {}

    /** Seasonal indices (or none), applicable to a series and to its forecasts. */
    public record Decomposition(double[] indices) {

        static final Decomposition NONE = new Decomposition(null);

        public boolean seasonal() {
            return indices != null;
        }

        public double[] adjust(double[] y) {
            if (!seasonal()) {
                return y;
            }
            double[] out = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                out[t] = y[t] / indices[t % indices.length];
            }
            return out;
        }

        Forecast reseasonalize(Forecast f, int n) {
            if (!seasonal()) {
                return f;
            }
            int h = f.horizon();
            double[] mean = new double[h];
            double[] lower = new double[h];
            double[] upper = new double[h];
            for (int i = 0; i < h; i++) {
                double s = indices[(n + i) % indices.length];
                mean[i] = f.mean()[i] * s;
                lower[i] = f.lower()[i] * s;
                upper[i] = f.upper()[i] * s;
            }
            return new Forecast(f.method(), mean, lower, upper, f.level(), f.note());
        }
    }

    public static boolean isSeasonal(double[] y, int m) {
        int n = y.length;
        if (m <= 1 || n < 3 * m) {
            return false;
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double denominator = 0;
        for (double v : y) {
            denominator += (v - mean) * (v - mean);
        }
        if (denominator == 0) {
            return false;
        }
        double sumSquares = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double num = 0;
            for (int t = k; t < n; t++) {
                num += (y[t] - mean) * (y[t - k] - mean);
            }
            double r = num / denominator;
            if (k < m) {
                sumSquares += r * r;
            } else {
                rm = r;
            }
        }
        return Math.abs(rm) > Z90 * Math.sqrt((1 + 2 * sumSquares) / n);
    }

    public static Decomposition multiplicative(double[] y, int m) {
        for (double v : y) {
            if (!(v > 0)) {
                return Decomposition.NONE;
            }
        }
        if (!isSeasonal(y, m)) {
            return Decomposition.NONE;
        }
        int n = y.length;
        double[] ratioSum = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 0) {
                trend = (y[t - half] + y[t + half]) / (2.0 * m);
                for (int k = t - half + 1; k < t + half; k++) {
                    trend += y[k] / m;
                }
            } else {
                trend = 0;
                for (int k = t - half; k <= t + half; k++) {
                    trend += y[k] / m;
                }
            }
            ratioSum[t % m] += y[t] / trend;
            count[t % m]++;
        }
        double[] indices = new double[m];
        double total = 0;
        for (int s = 0; s < m; s++) {
            indices[s] = count[s] == 0 ? 1 : ratioSum[s] / count[s];
            total += indices[s];
        }
        for (int s = 0; s < m; s++) {
            indices[s] *= m / total;
        }
        return new Decomposition(indices);
    }
}
