package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;

/**
 * Croston (1972), "Forecasting and stock control for intermittent demands", ORQ 23(3): SES of
 * the non-zero demand sizes z and of the intervals p between them, forecast z/p. The SBA variant
 * (Syntetos &amp; Boylan 2005, IJF 21(2)) multiplies by (1 - alpha/2) to remove Croston's
 * positive bias. Both use the customary fixed alpha = 0.1 (Syntetos &amp; Boylan recommend
 * 0.05-0.2). Initial size = first demand, initial interval = periods up to the first demand.
 */
public final class CrostonMethod implements ForecastMethod {
    public static final String CROSTON = "croston";
    public static final String SBA = "sba";
    public static final double DEFAULT_ALPHA = 0.1;

    private final String name;
    private final double alpha;
    private final boolean debiased;

    private CrostonMethod(String name, double alpha, boolean debiased) {
        this.name = name;
        this.alpha = alpha;
        this.debiased = debiased;
    }

    public static CrostonMethod croston() {
        return new CrostonMethod(CROSTON, DEFAULT_ALPHA, false);
    }

    public static CrostonMethod sba() {
        return new CrostonMethod(SBA, DEFAULT_ALPHA, true);
    }

    /** Croston with a caller-chosen alpha (tests reproduce textbook examples with it). */
    public static CrostonMethod croston(double alpha) {
        return new CrostonMethod(CROSTON, alpha, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        int n = y.length;
        double factor = debiased ? 1 - alpha / 2 : 1;
        double size = Double.NaN;
        double interval = Double.NaN;
        int sinceLast = 0;
        double[] path = new double[n];
        int firstDemand = -1;
        for (int t = 0; t < n; t++) {
            sinceLast++;
            if (y[t] != 0) {
                if (firstDemand < 0) {
                    firstDemand = t;
                    size = y[t];
                    interval = sinceLast;
                } else {
                    size += alpha * (y[t] - size);
                    interval += alpha * (sinceLast - interval);
                }
                sinceLast = 0;
            }
            path[t] = firstDemand < 0 ? 0 : factor * size / interval;
        }
        if (firstDemand < 0) {
            throw new IllegalArgumentException("no non-zero demand");
        }
        return new FlatPathModel(name, path[n - 1], y, path, firstDemand);
    }
}
