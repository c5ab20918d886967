package io.flowcast.records;

/**
 * What the global ABC ranking needs of a series at a week close: its trailing-year revenue, or
 * that the series left state (dropped as idle), so the ranking forgets it too.
 *
 * @param trailingRevenue revenue of the last 52 weeks ending with {@code weekStartEpochDay}
 * @param retired true when the series was dropped as idle at this close (revenue then 0)
 */
public record SeriesRevenue(String productCode, String region, long weekStartEpochDay, double trailingRevenue, boolean retired)
        implements SeriesKeyed {}
