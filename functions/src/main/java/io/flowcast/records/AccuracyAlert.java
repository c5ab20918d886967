package io.flowcast.records;

/**
 * A product whose MAPE over the accuracy window passed the threshold (a row of
 * {@code forecast_accuracy_alerts}), or, with {@code raised} false, a recomputed week whose MAPE
 * no longer does (its row is removed).
 */
public record AccuracyAlert(
        String productCode, long asOfWeekEpochDay, String channel, double mape, double threshold, int samples, boolean raised) {}
