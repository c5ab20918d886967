package io.flowcast.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of model_registry.
 *
 * @param metricsJson evaluation figures as JSON text
 * @param artifact the model bytes (e.g. a {@code MethodRouter} artifact)
 * @param artifactSha256 hex SHA-256 recorded when the artifact was registered
 */
public record RegisteredModel(String name, int version, String kind, Stage stage, String metricsJson,
        LocalDate trainingFrom, LocalDate trainingTo, Integer seriesCount, byte[] artifact, String artifactSha256,
        String stageReason, Instant createdAt, Instant promotedAt, String promotedBy) {

    /** Registry label used in prediction_results.model_version, e.g. "router-3". */
    public String label() {
        return label(name, version);
    }

    public static String label(String name, int version) {
        return name + "-" + version;
    }
}
