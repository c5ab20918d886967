package io.flowcast.jobs;

import io.flowcast.aggregate.InventoryCacheOptions;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.quality.QualityThresholds;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/** Typed options of {@link InventoryMirrorJob} (keys {@code kafka.*}, {@code inventory-mirror.*}, sinks). */
public record MirrorJobOptions(
        KafkaSourceOptions kafka,
        PostgresOptions postgres,
        RedisOptions redis,
        Duration maxFutureSkew,
        Set<String> criticalProducts,
        InventoryCacheOptions cache,
        QualityThresholds quality,
        Duration qualityOutOfOrderness,
        Duration qualityIdleness)
        implements Serializable {

    public static MirrorJobOptions from(FlowcastConfig config) {
        String prefix = "inventory-mirror.";
        return new MirrorJobOptions(
                KafkaSourceOptions.from(config, config.string(prefix + "group-id")),
                config.postgres(),
                config.redis(),
                config.duration(prefix + "max-future-skew"),
                Set.copyOf(config.list(prefix + "critical-products")),
                new InventoryCacheOptions(
                        config.duration(prefix + "realtime-ttl"),
                        config.duration(prefix + "daily-ttl"),
                        config.duration(prefix + "monthly-ttl"),
                        config.duration(prefix + "transaction-state-ttl"),
                        config.duration(prefix + "daily-state-ttl"),
                        config.duration(prefix + "monthly-state-ttl")),
                new QualityThresholds(
                        config.duration(prefix + "quality.window"),
                        Double.parseDouble(config.string(prefix + "quality.max-reject-rate")),
                        config.duration(prefix + "quality.max-lag")),
                config.duration(prefix + "quality.out-of-orderness"),
                config.duration(prefix + "quality.idleness"));
    }
}
