package io.flowcast.records;

import java.math.BigDecimal;

/**
 * What the critical-stock monitor needs from two tables, keyed by product: a product's minimum
 * stock and critical flag (from the product master) or a warehouse's on-hand level (from stock
 * levels).
 */
public record StockSignal(
        Kind kind,
        boolean delete,
        String productCode,
        String warehouse,
        BigDecimal minStock,
        boolean critical,
        BigDecimal onHand,
        long eventTimeMillis,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset) {

    public enum Kind {
        THRESHOLD,
        LEVEL
    }
}
