package io.flowcast.cache;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How the cache is surveyed ({@code cache.*} in conf/flowcast.yaml).
 *
 * @param families key families with their TTL policies (the jobs' configured TTLs)
 * @param sampleSize keys per family whose memory and read latency are measured per survey
 * @param scanCount {@code SCAN ... COUNT} hint: keys per round trip
 * @param interval time between surveys of {@code flowcast cache stats --watch}
 * @param thresholds when a survey raises an alert
 */
public record CacheMonitorOptions(
        List<CacheFamily> families, int sampleSize, int scanCount, Duration interval, CacheThresholds thresholds)
        implements Serializable {

    public CacheSurvey survey(java.time.Clock clock) {
        return new CacheSurvey(families, sampleSize, scanCount, clock);
    }
}
