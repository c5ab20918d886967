package io.flowcast.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowcast.cache.CacheFamily;
import io.flowcast.cache.CacheMonitorOptions;
import io.flowcast.cache.CacheThresholds;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flowcast's application configuration: the bundled {@code flowcast.yaml} defaults, optionally a
 * user file over them, then environment overrides, then {@code key=value} overrides.
 *
 * <p>Keys are dotted paths into the YAML ({@code postgres.url}). Typed views for each area
 * ({@link #postgres()}, {@link #redis()}, ...) are what jobs and commands use.
 */
public final class FlowcastConfig {

    /** Environment variables and the keys they override (DESIGN section 1). */
    public static final Map<String, String> ENVIRONMENT_OVERRIDES = Map.ofEntries(
            Map.entry("FLOWCAST_PG_URL", "postgres.url"),
            Map.entry("FLOWCAST_PG_USER", "postgres.user"),
            Map.entry("FLOWCAST_PG_PASSWORD", "postgres.password"),
            Map.entry("FLOWCAST_REDIS_URL", "redis.url"),
            Map.entry("FLOWCAST_KAFKA", "kafka.bootstrap"),
            Map.entry("FLOWCAST_REQUESTS_ENABLED", "demand-forecast.requests.enabled"),
            Map.entry("FLOWCAST_REQUESTS_SLOT", "demand-forecast.requests.slot-name"),
            Map.entry("FLOWCAST_REQUESTS_STARTUP_MODE", "demand-forecast.requests.startup-mode"),
            Map.entry("FLOWCAST_NEURAL_MODEL", "forecast.neural.model"),
            Map.entry("FLOWCAST_NEURAL_DEVICE", "forecast.neural.device"),
            Map.entry("FLOWCAST_HADOOP_FS", "hadoop.fs-uri"),
            Map.entry("FLOWCAST_HOT_SWAP_ENABLED", "models.hot-swap.enabled"),
            Map.entry("FLOWCAST_HOT_SWAP_SLOT", "models.hot-swap.slot-name"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectNode root;

    private FlowcastConfig(ObjectNode root) {
        this.root = root;
    }

    /** Defaults + optional file + process environment + overrides. */
    public static FlowcastConfig load(Path file, List<String> overrides) {
        return load(file, System.getenv(), overrides);
    }

    public static FlowcastConfig load(Path file, Map<String, String> environment, List<String> overrides) {
        ObjectNode root = readDefaults();
        if (file != null) {
            try {
                merge(root, YAML.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config " + file, e);
            }
        }
        FlowcastConfig config = new FlowcastConfig(root);
        ENVIRONMENT_OVERRIDES.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                config.set(key, value);
            }
        });
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + override);
            }
            config.set(override.substring(0, eq).trim(), override.substring(eq + 1));
        }
        return config;
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = FlowcastConfig.class.getClassLoader().getResourceAsStream("flowcast.yaml")) {
            if (in == null) {
                throw new IllegalStateException("flowcast.yaml defaults missing from the class path");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, JsonNode source) {
        if (source == null || !source.isObject()) {
            return;
        }
        source.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue().isObject()) {
                merge(existingObject, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    /** Sets a dotted key to a scalar (text; typed accessors parse it). */
    public void set(String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = JsonNodeFactory.instance.objectNode();
                node.set(parts[i], child);
            }
            node = (ObjectNode) child;
        }
        node.put(parts[parts.length - 1], value);
    }

    private JsonNode node(String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing configuration key " + key);
        }
        return node;
    }

    public String string(String key) {
        return node(key).asText();
    }

    public int integer(String key) {
        return Integer.parseInt(string(key).trim());
    }

    public double number(String key) {
        return Double.parseDouble(string(key).trim());
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key).trim());
    }

    public long longValue(String key) {
        return Long.parseLong(string(key).trim());
    }

    public Duration duration(String key) {
        return Duration.parse(string(key).trim());
    }

    /** A YAML list, or a comma-separated string (as given on the command line). */
    public List<String> list(String key) {
        JsonNode node = node(key);
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else {
            for (String item : node.asText().split(",")) {
                if (!item.isBlank()) {
                    values.add(item.trim());
                }
            }
        }
        return values;
    }

    public PostgresOptions postgres() {
        String password = string("postgres.password");
        return new PostgresOptions(
                string("postgres.url"),
                string("postgres.user"),
                password.isEmpty() ? null : password,
                integer("postgres.batch-size"),
                longValue("postgres.flush-interval-ms"),
                integer("postgres.max-retries"));
    }

    /** {@code forecast.neural.*}: device, thread counts and batch size of the mixer. */
    public io.flowcast.forecast.neural.NeuralSettings neural() {
        return new io.flowcast.forecast.neural.NeuralSettings(string("forecast.neural.device"),
                integer("forecast.neural.threads"), integer("forecast.neural.interop-threads"),
                integer("forecast.neural.batch-size"));
    }

    public RedisOptions redis() {
        return new RedisOptions(
                string("redis.url"),
                integer("redis.batch-size"),
                longValue("redis.flush-interval-ms"),
                integer("redis.max-retries"),
                duration("redis.outage-tolerance"));
    }

    /**
     * Cache survey settings; the families' TTL policies are the TTLs the jobs write with
     * ({@code inventory-mirror.*-ttl}, {@code demand-forecast.profile-cache-ttl}).
     */
    public CacheMonitorOptions cacheMonitor() {
        return new CacheMonitorOptions(
                CacheFamily.standard(
                        duration("inventory-mirror.realtime-ttl"),
                        duration("inventory-mirror.daily-ttl"),
                        duration("inventory-mirror.monthly-ttl"),
                        duration("demand-forecast.profile-cache-ttl")),
                integer("cache.sample-size"),
                integer("cache.scan-count"),
                duration("cache.interval"),
                new CacheThresholds(
                        Double.parseDouble(string("cache.alerts.min-hit-ratio")),
                        longValue("cache.alerts.min-lookups"),
                        Double.parseDouble(string("cache.alerts.max-memory-share")),
                        longValue("cache.alerts.max-memory-bytes"),
                        longValue("cache.alerts.max-keys-without-ttl")));
    }

    /** Effective configuration with secrets masked, for logs and {@code --print-config}. */
    public Map<String, String> describe() {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        flat.replaceAll((k, v) -> k.endsWith("password") && !v.isEmpty() ? "******" : v);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, node.isArray() ? node.toString() : node.asText());
        }
    }
}
