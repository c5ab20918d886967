package io.flowcast.records;

import java.math.BigDecimal;

/**
 * The slice of a sales-order line the demand series need (seed 003's two channels: units and
 * revenue), keyed by the line's natural key.
 *
 * @param lineKey natural key of the order line ({@code numero_pedido} and {@code item})
 * @param delete true for a deleted line (then only {@code lineKey} is meaningful)
 * @param revenue quantity x unit price x (1 - discount)
 * @param fulfilled {@code quantidade_atendida}, the units delivered (inventory KPIs); null when the
 *     line does not report it
 */
public record SalesLineChange(
        String lineKey,
        boolean delete,
        String productCode,
        String region,
        long orderedAtMillis,
        BigDecimal units,
        BigDecimal revenue,
        BigDecimal fulfilled)
        implements Versioned, SeriesKeyed {

    /** A line that does not report its fulfilled quantity. */
    public SalesLineChange(String lineKey, boolean delete, String productCode, String region, long orderedAtMillis,
            BigDecimal units, BigDecimal revenue) {
        this(lineKey, delete, productCode, region, orderedAtMillis, units, revenue, null);
    }

    /**
     * Whether two versions of a line count the same in the demand series (same series, order time,
     * units and revenue): a change of the fulfilled quantity alone is not a demand correction.
     */
    public boolean sameDemand(SalesLineChange other) {
        return delete == other.delete && java.util.Objects.equals(productCode, other.productCode)
                && java.util.Objects.equals(region, other.region) && orderedAtMillis == other.orderedAtMillis
                && java.util.Objects.equals(units, other.units) && java.util.Objects.equals(revenue, other.revenue);
    }
}
