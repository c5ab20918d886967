package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.records.ForecastRequest;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sql.SchemaMigrator;
import java.io.Serializable;
import java.net.URI;
import java.util.Properties;
import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;

/**
 * On-demand forecast requests (keys {@code demand-forecast.requests.*}): a Flink CDC source over
 * {@code flowcast.forecast_requests} through the publication the V9 migration creates.
 *
 * @param startupMode {@code latest-offset} (requests made from now on), {@code committed-offset}
 *     (from the slot's confirmed position), {@code initial} (every existing row, then new ones) or
 *     {@code snapshot} (existing rows only; the source is bounded)
 */
public record RequestSourceOptions(
        boolean enabled, String slotName, String publication, String startupMode, PostgresOptions postgres)
        implements Serializable {

    public static final String TABLE = "forecast_requests";

    public static RequestSourceOptions from(FlowcastConfig config) {
        String prefix = "demand-forecast.requests.";
        RequestSourceOptions options = new RequestSourceOptions(
                Boolean.parseBoolean(config.string(prefix + "enabled")),
                config.string(prefix + "slot-name"),
                config.string(prefix + "publication"),
                config.string(prefix + "startup-mode"),
                config.postgres());
        options.startupOptions();
        return options;
    }

    public PostgresIncrementalSource<ForecastRequest> build() {
        // jdbc:postgresql://host:port/database?parameters
        URI uri = URI.create(postgres.url().substring("jdbc:".length()));
        Properties debezium = new Properties();
        debezium.setProperty("publication.name", publication);
        // The migration owns the publication; the connector must not create or alter one.
        debezium.setProperty("publication.autocreate.mode", "disabled");
        debezium.setProperty("decimal.handling.mode", "string");
        PostgresSourceBuilder<ForecastRequest> builder = PostgresIncrementalSource.<ForecastRequest>builder()
                .hostname(uri.getHost())
                .port(uri.getPort() > 0 ? uri.getPort() : 5432)
                .database(uri.getPath().substring(1))
                .schemaList(SchemaMigrator.SCHEMA)
                .tableList(SchemaMigrator.SCHEMA + "." + TABLE)
                .username(postgres.user())
                .password(postgres.password() == null ? "" : postgres.password())
                .slotName(slotName)
                .decodingPluginName("pgoutput")
                .startupOptions(startupOptions())
                .debeziumProperties(debezium)
                .deserializer(new ForecastRequestDeserializer());
        return builder.build();
    }

    StartupOptions startupOptions() {
        return switch (startupMode) {
            case "latest-offset" -> StartupOptions.latest();
            case "committed-offset" -> StartupOptions.committed();
            case "initial" -> StartupOptions.initial();
            case "snapshot" -> StartupOptions.snapshot();
            default -> throw new IllegalArgumentException(
                    "demand-forecast.requests.startup-mode must be latest-offset|committed-offset|initial|snapshot, got " + startupMode);
        };
    }
}
