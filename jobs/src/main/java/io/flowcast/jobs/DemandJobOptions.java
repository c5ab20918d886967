package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import java.io.Serializable;

/**
 * Typed options of {@link DemandForecastJob}, one record per area; each area declares its keys
 * once, and conf/flowcast.yaml holds the defaults with a comment per key.
 */
public record DemandJobOptions(
        KafkaSourceOptions kafka,
        PostgresOptions postgres,
        RedisOptions redis,
        EventTimeOptions eventTime,
        SeriesStateOptions series,
        ClassificationOptions classes,
        ForecastOptions forecast,
        AccuracyOptions accuracy,
        InventoryKpiOptions kpis,
        RequestSourceOptions requests,
        ModelRegistrySourceOptions models)
        implements Serializable {

    public static final String GROUP_ID = "demand-forecast.group-id";
    public static final String TOPIC_PATTERN = "demand-forecast.topic-pattern";

    /** The same options with hot swap off (jobs wired without a registry source). */
    public DemandJobOptions withoutHotSwap() {
        return new DemandJobOptions(kafka, postgres, redis, eventTime, series, classes, forecast, accuracy, kpis, requests,
                new ModelRegistrySourceOptions(false, models.modelName(), models.slotName(), models.publication(),
                        models.challengerShare(), models.postgres()));
    }

    public static DemandJobOptions from(FlowcastConfig config) {
        KafkaSourceOptions shared = KafkaSourceOptions.from(config, config.string(GROUP_ID));
        return new DemandJobOptions(
                new KafkaSourceOptions(shared.bootstrap(), config.string(TOPIC_PATTERN), shared.groupId(),
                        shared.startingOffsets(), shared.partitionDiscoveryMillis()),
                config.postgres(),
                config.redis(),
                EventTimeOptions.from(config),
                SeriesStateOptions.from(config),
                ClassificationOptions.from(config),
                ForecastOptions.from(config),
                AccuracyOptions.from(config),
                InventoryKpiOptions.from(config),
                RequestSourceOptions.from(config),
                ModelRegistrySourceOptions.from(config));
    }
}
