package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.records.ModelChange;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sql.SchemaMigrator;
import java.io.Serializable;
import java.net.URI;
import java.util.Properties;
import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;

/**
 * Hot swap (keys {@code models.hot-swap.*} and {@code models.router.name}): a Flink CDC source over
 * {@code flowcast.model_registry} through the publication the V40 migration creates. It starts
 * with a snapshot of the table (the production model active when the job starts), then follows
 * its changes; a restore from a checkpoint resumes from the slot position.
 *
 * @param challengerShare share of series an A/B challenger (a candidate version) forecasts; 0 = no test
 */
public record ModelRegistrySourceOptions(boolean enabled, String modelName, String slotName, String publication,
        double challengerShare, PostgresOptions postgres) implements Serializable {

    public static final String TABLE = "model_registry";

    public static ModelRegistrySourceOptions from(FlowcastConfig config) {
        double share = Double.parseDouble(config.string("models.ab.challenger-share"));
        if (share < 0 || share >= 1) {
            throw new IllegalArgumentException("models.ab.challenger-share must be in [0, 1), got " + share);
        }
        return new ModelRegistrySourceOptions(
                Boolean.parseBoolean(config.string("models.hot-swap.enabled")),
                config.string("models.router.name"),
                config.string("models.hot-swap.slot-name"),
                config.string("models.hot-swap.publication"),
                share,
                config.postgres());
    }

    public PostgresIncrementalSource<ModelChange> build() {
        URI uri = URI.create(postgres.url().substring("jdbc:".length()));
        Properties debezium = new Properties();
        debezium.setProperty("publication.name", publication);
        debezium.setProperty("publication.autocreate.mode", "disabled");
        debezium.setProperty("decimal.handling.mode", "string");
        // The artifact column arrives as raw bytes.
        debezium.setProperty("binary.handling.mode", "bytes");
        return PostgresIncrementalSource.<ModelChange>builder()
                .hostname(uri.getHost())
                .port(uri.getPort() > 0 ? uri.getPort() : 5432)
                .database(uri.getPath().substring(1))
                .schemaList(SchemaMigrator.SCHEMA)
                .tableList(SchemaMigrator.SCHEMA + "." + TABLE)
                .username(postgres.user())
                .password(postgres.password() == null ? "" : postgres.password())
                .slotName(slotName)
                .decodingPluginName("pgoutput")
                .startupOptions(StartupOptions.initial())
                .debeziumProperties(debezium)
                .deserializer(new ModelChangeDeserializer())
                .build();
    }
}
