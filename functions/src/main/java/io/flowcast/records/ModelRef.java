package io.flowcast.records;

/**
 * Which registered model a forecast uses: name, version and the artifact checksum (the forecast
 * operator loads the artifact once per version and checks it against this).
 */
public record ModelRef(String name, int version, String artifactSha256) {

    /** As stored in prediction_results.model_version, e.g. "router-3". */
    public String label() {
        return name + "-" + version;
    }
}
