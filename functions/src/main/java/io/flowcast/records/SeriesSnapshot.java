package io.flowcast.records;

import io.flowcast.features.DemandFeatures;
import io.flowcast.features.FeatureExtractor;

/**
 * A demand series as of a closed week: its weekly history (both channels, oldest first, ending
 * with {@code weekStartEpochDay}) and its demand features, computed once at the close and passed
 * on to the inventory KPIs, the classes and the forecast's explanation.
 *
 * @param requestId {@code ""} for the scheduled snapshot of a week close, else the id of the
 *     forecast request this snapshot answers
 * @param horizon weeks to forecast; {@code 0} means the job's scheduled horizon
 * @param features {@link FeatureExtractor#extract} of {@code units}
 */
public record SeriesSnapshot(
        String productCode,
        String region,
        long weekStartEpochDay,
        double[] units,
        double[] revenue,
        String requestId,
        int horizon,
        DemandFeatures features)
        implements SeriesKeyed {

    /** A snapshot whose features are computed from its units. */
    public SeriesSnapshot(
            String productCode, String region, long weekStartEpochDay, double[] units, double[] revenue, String requestId, int horizon) {
        this(productCode, region, weekStartEpochDay, units, revenue, requestId, horizon, FeatureExtractor.extract(units));
    }

    /** The scheduled snapshot of a week close. */
    public SeriesSnapshot(String productCode, String region, long weekStartEpochDay, double[] units, double[] revenue) {
        this(productCode, region, weekStartEpochDay, units, revenue, "", 0);
    }

    public boolean answersRequest() {
        return !requestId.isEmpty();
    }
}
