package io.flowcast.forecast;

import io.flowcast.forecast.methods.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point: forecasts one series with a named method and never throws for data reasons.
 *
 * <p>Order of checks (the fallback chain reported in {@link Forecast#fallbackReason()}):
 * <ol>
 *   <li>NaN / infinite values: leading ones dropped, interior gaps linearly interpolated,
 *       trailing ones carried forward from the last observation;
 *   <li>no observation at all -> zeros; a constant series -> that constant with zero-width
 *       intervals (every method's limit, and what ETS/Theta would give without the numerical
 *       noise of fitting a zero-variance series);
 *   <li>the requested method; if the series is shorter than it needs, it throws, or it returns
 *       non-finite numbers, the registry's fallback for it is tried, and so on down to naive
 *       and mean.
 * </ol>
 * When every observation is >= 0 (demand), point forecasts and interval bounds are clamped at 0.
 */
public final class Forecaster {

    public static final double[] DEFAULT_LEVELS = {80, 95};
    /** Method label for the last-resort forecasts that need no model. */
    public static final String CONSTANT = "constant";

    private final MethodRegistry registry;

    public Forecaster(MethodRegistry registry) {
        this.registry = registry;
    }

    public MethodRegistry registry() {
        return registry;
    }

    public Forecast forecast(String method, double[] raw, int period, int horizon, double[] levels) {
        registry.get(method); // unknown names are a caller error, not a data problem
        Cleaned cleaned = clean(raw);
        double[] y = cleaned.values();
        List<String> reasons = new ArrayList<>();
        if (!cleaned.note().isEmpty()) {
            reasons.add(cleaned.note());
        }
        Forecast result;
        if (y.length == 0) {
            reasons.add("no observations: forecast 0");
            result = flat(0, horizon, levels);
        } else if (Stats.isConstant(y)) {
            reasons.add("constant series: forecast the constant");
            result = flat(y[0], horizon, levels);
        } else {
            result = withFallbacks(method, y, period, horizon, levels, reasons);
        }
        if (nonNegative(y)) {
            result = clampAtZero(result);
        }
        String reason = String.join("; ", reasons);
        return reason.isEmpty() && result.method().equals(method) ? result : result.asFallback(method, reason);
    }

    private Forecast withFallbacks(String method, double[] y, int period, int horizon, double[] levels,
            List<String> reasons) {
        String current = method;
        while (current != null) {
            ForecastMethod candidate = registry.get(current);
            String problem;
            if (y.length < candidate.minLength(period)) {
                problem = current + " needs " + candidate.minLength(period) + " observations, series has " + y.length;
            } else {
                try {
                    Forecast f = candidate.fit(y, period).forecast(horizon, levels);
                    if (finite(f)) {
                        return f;
                    }
                    problem = current + " produced non-finite values";
                } catch (IllegalArgumentException | ArithmeticException unfit) {
                    problem = current + ": " + unfit.getMessage();
                }
            }
            String next = registry.fallbackOf(current).orElse(null);
            reasons.add(problem + (next == null ? "" : " -> " + next));
            current = next;
        }
        reasons.add("last value carried forward");
        return flat(y[y.length - 1], horizon, levels);
    }

    private static Forecast flat(double value, int horizon, double[] levels) {
        double[] mean = new double[horizon];
        Arrays.fill(mean, value);
        return Forecast.of(CONSTANT, mean, Intervals.gaussian(mean, new double[horizon], levels));
    }

    private static boolean finite(Forecast f) {
        for (double v : f.mean()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (PredictionInterval pi : f.intervals()) {
            for (int k = 0; k < f.horizon(); k++) {
                if (!Double.isFinite(pi.lowerAt(k)) || !Double.isFinite(pi.upperAt(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean nonNegative(double[] y) {
        for (double v : y) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    private static Forecast clampAtZero(Forecast f) {
        double[] mean = f.mean();
        for (int k = 0; k < mean.length; k++) {
            mean[k] = Math.max(mean[k], 0);
        }
        List<PredictionInterval> intervals = new ArrayList<>();
        for (PredictionInterval pi : f.intervals()) {
            double[] lo = pi.lower();
            double[] hi = pi.upper();
            for (int k = 0; k < lo.length; k++) {
                lo[k] = Math.max(lo[k], 0);
                hi[k] = Math.max(hi[k], 0);
            }
            intervals.add(new PredictionInterval(pi.level(), lo, hi));
        }
        return f.withValues(mean, intervals);
    }

    /**
     * The series after the repair {@link #forecast} applies (leading missing dropped, gaps
     * interpolated, trailing missing carried forward), for models that train on many series.
     */
    public static double[] repair(double[] raw) {
        return clean(raw).values();
    }

    /** A repaired series and a note on what was repaired (empty when nothing was). */
    record Cleaned(double[] values, String note) {}

    static Cleaned clean(double[] raw) {
        int first = 0;
        while (first < raw.length && !Double.isFinite(raw[first])) {
            first++;
        }
        if (first == raw.length) {
            return new Cleaned(new double[0], raw.length == 0 ? "" : "all values missing");
        }
        int last = raw.length - 1;
        while (!Double.isFinite(raw[last])) {
            last--;
        }
        double[] y = Arrays.copyOfRange(raw, first, raw.length);
        int interior = 0;
        int prev = 0;
        for (int t = 1; t <= last - first; t++) {
            if (Double.isFinite(y[t])) {
                for (int g = prev + 1; g < t; g++) {
                    y[g] = y[prev] + (y[t] - y[prev]) * (g - prev) / (t - prev);
                    interior++;
                }
                prev = t;
            }
        }
        int trailing = raw.length - 1 - last;
        for (int t = last - first + 1; t < y.length; t++) {
            y[t] = y[last - first];
        }
        List<String> notes = new ArrayList<>();
        if (first > 0) {
            notes.add(first + " leading missing dropped");
        }
        if (interior > 0) {
            notes.add(interior + " gaps interpolated");
        }
        if (trailing > 0) {
            notes.add(trailing + " trailing missing carried forward");
        }
        return new Cleaned(y, String.join(", ", notes));
    }
}
