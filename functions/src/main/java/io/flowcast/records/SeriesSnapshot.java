package io.flowcast.records;

/**
 * A demand series as of a closed week: its weekly history (both channels, oldest first, ending
 * with {@code weekStartEpochDay}), which features, classification and forecasting start from.
 *
 * @param requestId {@code ""} for the scheduled snapshot of a week close, else the id of the
 *     forecast request this snapshot answers
 * @param horizon weeks to forecast; {@code 0} means the job's scheduled horizon
 */
public record SeriesSnapshot(
        String productCode, String region, long weekStartEpochDay, double[] units, double[] revenue, String requestId, int horizon) implements SeriesKeyed {

    /** The scheduled snapshot of a week close. */
    public SeriesSnapshot(String productCode, String region, long weekStartEpochDay, double[] units, double[] revenue) {
        this(productCode, region, weekStartEpochDay, units, revenue, "", 0);
    }

    public boolean answersRequest() {
        return !requestId.isEmpty();
    }
}
