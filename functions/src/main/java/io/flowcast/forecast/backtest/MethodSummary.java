package io.flowcast.forecast.backtest;

/**
 * Averages of one method over all series and origins (NaN measures skipped).
 *
 * @param owa M4 overall weighted average against Naive2 on the same rows (NaN if no Naive2)
 * @param fallbacks forecasts where the method fell back or the series was repaired
 * @param seconds summed fit + forecast time
 */
public record MethodSummary(String method, int forecasts, double smape, double mase, double owa,
        double rmsse, double mae, double bias, double coverage80, double coverage95,
        double pinball80, int fallbacks, double seconds) {}
