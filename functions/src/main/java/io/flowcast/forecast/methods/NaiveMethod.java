package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;

/**
 * Random walk: the last value, with variance growing linearly in the horizon (Hyndman &amp;
 * Athanasopoulos, FPP3 table 5.2: sigma_h = sigma * sqrt(h)).
 */
public final class NaiveMethod implements ForecastMethod {
    public static final String NAME = "naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        if (y.length == 0) {
            throw new IllegalArgumentException("empty series");
        }
        double last = y[y.length - 1];
        double sigma = Stats.rmsLagDifference(y, 1);
        return new GaussianModel(NAME, new GaussianModel.StepDistribution() {
            @Override
            public double mean(int step) {
                return last;
            }

            @Override
            public double sd(int step) {
                return sigma * Math.sqrt(step);
            }
        });
    }
}
