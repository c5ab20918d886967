package io.flowcast.records;

import java.math.BigDecimal;

/**
 * The slice of a sales-order line the demand series need (seed 003's two channels: units and
 * revenue), keyed by the line's natural key.
 *
 * @param lineKey natural key of the order line ({@code numero_pedido} and {@code item})
 * @param delete true for a deleted line (then only {@code lineKey} is meaningful)
 * @param revenue quantity x unit price x (1 - discount)
 */
public record SalesLineChange(
        String lineKey,
        boolean delete,
        String productCode,
        String region,
        long orderedAtMillis,
        BigDecimal units,
        BigDecimal revenue)
        implements Versioned {

    /** Key of the demand series the line belongs to. */
    public String seriesKey() {
        return productCode + "|" + region;
    }
}
