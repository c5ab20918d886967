package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.numeric;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.WeeklyPoint;
import java.util.List;

/**
 * {@code weekly_sales}: totals upserted by series and week (a replay rewrites the same values);
 * {@code corrections} counts flushes that changed a stored week.
 */
public final class WeeklySalesTable implements UnnestTable<WeeklyPoint> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.weekly_sales";
    }

    @Override
    public List<UnnestColumn<WeeklyPoint>> columns() {
        return List.of(
                text("product_code", WeeklyPoint::productCode),
                text("region", WeeklyPoint::region),
                date("week_start", WeeklyPoint::weekStartEpochDay),
                numeric("units", WeeklyPoint::units),
                numeric("revenue", WeeklyPoint::revenue));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (product_code, region, week_start) DO UPDATE SET units = EXCLUDED.units,"
                + " revenue = EXCLUDED.revenue, updated_at = now(),"
                + " corrections = weekly_sales.corrections"
                + " + CASE WHEN (weekly_sales.units, weekly_sales.revenue) IS DISTINCT FROM (EXCLUDED.units, EXCLUDED.revenue)"
                + " THEN 1 ELSE 0 END";
    }

    @Override
    public Object key(WeeklyPoint p) {
        return List.of(p.productCode(), p.region(), p.weekStartEpochDay());
    }
}
