package io.flowcast.records;

/**
 * A forecast of one channel of one series from one origin week.
 *
 * @param channel {@code units} or {@code revenue}
 * @param explanation pattern, chosen method and why (fallbacks included)
 * @param requestId {@code ""} for a scheduled forecast, else the forecast request it answers
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
        String explanation,
        String requestId) implements SeriesKeyed {

    /** A scheduled forecast (not the answer to a request). */
    public SeriesForecast(String productCode, String region, long originWeekEpochDay, String channel, String method,
            String modelVersion, double[] yhat, double[] lo80, double[] hi80, String explanation) {
        this(productCode, region, originWeekEpochDay, channel, method, modelVersion, yhat, lo80, hi80, explanation, "");
    }
}
