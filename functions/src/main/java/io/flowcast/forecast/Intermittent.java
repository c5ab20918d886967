package io.flowcast.forecast;

/**
 * Intermittent-demand methods, flat forecasts of demand per period:
 * <ul>
 *   <li>Croston (1972): smooth non-zero demand sizes z and inter-demand intervals p with the same
 *       alpha, updating only when demand occurs; forecast z / p.</li>
 *   <li>SBA, Syntetos & Boylan (2005): Croston times (1 - alpha/2), which removes Croston's bias.</li>
 *   <li>TSB, Teunter, Syntetos & Babai (2011): smooth the demand probability every period (beta)
 *       and the size on demand (alpha); forecast probability x size, which decays when demand stops.</li>
 * </ul>
 * Smoothing constants are the customary 0.1 (Syntetos & Boylan 2005 used 0.05-0.20). Intervals
 * come from the in-sample one-step errors (normal approximation), clipped at zero.
 */
public final class Intermittent implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    public enum Variant { CROSTON, SBA, TSB }

    static final double ALPHA = 0.1;
    static final double BETA = 0.1;

    private final Variant variant;

    public Intermittent(Variant variant) {
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int minLength(int period) {
        return 1;
    }

    @Override
    public Forecast forecast(double[] y, int period, int horizon, double level) {
        int first = -1;
        for (int t = 0; t < y.length; t++) {
            if (y[t] != 0) {
                first = t;
                break;
            }
        }
        if (first < 0) {
            return Forecast.flat(name(), 0, 0, horizon, level, "no demand in history");
        }
        double size = y[first];
        double interval = first + 1;
        double probability = 1.0 / (first + 1);
        int sinceLast = 1;
        double forecast = estimate(size, interval, probability);
        double ss = 0;
        int errors = 0;
        for (int t = first + 1; t < y.length; t++) {
            ss += (y[t] - forecast) * (y[t] - forecast);
            errors++;
            boolean demand = y[t] != 0;
            if (variant == Variant.TSB) {
                probability += BETA * ((demand ? 1 : 0) - probability);
                if (demand) {
                    size += ALPHA * (y[t] - size);
                }
            } else if (demand) {
                size += ALPHA * (y[t] - size);
                interval += ALPHA * (sinceLast - interval);
            }
            sinceLast = demand ? 1 : sinceLast + 1;
            forecast = estimate(size, interval, probability);
        }
        double sigma = errors > 0 ? Math.sqrt(ss / errors) : 0;
        double[] mean = new double[horizon];
        double[] factor = new double[horizon];
        java.util.Arrays.fill(mean, forecast);
        java.util.Arrays.fill(factor, 1);
        return Gaussian.interval(name(), mean, sigma, factor, level, true);
    }

    private double estimate(double size, double interval, double probability) {
        return switch (variant) {
            case CROSTON -> size / interval;
            case SBA -> (1 - ALPHA / 2) * size / interval;
            case TSB -> probability * size;
        };
    }
}
