package io.flowcast.records;

import java.math.BigDecimal;

/**
 * What the inventory KPIs of a demand series ({@code product|region}) are made of, on one stream:
 * an order line entering or leaving the series' weekly fulfilment sums, or a stock level of the
 * warehouse serving the region.
 *
 * @param eventTimeMillis order time of a line; {@code data_atualizacao} of a stock level (commit
 *     time for a deleted stock row)
 * @param sign +1 / -1 for a line version entering / leaving its week; 0 for stock
 * @param ordered ordered units of a line (stock: null)
 * @param fulfilled fulfilled units of a line, null when the line does not report them (stock: null)
 * @param onHand {@code quantidade_disponivel} of a stock level (lines and deleted rows: null)
 * @param averageCost {@code custo_medio} of a stock level, null when absent
 */
public record InventorySignal(
        Kind kind,
        String productCode,
        String region,
        long eventTimeMillis,
        int sign,
        BigDecimal ordered,
        BigDecimal fulfilled,
        BigDecimal onHand,
        BigDecimal averageCost) implements SeriesKeyed {

    public enum Kind {
        ORDER_LINE,
        STOCK_LEVEL,
        STOCK_DELETED
    }
}
