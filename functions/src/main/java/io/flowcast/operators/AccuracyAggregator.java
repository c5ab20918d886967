package io.flowcast.operators;

import io.flowcast.accuracy.AccuracyScope;
import io.flowcast.accuracy.ErrorHistory;
import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.forecast.metrics.Metrics;
import io.flowcast.records.AccuracyAlert;
import io.flowcast.records.AccuracyRow;
import io.flowcast.records.ForecastError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Rolling forecast accuracy of one product (over its regions) or one region (over its products):
 * MAE, MAPE and R2 of the forecast errors whose target week lies in the window ending with a
 * closed week, per channel. Each series' scored weeks are kept in a ring as long as the weekly
 * aggregator can correct them ({@link ErrorHistory}), so a correction recomputes exactly.
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

    static final String ERRORS = "errors-by-member-and-channel";
    static final String NEWEST = "newest-target-week";
    static final String COMPUTED = "newest-computed-week";
    private static final String[] CHANNELS = {"units", "revenue"};

    private final AccuracyScope scope;
    private final int windowWeeks;
    private final double mapeThreshold;
    private final int minSamples;

    private transient MapState<String, ErrorHistory> errors;
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
                new MapStateDescriptor<>(ERRORS, Types.STRING, Types.POJO(ErrorHistory.class)));
        newestWeek = getRuntimeContext().getState(new ValueStateDescriptor<>(NEWEST, Types.LONG));
        computedThrough = getRuntimeContext().getState(new ValueStateDescriptor<>(COMPUTED, Types.LONG));
        alerts = getRuntimeContext().getMetricGroup().counter("accuracyAlerts");
    }

    @Override
    public void processElement(ForecastError e, Context ctx, Collector<AccuracyRow> out) throws Exception {
        long week = e.targetWeekEpochDay();
        String member = scope.memberOf(e) + '|' + e.channel();
        ErrorHistory history = errors.get(member);
        if (history == null) {
            history = ErrorHistory.startingAt(week);
        }
        history.put(week, e.actual(), e.forecast());
        errors.put(member, history);
        Long stored = newestWeek.value();
        long newest = stored == null ? week : Math.max(stored, week);
        newestWeek.update(newest);
        // Every closed week whose window holds this one (just this week, unless it was corrected).
        for (long asOf = week; asOf <= Math.min(newest, week + 7L * (windowWeeks - 1)); asOf += 7) {
            ctx.timerService().registerEventTimeTimer(WeeklyAggregator.weekEnd(asOf));
        }
        // Clears the key once nothing has been scored for as long as the rings hold.
        ctx.timerService().registerEventTimeTimer(WeeklyAggregator.weekEnd(newest + 7L * ErrorHistory.CAPACITY));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AccuracyRow> out) throws Exception {
        long asOf = WeeklyHistory.weekOf(timestamp);
        long oldest = asOf - 7L * (windowWeeks - 1);
        Long stored = newestWeek.value();
        if (stored == null) {
            return;
        }
        long newest = stored;
        if (asOf > newest) { // a clean-up timer: weeks are computed up to the newest scored one
            if (asOf >= newest + 7L * ErrorHistory.CAPACITY) {
                errors.clear();
                newestWeek.clear();
                computedThrough.clear();
            }
            return;
        }
        if ((newest - oldest) / 7 >= ErrorHistory.CAPACITY) {
            return; // a correction older than the rings hold: its window can no longer be complete
        }
        List<String> expired = new ArrayList<>();
        Map<String, List<double[]>> byChannel = new HashMap<>();
        for (Map.Entry<String, ErrorHistory> entry : errors.entries()) {
            ErrorHistory h = entry.getValue();
            if (newest - h.newestWeek >= 7L * ErrorHistory.CAPACITY) {
                expired.add(entry.getKey()); // nothing scored for longer than the ring holds
                continue;
            }
            String channel = entry.getKey().substring(entry.getKey().lastIndexOf('|') + 1);
            for (long week = oldest; week <= asOf; week += 7) {
                double a = h.actualOf(week);
                if (!Double.isNaN(a)) {
                    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(new double[] {a, h.forecastOf(week)});
                }
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
        for (String channel : CHANNELS) {
            emit(ctx.getCurrentKey(), asOf, channel, byChannel.getOrDefault(channel, List.of()), recomputed, ctx, out);
        }
    }

    private void emit(String key, long asOf, String channel, List<double[]> window, boolean recomputed,
            OnTimerContext ctx, Collector<AccuracyRow> out) {
        if (window.isEmpty()) {
            return;
        }
        double[] actual = new double[window.size()];
        double[] forecast = new double[window.size()];
        int nonZero = 0;
        for (int i = 0; i < actual.length; i++) {
            actual[i] = window.get(i)[0];
            forecast[i] = window.get(i)[1];
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
}
