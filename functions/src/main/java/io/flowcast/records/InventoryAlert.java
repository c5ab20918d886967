package io.flowcast.records;

import java.math.BigDecimal;

/**
 * A stock alert for a critical product in one warehouse.
 *
 * @param alertType {@code LOW_STOCK} when on-hand falls below the minimum, {@code RECOVERED} when it
 *     is back at or above it
 */
public record InventoryAlert(
        String productCode,
        String warehouse,
        String alertType,
        long eventTimeMillis,
        BigDecimal onHand,
        BigDecimal minStock,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset) {

    public static final String LOW_STOCK = "LOW_STOCK";
    public static final String RECOVERED = "RECOVERED";
}
