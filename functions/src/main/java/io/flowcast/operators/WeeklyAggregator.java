package io.flowcast.operators;

import io.flowcast.aggregate.ForecastCadence;
import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.forecast.Weeks;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.Delta;
import io.flowcast.records.ForecastRequest;
import io.flowcast.records.SalesLineChange;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesRevenue;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.records.WeeklyPoint;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by demand series ({@link SeriesKey}): sums order lines into ISO weeks (units and
 * revenue) in a 104-week ring, and emits each week once the watermark has passed its end,
 * including weeks without sales (intermittent series need their zeros).
 *
 * <p>Updates and deletes arrive as -1/+1 {@link Delta}s, so an amended or cancelled line changes
 * its week's totals. A line for a week that has already been emitted (late, or amended later)
 * corrects that week and re-emits it as a correction, as long as the week is still in the ring;
 * older ones are counted in {@code weeklyLateDropped}. A series without lines for
 * {@code idleWeeks} weeks is dropped from state and stops emitting.
 *
 * <p>Forecast requests (second input, keyed by the same series) are answered here because the
 * history they need is this operator's state: a request becomes a snapshot of the series as of
 * its last closed week, with the request's id and horizon, on {@link #REQUEST_SNAPSHOTS}; a copy
 * of the history in another operator would double the state and could lag behind corrections.
 * A series without a closed week goes to {@link ForecastRequests#DEAD_LETTERS}. Requests change
 * no state and register no timer.
 */
public final class WeeklyAggregator extends KeyedCoProcessFunction<SeriesKey, Delta<SalesLineChange>, ForecastRequest, WeeklyPoint> {

    private static final long serialVersionUID = 1L;

    /** The series' history after each week close (the newest closed week when several close at once). */
    public static final OutputTag<SeriesSnapshot> SNAPSHOTS = new OutputTag<>("series-snapshots") {};

    /** The week closes the {@link ForecastCadence} picks for a scheduled forecast. */
    public static final OutputTag<SeriesSnapshot> FORECAST_SNAPSHOTS = new OutputTag<>("forecast-snapshots") {};

    /** The series' trailing-year revenue at each close, and its retirement when dropped as idle (global ABC ranking). */
    public static final OutputTag<SeriesRevenue> REVENUE = new OutputTag<>("series-revenue") {};

    /** The series' history as of its last closed week, for one forecast request. */
    public static final OutputTag<SeriesSnapshot> REQUEST_SNAPSHOTS = new OutputTag<>("request-snapshots") {};

    static final String HISTORY = "weekly-history";

    private final int idleWeeks;
    private final ForecastCadence cadence;
    private final String job;
    private transient ValueState<WeeklyHistory> history;
    private transient Counter lateDropped;
    private transient Counter corrections;
    private transient Counter idleSeriesDropped;
    private transient Counter requestsAnswered;
    private transient Counter requestsRejected;

    /** Forecasts every week close (see {@link ForecastCadence#everyWeek()}). */
    public WeeklyAggregator(int idleWeeks, String job) {
        this(idleWeeks, ForecastCadence.everyWeek(), job);
    }

    /** @param job names the job in dead letters of rejected requests */
    public WeeklyAggregator(int idleWeeks, ForecastCadence cadence, String job) {
        this.idleWeeks = idleWeeks;
        this.cadence = cadence;
        this.job = job;
    }

    @Override
    public void open(OpenContext openContext) {
        history = getRuntimeContext().getState(new ValueStateDescriptor<>(HISTORY, Types.POJO(WeeklyHistory.class)));
        lateDropped = getRuntimeContext().getMetricGroup().counter("weeklyLateDropped");
        corrections = getRuntimeContext().getMetricGroup().counter("weeklyCorrections");
        idleSeriesDropped = getRuntimeContext().getMetricGroup().counter("weeklyIdleSeriesDropped");
        requestsAnswered = getRuntimeContext().getMetricGroup().counter("forecastRequestsAnswered");
        requestsRejected = getRuntimeContext().getMetricGroup().counter("forecastRequestsRejected");
    }

    @Override
    public void processElement1(Delta<SalesLineChange> delta, Context ctx, Collector<WeeklyPoint> out) throws Exception {
        SalesLineChange line = delta.version();
        long week = WeeklyHistory.weekOf(line.orderedAtMillis());
        WeeklyHistory h = history.value();
        if (h == null) {
            h = WeeklyHistory.startingAt(week);
            ctx.timerService().registerEventTimeTimer(weekEnd(week));
        }
        h.advanceTo(week);
        if (!h.holds(week)) {
            lateDropped.inc();
            return;
        }
        long previousFirst = h.firstWeek;
        h.add(week, delta.sign(), line.units(), line.revenue());
        if (week < h.nextWeekToEmit) {
            corrections.inc();
            out.collect(point(ctx.getCurrentKey(), h, week, true));
            // A line older than the series' first week extends the series backwards: the weeks
            // between are part of it now, as zeros, so the stored series has no holes.
            for (long gap = week + 7; gap < previousFirst; gap += 7) {
                out.collect(point(ctx.getCurrentKey(), h, gap, true));
            }
        }
        history.update(h);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WeeklyPoint> out) throws Exception {
        WeeklyHistory h = history.value();
        if (h == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            forecastSettledClose(h, timestamp, ctx);
            return;
        }
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        // At the end of a bounded input every week with data closes; otherwise the timer's week.
        long closedWeek = endOfInput ? Math.max(WeeklyHistory.weekOf(timestamp), h.newestWeek) : WeeklyHistory.weekOf(timestamp);
        h.advanceTo(closedWeek);
        for (long week = h.nextWeekToEmit; week <= closedWeek; week += 7) {
            out.collect(point(ctx.getCurrentKey(), h, week, false));
        }
        h.nextWeekToEmit = Math.max(h.nextWeekToEmit, closedWeek + 7);
        int weeks = h.length(closedWeek);
        SeriesKey series = ctx.getCurrentKey();
        SeriesSnapshot snapshot = new SeriesSnapshot(series.productCode(), series.region(), closedWeek,
                h.unitsSeries(closedWeek, weeks), h.revenueSeries(closedWeek, weeks));
        ctx.output(SNAPSHOTS, snapshot);
        long now = ctx.timerService().currentProcessingTime();
        h.lastCloseMillis = now;
        if (cadence.dueAtClose(closedWeek, h.lastForecastWeek, now, endOfInput)) {
            h.lastForecastWeek = closedWeek;
            ctx.output(FORECAST_SNAPSHOTS, snapshot);
        } else if (!endOfInput) {
            // Rounded up to the settle interval: a replay's many closes of one series share a timer.
            long settle = Math.max(1, cadence.settleMillis());
            ctx.timerService().registerProcessingTimeTimer((now / settle + 2) * settle);
        }
        boolean idle = (closedWeek - h.lastActiveWeek) / 7 >= idleWeeks;
        ctx.output(REVENUE, new SeriesRevenue(series.productCode(), series.region(), closedWeek,
                idle ? 0 : h.trailingRevenue(closedWeek, Weeks.SEASON), idle));
        if (idle) {
            idleSeriesDropped.inc();
            history.clear();
            return;
        }
        history.update(h);
        // The end of input does not invent empty weeks after the last one with data.
        if (!endOfInput) {
            ctx.timerService().registerEventTimeTimer(weekEnd(closedWeek + 7));
        }
    }

    @Override
    public void processElement2(ForecastRequest request, Context ctx, Collector<WeeklyPoint> out) throws Exception {
        WeeklyHistory h = history.value();
        long lastClosed = h == null ? 0 : h.nextWeekToEmit - 7;
        if (h == null || lastClosed < h.firstWeek || !h.holds(lastClosed)) {
            requestsRejected.inc();
            ctx.output(ForecastRequests.DEAD_LETTERS, ForecastRequests.deadLetter(job, request, DeadLetterReason.UNKNOWN_SERIES,
                    h == null ? "no sales history for " + request.series() : "no closed week yet for " + request.series()));
            return;
        }
        requestsAnswered.inc();
        int weeks = h.length(lastClosed);
        ctx.output(REQUEST_SNAPSHOTS, new SeriesSnapshot(request.productCode(), request.region(), lastClosed,
                h.unitsSeries(lastClosed, weeks), h.revenueSeries(lastClosed, weeks), Long.toString(request.requestId()), request.horizon()));
    }

    /**
     * A settle timer: the series' newest close went without a forecast; if no close has come since
     * for the settle interval (the replay caught up or paused), that close gets its forecast now.
     */
    private void forecastSettledClose(WeeklyHistory h, long now, OnTimerContext ctx) throws Exception {
        long lastClosed = h.nextWeekToEmit - 7;
        if (h.lastForecastWeek >= lastClosed || now - h.lastCloseMillis < cadence.settleMillis() || !h.holds(lastClosed)) {
            return;
        }
        h.lastForecastWeek = lastClosed;
        history.update(h);
        int weeks = h.length(lastClosed);
        SeriesKey series = ctx.getCurrentKey();
        ctx.output(FORECAST_SNAPSHOTS, new SeriesSnapshot(series.productCode(), series.region(), lastClosed,
                h.unitsSeries(lastClosed, weeks), h.revenueSeries(lastClosed, weeks)));
    }

    /** Last millisecond of the week starting on {@code week} (epoch day of its Monday). */
    static long weekEnd(long week) {
        return WeeklyHistory.weekEnd(week);
    }

    private static WeeklyPoint point(SeriesKey series, WeeklyHistory h, long week, boolean correction) {
        return new WeeklyPoint(series.productCode(), series.region(), week,
                h.unitsOf(week), h.revenueOf(week), correction);
    }
}
