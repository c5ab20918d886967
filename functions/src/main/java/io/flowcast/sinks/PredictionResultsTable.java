package io.flowcast.sinks;

import static io.flowcast.sinks.UnnestColumn.date;
import static io.flowcast.sinks.UnnestColumn.float8;
import static io.flowcast.sinks.UnnestColumn.int4;
import static io.flowcast.sinks.UnnestColumn.text;

import io.flowcast.records.PredictionRow;
import java.util.List;

/**
 * {@code prediction_results}: every forecast makes 2 channels x horizon rows per series, the
 * job's largest output; keyed by series, origin week, channel, step, method, model version and
 * request ({@code ''} for scheduled forecasts), so a replay rewrites its rows.
 */
public final class PredictionResultsTable implements UnnestTable<PredictionRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public String table() {
        return "flowcast.prediction_results";
    }

    @Override
    public List<UnnestColumn<PredictionRow>> columns() {
        return List.of(
                text("product_code", PredictionRow::productCode),
                text("region", PredictionRow::region),
                date("origin_week", PredictionRow::originWeekEpochDay),
                text("channel", PredictionRow::channel),
                int4("step", PredictionRow::step),
                date("target_week", PredictionRow::targetWeekEpochDay),
                text("method", PredictionRow::method),
                text("model_version", PredictionRow::modelVersion),
                float8("yhat", PredictionRow::yhat),
                float8("lo80", PredictionRow::lo80),
                float8("hi80", PredictionRow::hi80),
                text("explanation", PredictionRow::explanation),
                text("request_id", r -> r.requestId() == null ? "" : r.requestId()));
    }

    @Override
    public String onConflict() {
        return "ON CONFLICT (product_code, region, origin_week, channel, step, method, model_version, request_id) DO UPDATE SET"
                + " target_week = EXCLUDED.target_week, yhat = EXCLUDED.yhat, lo80 = EXCLUDED.lo80, hi80 = EXCLUDED.hi80,"
                + " explanation = EXCLUDED.explanation";
    }

    @Override
    public Object key(PredictionRow r) {
        return List.of(r.productCode(), r.region(), r.originWeekEpochDay(), r.channel(), r.step(), r.method(),
                r.modelVersion(), r.requestId() == null ? "" : r.requestId());
    }
}
