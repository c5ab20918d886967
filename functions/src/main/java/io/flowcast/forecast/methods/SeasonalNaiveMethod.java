package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;

/**
 * Seasonal random walk: the value one season earlier; sigma_h = sigma * sqrt(floor((h-1)/m)+1)
 * (FPP3 table 5.2).
 */
public final class SeasonalNaiveMethod implements ForecastMethod {
    public static final String NAME = "snaive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int minLength(int period) {
        return Math.max(period, 1) + 1;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        int m = Math.max(period, 1);
        if (y.length < minLength(m)) {
            throw new IllegalArgumentException("snaive needs more than one season of data");
        }
        int n = y.length;
        double sigma = Stats.rmsLagDifference(y, m);
        return new GaussianModel(NAME, new GaussianModel.StepDistribution() {
            @Override
            public double mean(int step) {
                return y[n - m + (step - 1) % m];
            }

            @Override
            public double sd(int step) {
                return sigma * Math.sqrt((step - 1) / m + 1);
            }
        });
    }
}
