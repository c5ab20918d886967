package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.float8;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.DemandProfile;
import java.util.List;

/** {@code classification_results}: one row per series and closed week (ADI is NULL for a series without demand). */
public final class ClassificationResultsTable implements UnnestTable<DemandProfile> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.classification_results";
    }

    @Override
    public List<UnnestColumn<DemandProfile>> columns() {
        return List.of(
                text("product_code", DemandProfile::productCode),
                text("region", DemandProfile::region),
                date("as_of_week", DemandProfile::weekStartEpochDay),
                text("xyz", DemandProfile::xyz),
                text("pattern", DemandProfile::pattern),
                float8("adi", p -> p.features().adi()),
                float8("cv2", p -> p.features().cv2()),
                float8("cv", p -> p.features().cv()));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (product_code, region, as_of_week) DO UPDATE SET"
                + " xyz = EXCLUDED.xyz, pattern = EXCLUDED.pattern, adi = EXCLUDED.adi, cv2 = EXCLUDED.cv2, cv = EXCLUDED.cv";
    }

    @Override
    public Object key(DemandProfile p) {
        return List.of(p.productCode(), p.region(), p.weekStartEpochDay());
    }
}
