package io.flowcast.records;

/**
 * One step of one forecast: a row of {@code prediction_results}.
 *
 * @param requestId {@code ""} for a scheduled forecast, else the forecast request it answers
 */
public record PredictionRow(
        String productCode,
        String region,
        long originWeekEpochDay,
        String channel,
        int step,
        long targetWeekEpochDay,
        String method,
        String modelVersion,
        double yhat,
        double lo80,
        double hi80,
        String explanation,
        String requestId) {

    /** A step of a scheduled forecast. */
    public PredictionRow(String productCode, String region, long originWeekEpochDay, String channel, int step,
            long targetWeekEpochDay, String method, String modelVersion, double yhat, double lo80, double hi80, String explanation) {
        this(productCode, region, originWeekEpochDay, channel, step, targetWeekEpochDay, method, modelVersion, yhat, lo80, hi80,
                explanation, "");
    }
}
