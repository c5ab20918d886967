package io.flowcast.aggregate;

import java.io.Serializable;
import java.time.Duration;

/**
 * Redis cache lifetimes (seed 004 / DESIGN section 4) and how long keyed state remembers what it
 * needs to correct aggregates when an old transaction is updated or deleted.
 *
 * @param realtimeTtl TTL of {@code inventory:realtime:{product}} (1 h)
 * @param dailyTtl TTL of {@code agg:daily:{product}:{date}} (7 d)
 * @param monthlyTtl TTL of {@code agg:monthly:{product}:{yyyy-mm}} (365 d)
 * @param transactionStateTtl how long a transaction's last version is kept to undo it on update/delete
 * @param dailyStateTtl how long a day's running totals are kept in state
 * @param monthlyStateTtl how long a month's running totals are kept in state
 */
public record InventoryCacheOptions(
        Duration realtimeTtl,
        Duration dailyTtl,
        Duration monthlyTtl,
        Duration transactionStateTtl,
        Duration dailyStateTtl,
        Duration monthlyStateTtl)
        implements Serializable {

    public static InventoryCacheOptions defaults() {
        return new InventoryCacheOptions(
                Duration.ofHours(1),
                Duration.ofDays(7),
                Duration.ofDays(365),
                Duration.ofDays(35),
                Duration.ofDays(35),
                Duration.ofDays(400));
    }
}
