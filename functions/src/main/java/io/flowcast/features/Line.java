package io.flowcast.features;

/**
 * An ordinary least-squares line y = intercept + slope * t through (t, y[t]), t = 0, 1, ...;
 * used for initial states, Theta's drift and trend strength.
 */
public record Line(double intercept, double slope) {

    /** The least-squares line through the first {@code count} points of {@code y}. */
    public static Line fit(double[] y, int count) {
        double tMean = (count - 1) / 2.0;
        double yMean = 0;
        for (int t = 0; t < count; t++) {
            yMean += y[t] / count;
        }
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < count; t++) {
            sxy += (t - tMean) * (y[t] - yMean);
            sxx += (t - tMean) * (t - tMean);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new Line(yMean - slope * tMean, slope);
    }

    public double at(double t) {
        return intercept + slope * t;
    }
}
