package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.float8;
import static io.flowcast.sinks.UnnestColumn.int4;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.AccuracyRow;
import java.util.List;

/** {@code forecast_accuracy}: rolling accuracy per product or region, week and channel (undefined MAPE / R2 as NULL). */
public final class ForecastAccuracyTable implements UnnestTable<AccuracyRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.forecast_accuracy";
    }

    @Override
    public List<UnnestColumn<AccuracyRow>> columns() {
        return List.of(
                text("scope", AccuracyRow::scope),
                text("scope_key", AccuracyRow::scopeKey),
                date("as_of_week", AccuracyRow::asOfWeekEpochDay),
                text("channel", AccuracyRow::channel),
                int4("window_days", AccuracyRow::windowDays),
                int4("samples", AccuracyRow::samples),
                float8("mae", AccuracyRow::mae),
                float8("mape", AccuracyRow::mape),
                float8("r2", AccuracyRow::r2));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (scope, scope_key, as_of_week, channel) DO UPDATE SET"
                + " window_days = EXCLUDED.window_days, samples = EXCLUDED.samples, mae = EXCLUDED.mae,"
                + " mape = EXCLUDED.mape, r2 = EXCLUDED.r2, updated_at = now()";
    }

    @Override
    public Object key(AccuracyRow a) {
        return List.of(a.scope(), a.scopeKey(), a.asOfWeekEpochDay(), a.channel());
    }
}
