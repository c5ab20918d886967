package io.flowcast.forecast;

import java.util.List;
import java.util.Optional;

/**
 * Immutable result of forecasting one series with one method.
 *
 * @param method the method that produced the numbers (after any fallback)
 * @param requestedMethod the method the caller asked for
 * @param mean point forecasts, index 0 = one step ahead
 * @param intervals prediction intervals, one per requested level
 * @param fallbackReason why {@code method} differs from {@code requestedMethod} or the input was
 *     repaired (gaps filled); empty when the requested method ran on the series as given
 * @param detail what the method chose (e.g. "ETS(MAdN)", or auto's "theta+dotm"); may be empty
 */
public record Forecast(
        String method,
        String requestedMethod,
        double[] mean,
        List<PredictionInterval> intervals,
        String fallbackReason,
        String detail) {

    public Forecast {
        detail = detail == null ? "" : detail;
        mean = mean.clone();
        intervals = List.copyOf(intervals);
        fallbackReason = fallbackReason == null ? "" : fallbackReason;
    }

    /** A forecast produced by {@code method} itself, without fallback. */
    public static Forecast of(String method, double[] mean, List<PredictionInterval> intervals) {
        return new Forecast(method, method, mean, intervals, "", "");
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    public double meanAt(int step) {
        return mean[step];
    }

    public int horizon() {
        return mean.length;
    }

    public boolean fellBack() {
        return !fallbackReason.isEmpty();
    }

    public Optional<PredictionInterval> interval(double level) {
        return intervals.stream().filter(i -> Math.abs(i.level() - level) < 1e-9).findFirst();
    }

    /** The same numbers, reported as a fallback from {@code requested} for {@code reason}. */
    public Forecast asFallback(String requested, String reason) {
        return new Forecast(method, requested, mean, intervals, reason, detail);
    }

    /** Same forecast relabelled as produced by {@code name} (e.g. members of auto's combination). */
    public Forecast relabel(String name, String newDetail) {
        return new Forecast(name, name, mean, intervals, fallbackReason, newDetail);
    }

    public Forecast withDetail(String newDetail) {
        return new Forecast(method, requestedMethod, mean, intervals, fallbackReason, newDetail);
    }

    /** Same metadata, new numbers (used to clamp non-negative series at zero). */
    public Forecast withValues(double[] newMean, List<PredictionInterval> newIntervals) {
        return new Forecast(method, requestedMethod, newMean, newIntervals, fallbackReason, detail);
    }
}
