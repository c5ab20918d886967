package io.flowcast.forecast;

/**
 * Benchmark methods (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, ch. 5):
 * naive, seasonal naive, mean and moving average, with the standard interval formulas.
 */
public final class SimpleMethods {

    private SimpleMethods() {}

    /** Last value; sd grows with sqrt(h) (random walk). */
    public static final class Naive implements ForecastMethod {
        private static final long serialVersionUID = 1L;

        @Override
        public String name() {
            return "naive";
        }

        @Override
        public Forecast forecast(double[] y, int period, int horizon, double level) {
            int n = y.length;
            double ss = 0;
            for (int t = 1; t < n; t++) {
                ss += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
            }
            double sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            double[] mean = new double[horizon];
            double[] factor = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                mean[h] = y[n - 1];
                factor[h] = h + 1;
            }
            return Gaussian.interval(name(), mean, sigma, factor, level, false);
        }
    }

    /** Value of the same season last cycle; sd grows with the number of cycles ahead. */
    public static final class SeasonalNaive implements ForecastMethod {
        private static final long serialVersionUID = 1L;

        @Override
        public String name() {
            return "snaive";
        }

        @Override
        public int minLength(int period) {
            return Math.max(2, period + 1);
        }

        @Override
        public Forecast forecast(double[] y, int period, int horizon, double level) {
            int n = y.length;
            int m = Math.max(1, period);
            double ss = 0;
            for (int t = m; t < n; t++) {
                ss += (y[t] - y[t - m]) * (y[t] - y[t - m]);
            }
            double sigma = n > m ? Math.sqrt(ss / (n - m)) : 0;
            double[] mean = new double[horizon];
            double[] factor = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                mean[h] = y[n - m + (h % m)];
                factor[h] = h / m + 1;
            }
            return Gaussian.interval(name(), mean, sigma, factor, level, false);
        }
    }

    /** Mean of the history; var factor 1 + 1/n. */
    public static final class Mean implements ForecastMethod {
        private static final long serialVersionUID = 1L;

        @Override
        public String name() {
            return "mean";
        }

        @Override
        public int minLength(int period) {
            return 1;
        }

        @Override
        public Forecast forecast(double[] y, int period, int horizon, double level) {
            return window(name(), y, y.length, horizon, level);
        }
    }

    /** Mean of the last {@code window} observations. */
    public static final class MovingAverage implements ForecastMethod {
        private static final long serialVersionUID = 1L;
        private final int window;

        public MovingAverage(int window) {
            this.window = window;
        }

        @Override
        public String name() {
            return "ma";
        }

        @Override
        public int minLength(int period) {
            return 1;
        }

        @Override
        public Forecast forecast(double[] y, int period, int horizon, double level) {
            return window(name(), y, Math.min(window, y.length), horizon, level);
        }
    }

    static Forecast window(String name, double[] y, int k, int horizon, double level) {
        int n = y.length;
        double sum = 0;
        for (int t = n - k; t < n; t++) {
            sum += y[t];
        }
        double mean = sum / k;
        double ss = 0;
        for (int t = n - k; t < n; t++) {
            ss += (y[t] - mean) * (y[t] - mean);
        }
        double sigma = k > 1 ? Math.sqrt(ss / (k - 1)) : 0;
        double[] means = new double[horizon];
        double[] factor = new double[horizon];
        java.util.Arrays.fill(means, mean);
        java.util.Arrays.fill(factor, 1 + 1.0 / k);
        return Gaussian.interval(name, means, sigma, factor, level, false);
    }
}
