package io.flowcast.warehouse;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.sinks.PostgresOptions;
import java.sql.SQLException;

/** Opens the snapshot source a configuration names ({@code snapshot.source}). */
public final class WarehouseSources {

    private WarehouseSources() {}

    /** {@code mirror}: the PG mirror tables; {@code warehouse}: the source database at {@code snapshot.warehouse-url}. */
    public static WarehouseSource open(String kind, FlowcastConfig config) throws SQLException {
        PostgresOptions postgres = config.postgres();
        return switch (kind) {
            case "mirror" -> PostgresSource.mirror(postgres);
            case "warehouse" -> PostgresSource.warehouse(postgres.withUrl(config.string("snapshot.warehouse-url")));
            default -> throw new IllegalArgumentException("unknown snapshot source '" + kind + "' (mirror | warehouse)");
        };
    }
}
