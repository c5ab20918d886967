package io.flowcast.records;

import io.flowcast.features.DemandFeatures;

/**
 * Features and classes of a series as of a closed week.
 *
 * @param featuresJson the features as stored ({@code FeatureJson})
 * @param featuresChanged false when the feature vector equals the last one stored (same content hash)
 */
public record DemandProfile(
        String productCode,
        String region,
        long weekStartEpochDay,
        DemandFeatures features,
        String pattern,
        String xyz,
        String featuresJson,
        String contentHash,
        boolean featuresChanged) implements SeriesKeyed {}
