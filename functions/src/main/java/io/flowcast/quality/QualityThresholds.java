package io.flowcast.quality;

import java.io.Serializable;
import java.time.Duration;

/**
 * Data-quality checks (seed 004 {@code monitor_data_quality}) evaluated per table and window.
 *
 * @param window tumbling window on the Kafka timestamp
 * @param maxRejectRate share of a table's messages that may go to the dead-letter table
 * @param maxLag largest allowed delay between source commit and arrival in Kafka (freshness)
 */
public record QualityThresholds(Duration window, double maxRejectRate, Duration maxLag)
        implements Serializable {

    public static QualityThresholds defaults() {
        return new QualityThresholds(Duration.ofMinutes(1), 0.01, Duration.ofMinutes(10));
    }
}
