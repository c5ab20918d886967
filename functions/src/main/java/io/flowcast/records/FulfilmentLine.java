package io.flowcast.records;

import java.math.BigDecimal;

/**
 * The slice of a sales-order line the service level and the stock KPIs need: ordered and
 * fulfilled units, keyed by the line's natural key. A version of its own (rather than more
 * fields on {@link SalesLineChange}) so that a fulfilment update does not count as a correction of
 * the weekly demand series.
 *
 * @param lineKey natural key of the order line ({@code numero_pedido} and {@code item})
 * @param delete true for a deleted line (then only {@code lineKey} is meaningful)
 * @param ordered {@code quantidade}
 * @param fulfilled {@code quantidade_atendida}; null when the line does not report it
 */
public record FulfilmentLine(
        String lineKey,
        boolean delete,
        String productCode,
        String region,
        long orderedAtMillis,
        BigDecimal ordered,
        BigDecimal fulfilled)
        implements Versioned {}
