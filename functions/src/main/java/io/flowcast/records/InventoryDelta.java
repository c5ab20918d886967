package io.flowcast.records;

import java.math.BigDecimal;

/**
 * A transaction entering (+1) or leaving (-1) the per-product aggregates. An update of a
 * transaction is a -1 of its old version followed by a +1 of its new one, which may belong to
 * another product or day.
 */
public record InventoryDelta(int sign, TransactionChange transaction) {

    public String productCode() {
        return transaction.productCode();
    }
}
