package io.flowcast.generator;

import java.math.BigDecimal;

/**
 * Static attributes of one synthetic product: what the product master snapshot carries plus the
 * supplier the replenishment policy buys from.
 */
record ProductProfile(
        int index,
        String code,
        String description,
        String category,
        String unit,
        BigDecimal listPrice,
        BigDecimal standardCost,
        int leadTimeDays,
        boolean critical,
        String supplier) {}
