package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.float8;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.AbcClass;
import java.util.List;

/** {@code abc_classes}: ABC class per product and week (a re-ranking of the same week overwrites it). */
public final class AbcClassesTable implements UnnestTable<AbcClass> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.abc_classes";
    }

    @Override
    public List<UnnestColumn<AbcClass>> columns() {
        return List.of(
                text("product_code", AbcClass::productCode),
                date("as_of_week", AbcClass::weekStartEpochDay),
                text("abc", a -> String.valueOf(a.abc())),
                float8("revenue_share", AbcClass::revenueShare));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (product_code, as_of_week) DO UPDATE SET abc = EXCLUDED.abc, revenue_share = EXCLUDED.revenue_share";
    }

    @Override
    public Object key(AbcClass a) {
        return List.of(a.productCode(), a.weekStartEpochDay());
    }
}
