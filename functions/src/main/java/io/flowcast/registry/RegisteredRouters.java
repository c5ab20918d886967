package io.flowcast.registry;

import io.flowcast.forecast.Forecaster;
import io.flowcast.records.ModelRef;
import io.flowcast.sinks.PostgresOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forecasters of the registered routers a forecast operator has been asked to use, loaded
 * from model_registry once per version (the artifact is read by version, checked against the
 * checksum the assignment carries) and kept for the operator's life; thread-safe.
 */
public final class RegisteredRouters {

    private final PostgresOptions postgres;
    private final Map<ModelRef, Forecaster> loaded = new ConcurrentHashMap<>();

    public RegisteredRouters(PostgresOptions postgres) {
        this.postgres = postgres;
    }

    /**
     * @throws IllegalStateException when the registry cannot be read (an infrastructure failure:
     *     the task restarts) or the version is gone
     * @throws IllegalArgumentException when the stored artifact is not the checked one
     */
    public Forecaster forecaster(ModelRef ref) {
        return loaded.computeIfAbsent(ref, this::load);
    }

    private Forecaster load(ModelRef ref) {
        try (Connection c = postgres.connect()) {
            RegisteredModel model = new ModelRegistryStore(c).find(ref.name(), ref.version())
                    .orElseThrow(() -> new IllegalStateException(ref.label() + " is not in model_registry"));
            c.commit();
            return RouterArtifacts.forecaster(model.artifact(), ref.artifactSha256());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + ref.label() + " from model_registry", e);
        }
    }
}
