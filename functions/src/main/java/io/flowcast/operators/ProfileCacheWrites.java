package io.flowcast.operators;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.RedisWrite;
import java.time.Duration;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The Redis view of a demand profile: {@code ml:features:{product}:{region}} (the feature JSON)
 * and {@code ml:class:{product}:{region}} (pattern and XYZ), as absolute values with a TTL.
 */
public final class ProfileCacheWrites implements FlatMapFunction<DemandProfile, RedisWrite> {

    private static final long serialVersionUID = 1L;

    private final Duration ttl;

    public ProfileCacheWrites(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void flatMap(DemandProfile p, Collector<RedisWrite> out) {
        long seconds = ttl.toSeconds();
        out.collect(RedisWrite.string(RedisKeys.features(p.productCode(), p.region()), p.featuresJson(), seconds));
        out.collect(RedisWrite.hash(RedisKeys.demandClass(p.productCode(), p.region()), seconds,
                "pattern", p.pattern(), "xyz", p.xyz(), "as_of_week", java.time.LocalDate.ofEpochDay(p.weekStartEpochDay()).toString()));
    }
}
