package io.flowcast.records;

/** One step of one forecast: a row of {@code prediction_results}. */
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
        String explanation) {}
