package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;

/** Historical mean; sigma_h = s * sqrt(1 + 1/n) (FPP3 table 5.2). */
public final class MeanMethod implements ForecastMethod {
    public static final String NAME = "mean";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        if (y.length == 0) {
            throw new IllegalArgumentException("empty series");
        }
        double mean = Stats.mean(y, 0, y.length);
        double sd = Stats.sampleSd(y);
        double sigma = sd * Math.sqrt(1 + 1.0 / y.length);
        return new GaussianModel(NAME, new GaussianModel.StepDistribution() {
            @Override
            public double mean(int step) {
                return mean;
            }

            @Override
            public double sd(int step) {
                return sigma;
            }
        });
    }
}
