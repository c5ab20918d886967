package io.flowcast.forecast.metrics;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.PredictionInterval;
import io.flowcast.forecast.methods.Seasonality;

/** Point and interval accuracy measures, with the definitions of the M4 and M5 competitions. */
public final class Metrics {

    public static final double PERCENT = 100.0;
    public static final double LEVEL_80 = 80;
    public static final double LEVEL_95 = 95;
    /** M4 benchmark code applies the seasonality test only with at least 3 cycles. */
    public static final int NAIVE2_MIN_CYCLES = 3;

    private Metrics() {}

    /**
     * Mean absolute in-sample difference at lag m, the MASE denominator (Hyndman &amp; Koehler
     * 2006, "Another look at measures of forecast accuracy", IJF 22(4)). NaN if undefined or 0.
     */
    public static double maseScale(double[] insample, int m) {
        double sum = 0;
        int count = 0;
        for (int t = m; t < insample.length; t++) {
            sum += Math.abs(insample[t] - insample[t - m]);
            count++;
        }
        return count == 0 || sum == 0 ? Double.NaN : sum / count;
    }

    /** Root mean squared in-sample difference at lag m (RMSSE denominator, M5 guide). */
    public static double rmsseScale(double[] insample, int m) {
        double sum = 0;
        int count = 0;
        for (int t = m; t < insample.length; t++) {
            double d = insample[t] - insample[t - m];
            sum += d * d;
            count++;
        }
        return count == 0 || sum == 0 ? Double.NaN : Math.sqrt(sum / count);
    }

    public static double mae(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length;
    }

    public static double mase(double[] insample, double[] actual, double[] forecast, int m) {
        return mae(actual, forecast) / maseScale(insample, m);
    }

    public static double rmsse(double[] insample, double[] actual, double[] forecast, int m) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - forecast[i];
            sum += e * e;
        }
        return Math.sqrt(sum / actual.length) / rmsseScale(insample, m);
    }

    /** M4 sMAPE: mean of 200 |y - f| / (|y| + |f|); a step with y = f = 0 counts as 0. */
    public static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 2 * PERCENT * Math.abs(actual[i] - forecast[i]) / denominator;
        }
        return sum / actual.length;
    }

    /**
     * Mean absolute percentage error, as a fraction (0.2 = 20%), over the steps whose actual is not
     * zero (a percentage of zero is undefined; intermittent series have many such weeks). NaN if
     * every actual is zero.
     */
    public static double mape(double[] actual, double[] forecast) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != 0) {
                sum += Math.abs((actual[i] - forecast[i]) / actual[i]);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Coefficient of determination of forecasts against actuals, 1 - SSE / SST around the actuals'
     * mean: 1 is perfect, 0 is no better than the mean, negative is worse. NaN when the actuals do
     * not vary (SST = 0).
     */
    public static double rSquared(double[] actual, double[] forecast) {
        double mean = 0;
        for (double a : actual) {
            mean += a / actual.length;
        }
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < actual.length; i++) {
            sse += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
            sst += (actual[i] - mean) * (actual[i] - mean);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    /** Mean of forecast - actual. */
    public static double bias(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += forecast[i] - actual[i];
        }
        return sum / actual.length;
    }

    public static double coverage(double[] actual, double[] lower, double[] upper) {
        int inside = 0;
        for (int i = 0; i < actual.length; i++) {
            inside += actual[i] >= lower[i] && actual[i] <= upper[i] ? 1 : 0;
        }
        return (double) inside / actual.length;
    }

    /** Mean pinball (quantile) loss of one quantile forecast at probability tau. */
    public static double pinball(double[] actual, double[] quantile, double tau) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - quantile[i];
            sum += e >= 0 ? tau * e : (tau - 1) * e;
        }
        return sum / actual.length;
    }

    /** All measures of one forecast against the actuals, scaled with the in-sample lag m. */
    public static Accuracy score(double[] insample, double[] actual, Forecast forecast, int m) {
        double[] f = forecast.mean();
        double scale = maseScale(insample, m);
        double coverage80 = Double.NaN;
        double coverage95 = Double.NaN;
        double pinball80 = Double.NaN;
        PredictionInterval i80 = forecast.interval(LEVEL_80).orElse(null);
        if (i80 != null) {
            coverage80 = coverage(actual, i80.lower(), i80.upper());
            double tail = (1 - LEVEL_80 / PERCENT) / 2;
            pinball80 = (pinball(actual, i80.lower(), tail) + pinball(actual, i80.upper(), 1 - tail)) / 2 / scale;
        }
        PredictionInterval i95 = forecast.interval(LEVEL_95).orElse(null);
        if (i95 != null) {
            coverage95 = coverage(actual, i95.lower(), i95.upper());
        }
        return new Accuracy(mae(actual, f) / scale, smape(actual, f), rmsse(insample, actual, f, m),
                mae(actual, f), bias(actual, f), coverage80, coverage95, pinball80);
    }

    /**
     * Naive2 of the M4 competition: the naive forecast of the seasonally adjusted series
     * (classical multiplicative decomposition when the 90% test at lag m passes with at least
     * three cycles), re-seasonalised. With m = 1 it is the plain naive forecast.
     */
    public static double[] naive2(double[] insample, int m, int horizon) {
        Seasonality.Adjustment adjustment = Seasonality.adjust(insample, m, NAIVE2_MIN_CYCLES);
        double[] adjusted = adjustment.adjusted();
        int n = adjusted.length;
        double[] f = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            f[k] = adjusted[n - 1] * adjustment.indexAt(n + k);
        }
        return f;
    }

    /**
     * Overall weighted average (M4): the mean of sMAPE and MASE, each relative to Naive2's on the
     * same series set.
     */
    public static double owa(double smape, double mase, double naive2Smape, double naive2Mase) {
        return 0.5 * (smape / naive2Smape + mase / naive2Mase);
    }
}
