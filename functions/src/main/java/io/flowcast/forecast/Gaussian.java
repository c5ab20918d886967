package io.flowcast.forecast;

import org.hipparchus.distribution.continuous.NormalDistribution;

/** Normal quantiles for prediction intervals. */
final class Gaussian {

    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    private Gaussian() {}

    /** z such that [-z, z] covers {@code level} of a standard normal. */
    static double z(double level) {
        return STANDARD.inverseCumulativeProbability(0.5 + level / 2);
    }

    /** mean +- z * sd(h), sd(h) = sigma * sqrt(varianceFactor[h]). */
    static Forecast interval(String method, double[] mean, double sigma, double[] varianceFactor, double level, boolean nonNegative) {
        double z = z(level);
        int h = mean.length;
        double[] lower = new double[h];
        double[] upper = new double[h];
        for (int i = 0; i < h; i++) {
            double half = z * sigma * Math.sqrt(varianceFactor[i]);
            lower[i] = nonNegative ? Math.max(0, mean[i] - half) : mean[i] - half;
            upper[i] = mean[i] + half;
        }
        return new Forecast(method, mean, lower, upper, level, null);
    }
}
