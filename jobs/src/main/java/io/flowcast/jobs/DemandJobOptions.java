package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import java.io.Serializable;
import java.time.Duration;

/** Typed options of {@link DemandForecastJob} (keys {@code demand-forecast.*}, {@code kafka.*}, sinks). */
public record DemandJobOptions(
        KafkaSourceOptions kafka,
        PostgresOptions postgres,
        RedisOptions redis,
        Duration maxFutureSkew,
        Duration outOfOrderness,
        Duration idleness,
        int idleWeeks,
        Duration lineStateTtl,
        double xyzXLimit,
        double xyzYLimit,
        double abcAShare,
        double abcBShare,
        Duration profileCacheTtl,
        String forecastMethod,
        int forecastHorizon,
        int forecastThreads,
        int forecastCapacity,
        Duration forecastTimeout,
        String warehousePrefix,
        int kpiWindowWeeks)
        implements Serializable {

    public static DemandJobOptions from(FlowcastConfig config) {
        String prefix = "demand-forecast.";
        KafkaSourceOptions shared = KafkaSourceOptions.from(config, config.string(prefix + "group-id"));
        return new DemandJobOptions(
                new KafkaSourceOptions(shared.bootstrap(), config.string(prefix + "topic-pattern"), shared.groupId(),
                        shared.startingOffsets(), shared.partitionDiscoveryMillis()),
                config.postgres(),
                config.redis(),
                config.duration(prefix + "max-future-skew"),
                config.duration(prefix + "out-of-orderness"),
                config.duration(prefix + "idleness"),
                config.integer(prefix + "idle-weeks"),
                config.duration(prefix + "line-state-ttl"),
                Double.parseDouble(config.string(prefix + "xyz-x-limit")),
                Double.parseDouble(config.string(prefix + "xyz-y-limit")),
                Double.parseDouble(config.string(prefix + "abc-a-share")),
                Double.parseDouble(config.string(prefix + "abc-b-share")),
                config.duration(prefix + "profile-cache-ttl"),
                config.string(prefix + "forecast-method"),
                config.integer(prefix + "forecast-horizon"),
                config.integer(prefix + "forecast-threads"),
                config.integer(prefix + "forecast-capacity"),
                config.duration(prefix + "forecast-timeout"),
                config.string(prefix + "warehouse-prefix"),
                config.integer(prefix + "kpi-window-weeks"));
    }
}
