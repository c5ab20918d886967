package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;

/**
 * Flat forecast = mean of the last k observations, k = the seasonal period when seasonal (a full
 * cycle averages the season out) and {@link #NON_SEASONAL_WINDOW} otherwise. Intervals from
 * in-sample k-step errors of the same rolling mean.
 */
public final class MovingAverageMethod implements ForecastMethod {
    public static final String NAME = "ma";
    /** Window for non-seasonal data: a month of weeks / a quarter of months, a common default. */
    static final int NON_SEASONAL_WINDOW = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        int n = y.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty series");
        }
        int window = Math.min(n, period > 1 ? period : NON_SEASONAL_WINDOW);
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + y[i];
        }
        double[] path = new double[n];
        for (int t = 0; t < n; t++) {
            path[t] = t + 1 >= window ? (prefix[t + 1] - prefix[t + 1 - window]) / window : Double.NaN;
        }
        return new FlatPathModel(NAME, path[n - 1], y, path, window - 1);
    }
}
