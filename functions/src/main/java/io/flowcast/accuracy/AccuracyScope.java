package io.flowcast.accuracy;

import io.flowcast.records.ForecastError;
import org.apache.flink.api.java.functions.KeySelector;

/** What rolling accuracy is grouped by: a product (over its regions) or a region (over its products). */
public enum AccuracyScope {
    PRODUCT,
    REGION;

    /** The value written to {@code forecast_accuracy.scope}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String keyOf(ForecastError e) {
        return this == PRODUCT ? e.productCode() : e.region();
    }

    /** The series' other coordinate: the region within a product, the product within a region. */
    public String memberOf(ForecastError e) {
        return this == PRODUCT ? e.region() : e.productCode();
    }

    public KeySelector<ForecastError, String> keySelector() {
        return this == PRODUCT ? new ByProduct() : new ByRegion();
    }

    private static final class ByProduct implements KeySelector<ForecastError, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ForecastError e) {
            return e.productCode();
        }
    }

    private static final class ByRegion implements KeySelector<ForecastError, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ForecastError e) {
            return e.region();
        }
    }
}
