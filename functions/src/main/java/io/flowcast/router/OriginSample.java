package io.flowcast.router;

/**
 * One series at one forecast origin, as the router learns from it: the shape features of the
 * history up to the origin, every pool method's point forecasts from there, the actuals that
 * followed, and the MASE scale of the history. Plain data, no model objects.
 *
 * @param seriesId the series
 * @param origin 1 = latest origin (or the test set), K = earliest
 * @param shape {@link RouterFeatures#shape} of the history up to the origin
 * @param forecasts point forecasts, [method][step], pool order
 * @param naive2 the M4 Naive2 forecast from the same origin (OWA's reference)
 * @param actual the values after the origin
 * @param scale in-sample MASE denominator of the history (NaN for a constant history)
 * @param squaredScale in-sample RMSSE denominator of the history (NaN for a constant history)
 */
public record OriginSample(String seriesId, int origin, double[] shape, double[][] forecasts, double[] naive2,
        double[] actual, double scale, double squaredScale) {

    /**
     * The error the router is trained to minimise. MASE (M4, FFORMA's OWA half) rewards the median
     * path, which for intermittent demand is zero; RMSSE (M5) rewards the mean, the quantity
     * Croston-type methods estimate and the one stock levels are planned from.
     */
    public enum LabelError { MASE, RMSSE }

    /** Root mean squared error over the actuals, divided by the squared scale (RMSSE). */
    public double rmsse(double[] forecast) {
        double sum = 0;
        for (int k = 0; k < actual.length; k++) {
            double e = actual[k] - forecast[k];
            sum += e * e;
        }
        return Math.sqrt(sum / actual.length) / squaredScale;
    }

    public double error(LabelError measure, double[] forecast) {
        return measure == LabelError.MASE ? mase(forecast) : rmsse(forecast);
    }

    /** Mean absolute error of a forecast over the actuals, divided by the scale (MASE). */
    public double mase(double[] forecast) {
        double sum = 0;
        for (int k = 0; k < actual.length; k++) {
            sum += Math.abs(actual[k] - forecast[k]);
        }
        return sum / actual.length / scale;
    }

    /** The error of each pool method. */
    public double[] methodErrors(LabelError measure) {
        double[] out = new double[forecasts.length];
        for (int j = 0; j < forecasts.length; j++) {
            out[j] = error(measure, forecasts[j]);
        }
        return out;
    }

    /**
     * Errors relative to the row's mean error over the pool (scale-free across series, as FFORMA
     * makes its OWA errors relative to Naive2); a non-finite error counts as the row's worst,
     * and a row whose methods are all perfect (or all undefined) gets equal errors.
     */
    public float[] relativeErrors(LabelError measure) {
        double[] mase = methodErrors(measure);
        double worst = 0;
        double sum = 0;
        int finite = 0;
        for (double e : mase) {
            if (Double.isFinite(e)) {
                worst = Math.max(worst, e);
                sum += e;
                finite++;
            }
        }
        float[] out = new float[mase.length];
        double mean = finite == 0 ? 0 : sum / finite;
        for (int j = 0; j < mase.length; j++) {
            double e = Double.isFinite(mase[j]) ? mase[j] : worst;
            out[j] = mean > 0 ? (float) (e / mean) : 1f;
        }
        return out;
    }

    /** Weighted combination of the pool's forecasts. */
    public double[] combine(double[] weights) {
        double[] out = new double[actual.length];
        for (int j = 0; j < forecasts.length; j++) {
            for (int k = 0; k < out.length; k++) {
                out[k] += weights[j] * forecasts[j][k];
            }
        }
        return out;
    }
}
