package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Intervals;

/**
 * A fitted model whose h-step forecast distribution is summarised by a mean and a standard
 * deviation per step; intervals are Gaussian (analytic variance of the method).
 */
final class GaussianModel implements FittedModel {

    /** Mean and standard deviation of the forecast {@code step} periods ahead (1-based). */
    interface StepDistribution {
        double mean(int step);

        double sd(int step);
    }

    private final String method;
    private final StepDistribution distribution;

    GaussianModel(String method, StepDistribution distribution) {
        this.method = method;
        this.distribution = distribution;
    }

    @Override
    public Forecast forecast(int horizon, double[] levels) {
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int k = 1; k <= horizon; k++) {
            mean[k - 1] = distribution.mean(k);
            sd[k - 1] = distribution.sd(k);
        }
        return Forecast.of(method, mean, Intervals.gaussian(mean, sd, levels));
    }
}
