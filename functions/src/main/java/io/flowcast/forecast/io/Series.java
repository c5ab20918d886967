package io.flowcast.forecast.io;

import java.util.List;

/**
 * One time series read from long-format CSV.
 *
 * @param id the series_id
 * @param timestamps ts values as written (ISO date or integer index), oldest first
 * @param values the target column (NaN where missing)
 */
public record Series(String id, List<String> timestamps, double[] values) {
    public Series {
        timestamps = List.copyOf(timestamps);
        values = values.clone();
        if (timestamps.size() != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length for " + id);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public String lastTimestamp() {
        return timestamps.isEmpty() ? "" : timestamps.get(timestamps.size() - 1);
    }
}
