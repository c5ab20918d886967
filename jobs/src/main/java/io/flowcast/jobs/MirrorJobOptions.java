package io.flowcast.jobs;

import io.flowcast.aggregate.InventoryCacheOptions;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.quality.QualityThresholds;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** {@code <mirror table>.<column>=<rate>} entries, e.g. {@code ml_sales_orders.customer=0.2}. */
    static Map<String, Double> nullRateLimits(List<String> entries) {
        Map<String, Double> limits = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.indexOf('.') < 0) {
                throw new IllegalArgumentException(
                        "inventory-mirror.quality.null-rate-limits: '" + entry + "' is not <mirror table>.<column>=<rate>");
            }
            limits.put(entry.substring(0, eq).trim(), Double.parseDouble(entry.substring(eq + 1).trim()));
        }
        return Map.copyOf(limits);
    }

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
                        config.duration(prefix + "quality.max-lag"),
                        Double.parseDouble(config.string(prefix + "quality.max-duplicate-rate")),
                        config.duration(prefix + "quality.duplicate-memory"),
                        Double.parseDouble(config.string(prefix + "quality.max-null-rate")),
                        nullRateLimits(config.list(prefix + "quality.null-rate-limits"))),
                config.duration(prefix + "quality.out-of-orderness"),
                config.duration(prefix + "quality.idleness"));
    }
}
