package io.flowcast.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The key families RetentionJob knows (README "Retention" lists them). */
public final class RetentionFamilies {

    private static final List<String> SERIES = List.of("product_code", "region");

    private static final Map<String, RetentionFamily> FAMILIES = new LinkedHashMap<>();

    static {
        add(new RetentionFamily("prediction_results.scheduled", "prediction_results", "p.request_id = ''",
                SERIES, "origin_week", "created_at", false));
        add(new RetentionFamily("prediction_results.requests", "prediction_results", "p.request_id <> ''",
                List.of(), null, "created_at", false));
        add(new RetentionFamily("classification_results", "classification_results", "TRUE",
                SERIES, "as_of_week", "as_of_week", true));
        add(new RetentionFamily("forecast_errors", "forecast_errors", "TRUE", List.of(), null, "target_week", true));
        add(new RetentionFamily("forecast_accuracy", "forecast_accuracy", "TRUE", List.of(), null, "as_of_week", true));
        add(new RetentionFamily("dead_letter", "dead_letter", "TRUE", List.of(), null, "created_at", false));
        add(new RetentionFamily("data_quality_events", "data_quality_events", "TRUE", List.of(), null, "window_start", true));
        add(new RetentionFamily("retention_history", "retention_history", "TRUE", List.of(), null, "started_at", false));
        add(new RetentionFamily("audit_log", "audit_log", "TRUE", List.of(), null, "changed_at", false));
    }

    private RetentionFamilies() {}

    private static void add(RetentionFamily family) {
        FAMILIES.put(family.name(), family);
    }

    public static Optional<RetentionFamily> find(String name) {
        return Optional.ofNullable(FAMILIES.get(name));
    }

    public static List<RetentionFamily> all() {
        return List.copyOf(FAMILIES.values());
    }
}
