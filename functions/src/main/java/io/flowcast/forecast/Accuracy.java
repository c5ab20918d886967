package io.flowcast.forecast;

/**
 * Forecast accuracy measures as defined for the M4 competition (Makridakis et al. 2020) and by
 * Hyndman & Koehler (2006). NaN when a measure is undefined (e.g. a scale of zero).
 */
public final class Accuracy {

    private Accuracy() {}

    /** Mean absolute scaled error: MAE over the in-sample MAE of the lag-m naive forecast. */
    public static double mase(double[] insample, double[] actual, double[] forecast, int m) {
        double scale = naiveScale(insample, m, false);
        return scale == 0 ? Double.NaN : mae(actual, forecast) / scale;
    }

    /** Root mean squared scaled error (M5): RMSE over the in-sample RMSE of the lag-m naive forecast. */
    public static double rmsse(double[] insample, double[] actual, double[] forecast, int m) {
        double scale = naiveScale(insample, m, true);
        if (scale == 0) {
            return Double.NaN;
        }
        double ss = 0;
        for (int i = 0; i < actual.length; i++) {
            ss += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }
        return Math.sqrt(ss / actual.length) / scale;
    }

    /** Symmetric MAPE, M4 definition, in percent: 200 |y - f| / (|y| + |f|), 0 when both are 0. */
    public static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / denominator;
        }
        return sum / actual.length;
    }

    public static double mae(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length;
    }

    /** Mean error, forecast minus actual (positive = over-forecast). */
    public static double bias(double[] actual, double[] forecast) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += forecast[i] - actual[i];
        }
        return sum / actual.length;
    }

    /** Share of actuals inside [lower, upper]. */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        int inside = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
                inside++;
            }
        }
        return (double) inside / actual.length;
    }

    /** Pinball (quantile) loss of a forecast of quantile {@code q}. */
    public static double pinball(double[] actual, double[] quantile, double q) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - quantile[i];
            sum += d >= 0 ? q * d : (q - 1) * d;
        }
        return sum / actual.length;
    }

    /** Overall weighted average (M4): mean of sMAPE and MASE, each relative to Naive2's. */
    public static double owa(double smape, double mase, double naive2Smape, double naive2Mase) {
        return (smape / naive2Smape + mase / naive2Mase) / 2;
    }

    private static double naiveScale(double[] insample, int m, boolean squared) {
        int lag = Math.max(1, m);
        if (insample.length <= lag) {
            return 0;
        }
        double sum = 0;
        for (int t = lag; t < insample.length; t++) {
            double d = insample[t] - insample[t - lag];
            sum += squared ? d * d : Math.abs(d);
        }
        double mean = sum / (insample.length - lag);
        return squared ? Math.sqrt(mean) : mean;
    }
}
