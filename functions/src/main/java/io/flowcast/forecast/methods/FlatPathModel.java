package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Intervals;
import java.util.Arrays;

/**
 * A fitted model whose forecast is flat (moving average, Croston family, ADIDA). No analytic
 * variance exists for these, so intervals come from empirical quantiles of in-sample k-step
 * errors: the forecast made at each past origin t (the in-sample path) against y[t+k].
 */
final class FlatPathModel implements FittedModel {

    /** Fewer in-sample errors than this at a step and the step borrows a shorter step's. */
    private static final int MIN_ERRORS_PER_STEP = 8;

    private final String method;
    private final double level;
    private final double[] y;
    private final double[] path;
    private final int firstOrigin;

    /**
     * @param level the flat forecast from the end of the series
     * @param path path[t] = the flat forecast made after observing y[0..t] (NaN = none yet)
     * @param firstOrigin first origin whose path value is trusted (after warm-up)
     */
    FlatPathModel(String method, double level, double[] y, double[] path, int firstOrigin) {
        this.method = method;
        this.level = level;
        this.y = y;
        this.path = path;
        this.firstOrigin = firstOrigin;
    }

    @Override
    public Forecast forecast(int horizon, double[] levels) {
        double[] mean = new double[horizon];
        Arrays.fill(mean, level);
        return Forecast.of(method, mean, Intervals.empirical(mean, errorsPerStep(horizon), levels));
    }

    private double[][] errorsPerStep(int horizon) {
        double[][] errors = new double[horizon][];
        int lastGood = -1;
        for (int k = 1; k <= horizon; k++) {
            double[] e = stepErrors(k);
            if (e.length >= MIN_ERRORS_PER_STEP || lastGood < 0) {
                errors[k - 1] = e;
                if (e.length >= MIN_ERRORS_PER_STEP) {
                    lastGood = k;
                }
            } else {
                // Too few origins this far ahead: scale the last well-estimated step's errors by
                // sqrt(k / k0), the random-walk growth rate, rather than trusting a handful.
                double scale = Math.sqrt((double) k / lastGood);
                double[] base = errors[lastGood - 1];
                double[] scaled = new double[base.length];
                for (int i = 0; i < base.length; i++) {
                    scaled[i] = base[i] * scale;
                }
                errors[k - 1] = scaled;
            }
        }
        return errors;
    }

    private double[] stepErrors(int k) {
        int start = Math.max(firstOrigin, 0);
        int count = Math.max(0, y.length - k - start);
        double[] e = new double[count];
        int used = 0;
        for (int t = start; t + k < y.length; t++) {
            if (Double.isFinite(path[t])) {
                e[used++] = y[t + k] - path[t];
            }
        }
        return Arrays.copyOf(e, used);
    }
}
