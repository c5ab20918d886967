package io.flowcast.records;

/**
 * A demand series as of a closed week: its weekly history (both channels, oldest first, ending
 * with {@code weekStartEpochDay}), which features, classification and forecasting start from.
 */
public record SeriesSnapshot(String productCode, String region, long weekStartEpochDay, double[] units, double[] revenue) {}
