package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;

/**
 * Inventory KPIs in the feature vector (keys {@code demand-forecast.warehouse-prefix},
 * {@code kpi-window-weeks}).
 *
 * @param warehousePrefix stock of warehouse {@code <prefix><region>} serves the sales region
 * @param windowWeeks DIO, turnover and service level over this many weeks ending with the close
 */
public record InventoryKpiOptions(String warehousePrefix, int windowWeeks) implements Serializable {

    public static final String WAREHOUSE_PREFIX = "demand-forecast.warehouse-prefix";
    public static final String WINDOW_WEEKS = "demand-forecast.kpi-window-weeks";

    public static InventoryKpiOptions from(FlowcastConfig config) {
        return new InventoryKpiOptions(config.string(WAREHOUSE_PREFIX), config.integer(WINDOW_WEEKS));
    }
}
