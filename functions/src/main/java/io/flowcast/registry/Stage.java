package io.flowcast.registry;

import java.util.Locale;

/** Life-cycle stage of a model version (model_registry.stage). */
public enum Stage {
    CANDIDATE, PRODUCTION, ARCHIVED;

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage ofSql(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
