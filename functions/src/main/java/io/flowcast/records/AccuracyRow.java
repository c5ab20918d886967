package io.flowcast.records;

/**
 * Rolling accuracy of one product or region as of a closed week (a row of {@code forecast_accuracy}).
 *
 * @param scope {@code product} or {@code region}
 * @param mape fraction over non-zero actuals; NaN if there are none
 * @param r2 coefficient of determination; NaN if the actuals do not vary
 */
public record AccuracyRow(
        String scope,
        String scopeKey,
        long asOfWeekEpochDay,
        String channel,
        int windowDays,
        int samples,
        double mae,
        double mape,
        double r2) {}
