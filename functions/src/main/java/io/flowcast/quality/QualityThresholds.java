package io.flowcast.quality;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Data-quality checks (seed 004 {@code monitor_data_quality}) evaluated per table and window.
 *
 * @param window tumbling window on the Kafka timestamp
 * @param maxRejectRate share of a table's messages that may go to the dead-letter table
 * @param maxLag largest allowed delay between source commit and arrival in Kafka (freshness)
 * @param maxDuplicateRate share of a table's changes that may repeat the key and content of the
 *     previous change of the same row
 * @param duplicateMemory how long the monitor remembers a row's last content (state TTL); a
 *     repeat after a longer silence is not counted
 * @param maxNullRate share of a table's inserts/updates in which a column may be null, for every
 *     column without its own limit in {@code nullRateLimits}
 * @param nullRateLimits per-column limits, keyed {@code <mirror table>.<column>} (PostgreSQL names,
 *     e.g. {@code ml_sales_orders.customer})
 */
public record QualityThresholds(
        Duration window,
        double maxRejectRate,
        Duration maxLag,
        double maxDuplicateRate,
        Duration duplicateMemory,
        double maxNullRate,
        Map<String, Double> nullRateLimits)
        implements Serializable {

    public QualityThresholds(Duration window, double maxRejectRate, Duration maxLag) {
        this(window, maxRejectRate, maxLag, 0.0, Duration.ofDays(1), 1.0, Map.of());
    }

    public static QualityThresholds defaults() {
        return new QualityThresholds(Duration.ofMinutes(1), 0.01, Duration.ofMinutes(10));
    }

    /** The null-rate limit of one column. */
    public double maxNullRate(String mirrorTable, String column) {
        return nullRateLimits.getOrDefault(mirrorTable + "." + column, maxNullRate);
    }
}
