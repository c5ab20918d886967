package io.flowcast.records;

/**
 * A forecast met by its actual: one channel of one series for one target week (a row of
 * {@code forecast_errors}).
 *
 * @param leadWeeks how many weeks before the target week the forecast was made
 */
public record ForecastError(
        String productCode,
        String region,
        long targetWeekEpochDay,
        String channel,
        long originWeekEpochDay,
        int leadWeeks,
        String method,
        String modelVersion,
        double actual,
        double forecast) implements SeriesKeyed {}
