package io.flowcast.operators;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.records.AbcClass;
import io.flowcast.records.RedisWrite;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.MapFunction;

/** {@code ml:class:{product}}: the product's ABC class, revenue share and week, with a TTL. */
public final class AbcCacheWrites implements MapFunction<AbcClass, RedisWrite> {

    private static final long serialVersionUID = 1L;

    private final Duration ttl;

    public AbcCacheWrites(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public RedisWrite map(AbcClass a) {
        return RedisWrite.hash(RedisKeys.productClass(a.productCode()), ttl.toSeconds(),
                "abc", String.valueOf(a.abc()),
                "revenue_share", Double.toString(a.revenueShare()),
                "as_of_week", LocalDate.ofEpochDay(a.weekStartEpochDay()).toString());
    }
}
