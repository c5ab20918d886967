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
        int accuracyLeadWeeks,
        Duration accuracyWindow,
        double accuracyMapeAlert,
        int accuracyMinSamples,
        RequestSourceOptions requests,
        String warehousePrefix,
        int kpiWindowWeeks)
        implements Serializable {

    /** Whole weeks in the accuracy window (30 days: the 4 weeks ending with the closed week). */
    public int accuracyWindowWeeks() {
        return (int) Math.max(1, accuracyWindow.toDays() / 7);
    }

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
                config.integer(prefix + "accuracy.lead-weeks"),
                config.duration(prefix + "accuracy.window"),
                Double.parseDouble(config.string(prefix + "accuracy.mape-alert")),
                config.integer(prefix + "accuracy.min-samples"),
                RequestSourceOptions.from(config),
                config.string(prefix + "warehouse-prefix"),
                config.integer(prefix + "kpi-window-weeks"));
    }
}
