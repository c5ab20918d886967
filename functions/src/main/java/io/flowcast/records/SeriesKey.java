package io.flowcast.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The key of a demand series: one product in one sales region. Every keyed operator of
 * DemandForecastJob is keyed by it ({@link SeriesKeyed}, {@code operators.SeriesKeys}); it
 * travels and sits in state through {@link SeriesKeySerializer} (two strings, no class names).
 */
@TypeInfo(SeriesKeySerializer.TypeInfoFactory.class)
public record SeriesKey(String productCode, String region) {

    /** {@code product/region}, for log lines and dead-letter details only (never parsed back). */
    @Override
    public String toString() {
        return productCode + "/" + region;
    }
}
