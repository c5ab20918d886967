package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;

/**
 * Teunter, Syntetos &amp; Babai (2011), "Intermittent demand: linking forecasting to inventory
 * obsolescence", EJOR 214(3): the demand probability is smoothed every period (beta), the size
 * only when demand occurs (alpha); forecast = probability * size. Unlike Croston it decays
 * towards zero during long runs of zeros, which suits obsolescent items.
 */
public final class TsbMethod implements ForecastMethod {
    public static final String NAME = "tsb";
    public static final double DEFAULT_ALPHA = 0.1;
    public static final double DEFAULT_BETA = 0.1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        int n = y.length;
        int demands = 0;
        double sizeSum = 0;
        for (double v : y) {
            if (v != 0) {
                demands++;
                sizeSum += v;
            }
        }
        if (demands == 0) {
            throw new IllegalArgumentException("no non-zero demand");
        }
        // Initial states: mean non-zero size and the overall demand frequency (paper section 3).
        double size = sizeSum / demands;
        double probability = (double) demands / n;
        double[] path = new double[n];
        for (int t = 0; t < n; t++) {
            if (y[t] != 0) {
                probability += DEFAULT_BETA * (1 - probability);
                size += DEFAULT_ALPHA * (y[t] - size);
            } else {
                probability += DEFAULT_BETA * (0 - probability);
            }
            path[t] = probability * size;
        }
        return new FlatPathModel(NAME, path[n - 1], y, path, 0);
    }
}
