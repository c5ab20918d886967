package io.flowcast.functions;

import io.flowcast.accuracy.AccuracyScope;
import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.forecast.metrics.Metrics;
import io.flowcast.records.AccuracyAlert;
import io.flowcast.records.AccuracyRow;
import io.flowcast.records.ForecastError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Rolling forecast accuracy of one product (over its regions) or one region (over its products):
 * MAE, MAPE and R2 of the forecast errors whose target week lies in the window ending with a
 * closed week, per channel.
 *
 * <p>A week's accuracy is computed when the watermark passes its end, so every series of the
 * product or region has been scored by then. A corrected week (late order lines) recomputes every
 * week whose window holds it. For products, a MAPE above the threshold (with at least
 * {@code minSamples} non-zero actuals behind it) also leaves an {@link AccuracyAlert}; a recomputed
 * week that no longer passes it clears its alert.
 */
public final class AccuracyAggregator extends KeyedProcessFunction<String, ForecastError, AccuracyRow> {

    private static final long serialVersionUID = 1L;

    /** Products whose MAPE passed the threshold (product scope only). */
    public static final OutputTag<AccuracyAlert> ALERTS = new OutputTag<>("accuracy-alerts") {};

    static final String ERRORS = "errors-by-member-channel-week";
    static final String NEWEST = "newest-target-week";
    static final String COMPUTED = "newest-computed-week";
    private static final String[] CHANNELS = {"units", "revenue"};

    private final AccuracyScope scope;
    private final int windowWeeks;
    private final double mapeThreshold;
    private final int minSamples;

    private transient MapState<String, ForecastError> errors;
    private transient ValueState<Long> newestWeek;
    private transient ValueState<Long> computedThrough;
    private transient Counter alerts;

    /**
     * @param windowWeeks whole weeks in the window (30 days: 4)
     * @param mapeThreshold fraction (0.2 = 20%) a product's MAPE must exceed to raise an alert
     * @param minSamples non-zero actuals a MAPE needs before it can raise an alert
     */
    public AccuracyAggregator(AccuracyScope scope, int windowWeeks, double mapeThreshold, int minSamples) {
        if (windowWeeks < 1) {
            throw new IllegalArgumentException("windowWeeks must be positive");
        }
        this.scope = scope;
        this.windowWeeks = windowWeeks;
        this.mapeThreshold = mapeThreshold;
        this.minSamples = minSamples;
    }

    @Override
    public void open(OpenContext openContext) {
        errors = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(ERRORS, Types.STRING, TypeInformation.of(ForecastError.class)));
        newestWeek = getRuntimeContext().getState(new ValueStateDescriptor<>(NEWEST, Types.LONG));
        computedThrough = getRuntimeContext().getState(new ValueStateDescriptor<>(COMPUTED, Types.LONG));
        alerts = getRuntimeContext().getMetricGroup().counter("accuracyAlerts");
    }

    @Override
    public void processElement(ForecastError e, Context ctx, Collector<AccuracyRow> out) throws Exception {
        long week = e.targetWeekEpochDay();
        errors.put(scope.memberOf(e) + '|' + e.channel() + '|' + week, e);
        Long stored = newestWeek.value();
        long newest = stored == null ? week : Math.max(stored, week);
        newestWeek.update(newest);
        // Every closed week whose window holds this one (just this week, unless it was corrected).
        for (long asOf = week; asOf <= Math.min(newest, week + 7L * (windowWeeks - 1)); asOf += 7) {
            ctx.timerService().registerEventTimeTimer(WeeklyAggregator.weekEnd(asOf));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AccuracyRow> out) throws Exception {
        long asOf = WeeklyHistory.weekOf(timestamp);
        long oldest = asOf - 7L * (windowWeeks - 1);
        long newest = newestWeek.value();
        if (oldest <= newest - 7L * retainedWeeks()) {
            return; // its window is no longer in state
        }
        List<String> expired = new ArrayList<>();
        List<ForecastError> units = new ArrayList<>();
        List<ForecastError> revenue = new ArrayList<>();
        for (Map.Entry<String, ForecastError> entry : errors.entries()) {
            ForecastError e = entry.getValue();
            long week = e.targetWeekEpochDay();
            if (week <= newest - 7L * retainedWeeks()) {
                expired.add(entry.getKey());
            } else if (week >= oldest && week <= asOf) {
                (e.channel().equals(CHANNELS[0]) ? units : revenue).add(e);
            }
        }
        for (String key : expired) {
            errors.remove(key);
        }
        Long computed = computedThrough.value();
        boolean recomputed = computed != null && asOf <= computed;
        if (!recomputed) {
            computedThrough.update(asOf);
        }
        emit(ctx.getCurrentKey(), asOf, CHANNELS[0], units, recomputed, ctx, out);
        emit(ctx.getCurrentKey(), asOf, CHANNELS[1], revenue, recomputed, ctx, out);
    }

    private void emit(String key, long asOf, String channel, List<ForecastError> window, boolean recomputed,
            OnTimerContext ctx, Collector<AccuracyRow> out) {
        if (window.isEmpty()) {
            return;
        }
        double[] actual = new double[window.size()];
        double[] forecast = new double[window.size()];
        int nonZero = 0;
        for (int i = 0; i < actual.length; i++) {
            actual[i] = window.get(i).actual();
            forecast[i] = window.get(i).forecast();
            nonZero += actual[i] != 0 ? 1 : 0;
        }
        double mape = Metrics.mape(actual, forecast);
        out.collect(new AccuracyRow(scope.label(), key, asOf, channel, 7 * windowWeeks, actual.length,
                Metrics.mae(actual, forecast), mape, Metrics.rSquared(actual, forecast)));
        if (scope != AccuracyScope.PRODUCT) {
            return;
        }
        boolean raised = nonZero >= minSamples && mape > mapeThreshold;
        if (raised) {
            alerts.inc();
        }
        // A recomputed week may have raised an alert before: a clear removes it.
        if (raised || recomputed) {
            ctx.output(ALERTS, new AccuracyAlert(key, asOf, channel, mape, mapeThreshold, nonZero, raised));
        }
    }

    /** Weeks of errors kept behind the newest: the window twice, so corrected weeks can be recomputed. */
    private int retainedWeeks() {
        return 2 * windowWeeks;
    }
}
