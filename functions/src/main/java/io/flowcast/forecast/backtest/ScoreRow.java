package io.flowcast.forecast.backtest;

import io.flowcast.forecast.metrics.Accuracy;

/**
 * Accuracy of one method on one series at one origin: the table a method router is trained on.
 *
 * @param origin 1 = latest origin (or the test set)
 * @param usedMethod the method that actually produced the numbers (differs after a fallback)
 * @param fallbackReason empty unless the Forecaster fell back or repaired the series
 * @param nanos wall time of fit + forecast
 */
public record ScoreRow(String seriesId, String method, int origin, String usedMethod,
        String fallbackReason, Accuracy accuracy, long nanos) {
    /** Reference row name for the M4 Naive2 benchmark used by OWA. */
    public static final String NAIVE2 = "naive2";
}
