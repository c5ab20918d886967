package io.flowcast.records;

/**
 * A forecast of one channel of one series from one origin week.
 *
 * @param channel {@code units} or {@code revenue}
 * @param explanation pattern, chosen method and why (fallbacks included)
 */
public record SeriesForecast(
        String productCode,
        String region,
        long originWeekEpochDay,
        String channel,
        String method,
        String modelVersion,
        double[] yhat,
        double[] lo80,
        double[] hi80,
        String explanation) {}
