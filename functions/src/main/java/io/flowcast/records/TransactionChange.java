package io.flowcast.records;

import java.math.BigDecimal;

/**
 * The slice of an inventory-transaction change the Redis caches need, small enough to shuffle.
 *
 * @param delete true for a deleted transaction (then only {@code transactionId} is meaningful)
 */
public record TransactionChange(
        long transactionId,
        boolean delete,
        String productCode,
        String transactionType,
        String warehouse,
        BigDecimal quantity,
        BigDecimal unitCost,
        long movedAtMillis)
        implements Versioned {

    public BigDecimal valueTotal() {
        return quantity.multiply(unitCost);
    }
}
