package io.flowcast.operators;

import io.flowcast.accuracy.TargetWeek;
import io.flowcast.records.ForecastError;
import io.flowcast.records.SeriesForecast;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.WeeklyPoint;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by demand series ({@code product|region}): meets each week's forecast, made
 * {@code leadWeeks} before it, with the week's actual totals when the week closes, and emits one
 * {@link ForecastError} per channel.
 *
 * <p>Either side may come first: forecasts are fitted asynchronously, and a replay closes weeks
 * faster than models fit, so both are kept per target week until the other arrives. A corrected
 * week (late or amended order lines) is scored again. Weeks older than the newest closed week
 * minus {@code keepWeeks} are dropped; a series that closes no week for {@code keepWeeks} is cleared.
 */
public final class AccuracyTracker extends KeyedCoProcessFunction<SeriesKey, SeriesForecast, WeeklyPoint, ForecastError> {

    private static final long serialVersionUID = 1L;

    static final String TARGETS = "target-weeks";
    static final String NEWEST = "newest-closed-week";
    private static final String UNITS = "units";
    private static final String REVENUE = "revenue";

    private final int leadWeeks;
    private final int keepWeeks;
    private transient MapState<Long, TargetWeek> targets;
    private transient ValueState<Long> newestWeek;

    /**
     * @param leadWeeks which step of each forecast is scored (1 = the next week)
     * @param keepWeeks how long a scored week is kept for corrections of its actuals
     */
    public AccuracyTracker(int leadWeeks, int keepWeeks) {
        if (leadWeeks < 1 || keepWeeks < 1) {
            throw new IllegalArgumentException("leadWeeks and keepWeeks must be positive");
        }
        this.leadWeeks = leadWeeks;
        this.keepWeeks = keepWeeks;
    }

    @Override
    public void open(OpenContext openContext) {
        targets = getRuntimeContext().getMapState(new MapStateDescriptor<>(TARGETS, Types.LONG, Types.POJO(TargetWeek.class)));
        newestWeek = getRuntimeContext().getState(new ValueStateDescriptor<>(NEWEST, Types.LONG));
    }

    @Override
    public void processElement1(SeriesForecast f, Context ctx, Collector<ForecastError> out) throws Exception {
        if (f.yhat().length < leadWeeks) {
            return;
        }
        long target = f.originWeekEpochDay() + 7L * leadWeeks;
        if (tooOld(target)) {
            return;
        }
        TargetWeek t = orNew(targets.get(target));
        double yhat = f.yhat()[leadWeeks - 1];
        if (UNITS.equals(f.channel())) {
            t.unitsForecast = yhat;
            t.unitsMethod = f.method();
        } else if (REVENUE.equals(f.channel())) {
            t.revenueForecast = yhat;
            t.revenueMethod = f.method();
        } else {
            return;
        }
        t.modelVersion = f.modelVersion();
        targets.put(target, t);
        if (t.hasActual()) {
            emit(ctx.getCurrentKey(), target, t, f.channel(), out);
        }
    }

    @Override
    public void processElement2(WeeklyPoint p, Context ctx, Collector<ForecastError> out) throws Exception {
        long week = p.weekStartEpochDay();
        if (tooOld(week)) {
            return; // corrects a week whose forecast is no longer kept
        }
        TargetWeek t = orNew(targets.get(week));
        t.unitsActual = p.units().doubleValue();
        t.revenueActual = p.revenue().doubleValue();
        targets.put(week, t);
        emit(ctx.getCurrentKey(), week, t, UNITS, out);
        emit(ctx.getCurrentKey(), week, t, REVENUE, out);
        Long newest = newestWeek.value();
        if (newest == null || week > newest) {
            newestWeek.update(week);
            dropBetween(newest == null ? week : newest, week);
            ctx.timerService().registerEventTimeTimer(WeeklyAggregator.weekEnd(week + 7L * keepWeeks));
        }
    }

    /** Clears the series once it has closed no week for {@code keepWeeks} (the aggregator dropped it as idle). */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ForecastError> out) throws Exception {
        Long newest = newestWeek.value();
        if (newest != null && WeeklyAggregator.weekEnd(newest + 7L * keepWeeks) <= timestamp) {
            targets.clear();
            newestWeek.clear();
        }
    }

    private void emit(SeriesKey series, long week, TargetWeek t, String channel, Collector<ForecastError> out) {
        boolean units = UNITS.equals(channel);
        double forecast = units ? t.unitsForecast : t.revenueForecast;
        if (Double.isNaN(forecast) || !t.hasActual()) {
            return;
        }
        out.collect(new ForecastError(series.productCode(), series.region(), week, channel,
                week - 7L * leadWeeks, leadWeeks, units ? t.unitsMethod : t.revenueMethod, t.modelVersion,
                units ? t.unitsActual : t.revenueActual, forecast));
    }

    /** True if {@code week} is older than the newest closed week minus {@code keepWeeks}. */
    private boolean tooOld(long week) throws Exception {
        Long newest = newestWeek.value();
        return newest != null && week < newest - 7L * keepWeeks;
    }

    /**
     * Removes the weeks that fall behind the kept span when the newest closed week moves from
     * {@code previous} to {@code newest}: one point removal per week moved (weeks close one at a
     * time; a series idle for longer than the span is cleared by the timer first), no scan.
     */
    private void dropBetween(long previous, long newest) throws Exception {
        for (long week = previous - 7L * keepWeeks; week < newest - 7L * keepWeeks; week += 7) {
            targets.remove(week);
        }
    }

    private static TargetWeek orNew(TargetWeek t) {
        return t == null ? new TargetWeek() : t;
    }
}
