package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.float8;
import static io.flowcast.sinks.UnnestColumn.int4;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.ForecastError;
import java.util.List;

/** {@code forecast_errors}: forecasts met by their actuals, one row per series, target week and channel. */
public final class ForecastErrorsTable implements UnnestTable<ForecastError> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.forecast_errors";
    }

    @Override
    public List<UnnestColumn<ForecastError>> columns() {
        return List.of(
                text("product_code", ForecastError::productCode),
                text("region", ForecastError::region),
                date("target_week", ForecastError::targetWeekEpochDay),
                text("channel", ForecastError::channel),
                date("origin_week", ForecastError::originWeekEpochDay),
                int4("lead_weeks", ForecastError::leadWeeks),
                text("method", ForecastError::method),
                text("model_version", ForecastError::modelVersion),
                float8("actual", ForecastError::actual),
                float8("forecast", ForecastError::forecast));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (product_code, region, target_week, channel) DO UPDATE SET origin_week = EXCLUDED.origin_week,"
                + " lead_weeks = EXCLUDED.lead_weeks, method = EXCLUDED.method, model_version = EXCLUDED.model_version,"
                + " actual = EXCLUDED.actual, forecast = EXCLUDED.forecast, updated_at = now()";
    }

    @Override
    public Object key(ForecastError e) {
        return List.of(e.productCode(), e.region(), e.targetWeekEpochDay(), e.channel());
    }
}
