package io.flowcast.records;

/**
 * A model_registry row as its change arrived from PostgreSQL (logical replication).
 *
 * @param stage candidate | production | archived
 * @param artifact the model bytes (null when the row image carried none)
 * @param artifactSha256 the checksum registered with the artifact
 * @param row the row as text for dead letters (artifact left out)
 */
public record ModelChange(String name, int version, String stage, byte[] artifact, String artifactSha256, String row) {

    public static final String SOURCE = "flowcast.model_registry";

    public boolean isProduction() {
        return "production".equals(stage);
    }

    public ModelRef ref() {
        return new ModelRef(name, version, artifactSha256);
    }
}
