package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.float8;
import static io.flowcast.sinks.UnnestColumn.jsonb;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.DemandProfile;
import java.util.List;

/** {@code feature_store}: the latest feature vector per series (the caller sends changed vectors only); the newest week wins. */
public final class FeatureStoreTable implements UnnestTable<DemandProfile> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.feature_store";
    }

    @Override
    public List<UnnestColumn<DemandProfile>> columns() {
        return List.of(
                text("product_code", DemandProfile::productCode),
                text("region", DemandProfile::region),
                date("as_of_week", DemandProfile::weekStartEpochDay),
                jsonb("features", DemandProfile::featuresJson),
                float8("quality_score", p -> p.features().qualityScore()),
                text("content_hash", DemandProfile::contentHash));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (product_code, region) DO UPDATE SET"
                + " as_of_week = EXCLUDED.as_of_week, features = EXCLUDED.features, quality_score = EXCLUDED.quality_score,"
                + " content_hash = EXCLUDED.content_hash, updated_at = now()"
                + " WHERE feature_store.as_of_week <= EXCLUDED.as_of_week";
    }

    /** One row per series: within a flush the later vector wins (weeks of a series arrive in order). */
    @Override
    public Object key(DemandProfile p) {
        return p.series();
    }
}
