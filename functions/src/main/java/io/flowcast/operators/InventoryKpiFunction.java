package io.flowcast.operators;

import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.features.InventoryKpis;
import io.flowcast.records.InventorySignal;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by demand series ({@code product|region}): joins each week-close snapshot with the
 * series' inventory state and emits it with its {@link InventoryKpis}.
 *
 * <p>Input 1 is the snapshots of {@link WeeklyAggregator}; input 2 the order lines' fulfilment
 * (+1/-1 per line version) and the stock levels of the warehouse serving the region. A snapshot
 * waits until this operator's watermark, the minimum of the order-time and stock-time
 * watermarks, passes the end of its week, so that the stock "at week close" is the latest stock
 * row up to that instant and every order line of the window has arrived. A quiet stock stream is
 * marked idle upstream ({@link StockLevelWatermarks}) and then does not hold snapshots back.
 *
 * <p>Data that arrives after its week closed (an order line amended or cancelled days later, a
 * stock row from a stream that was idle) corrects the last closed snapshot: it is emitted again
 * with recomputed KPIs (metric {@code kpiCorrections}), as {@code weekly_sales} rewrites a
 * corrected week, so the stored features end up equal to the KPIs of the final data whatever
 * the arrival order.
 *
 * <p>State per series, bounded by the window: pending snapshots and the last closed one;
 * fulfilled and ordered units per order week (exact fixed point, thousandths) from the last
 * closed week's full window on; the latest stock row per week of change, for those weeks plus
 * the newest one before them (the level those weeks start from). Order lines older than that
 * window are counted in {@code kpiLateOrderLines} and dropped. Before a series' first
 * close, stock rows older than the watermark's window are pruned the same way, so stock keys of a
 * warehouse whose region sells nothing of the product keep a few rows: bounded by the stock table.
 */
public final class InventoryKpiFunction extends KeyedCoProcessFunction<SeriesKey, SeriesSnapshot, InventorySignal, KpiSnapshot> {

    private static final long serialVersionUID = 1L;

    static final String PENDING = "pending-snapshots";
    static final String FULFILMENT = "weekly-fulfilment";
    static final String STOCK = "stock-by-week";
    static final String LAST_CLOSED = "last-closed-snapshot";
    private static final int FULFILLED = 0;
    private static final int ORDERED = 1;
    private static final double UNITS_PER_FIXED = Math.pow(10, WeeklyHistory.UNITS_SCALE);

    private final int windowWeeks;
    private transient MapState<Long, SeriesSnapshot> pending;
    private transient MapState<Long, long[]> fulfilment;
    private transient MapState<Long, InventorySignal> stock;
    private transient ValueState<SeriesSnapshot> lastClosed;
    private transient Counter lateOrderLines;
    private transient Counter corrections;

    /** @param windowWeeks weeks of the KPI window ({@code demand-forecast.kpi-window-weeks}) */
    public InventoryKpiFunction(int windowWeeks) {
        if (windowWeeks < 1) {
            throw new IllegalArgumentException("kpi-window-weeks must be at least 1, got " + windowWeeks);
        }
        this.windowWeeks = windowWeeks;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(PENDING, Types.LONG, TypeInformation.of(SeriesSnapshot.class)));
        fulfilment = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(FULFILMENT, Types.LONG, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        stock = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(STOCK, Types.LONG, TypeInformation.of(InventorySignal.class)));
        lastClosed = getRuntimeContext().getState(
                new ValueStateDescriptor<>(LAST_CLOSED, TypeInformation.of(SeriesSnapshot.class)));
        lateOrderLines = getRuntimeContext().getMetricGroup().counter("kpiLateOrderLines");
        corrections = getRuntimeContext().getMetricGroup().counter("kpiCorrections");
    }

    @Override
    public void processElement1(SeriesSnapshot snapshot, Context ctx, Collector<KpiSnapshot> out) throws Exception {
        long week = snapshot.weekStartEpochDay();
        long weekEnd = WeeklyAggregator.weekEnd(week);
        if (weekEnd <= ctx.timerService().currentWatermark()) {
            close(snapshot, out);
            return;
        }
        pending.put(week, snapshot);
        ctx.timerService().registerEventTimeTimer(weekEnd);
    }

    @Override
    public void processElement2(InventorySignal signal, Context ctx, Collector<KpiSnapshot> out) throws Exception {
        long week = WeeklyHistory.weekOf(signal.eventTimeMillis());
        SeriesSnapshot closed = lastClosed.value();
        if (signal.kind() == InventorySignal.Kind.ORDER_LINE) {
            if (signal.fulfilled() == null) {
                return; // no fulfilment reported: the line is in no service-level or shipping sum
            }
            if (closed != null && week < reachOf(closed)) {
                lateOrderLines.inc();
                return;
            }
            long[] sums = fulfilment.get(week);
            if (sums == null) {
                sums = new long[2];
            }
            sums[FULFILLED] += signal.sign() * fixed(signal.fulfilled());
            sums[ORDERED] += signal.sign() * fixed(signal.ordered());
            if (sums[FULFILLED] == 0 && sums[ORDERED] == 0) {
                fulfilment.remove(week);
            } else {
                fulfilment.put(week, sums);
            }
        } else {
            InventorySignal current = stock.get(week);
            // Same instant: the later arrival is the later version (one key's changes keep their order in Kafka).
            if (current == null || signal.eventTimeMillis() >= current.eventTimeMillis()) {
                stock.put(week, signal);
            }
            if (current == null && closed == null) {
                pruneStock(watermarkWindowStart(ctx.timerService().currentWatermark()));
            }
        }
        if (closed != null && week <= closed.weekStartEpochDay()) {
            corrections.inc();
            close(closed, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiSnapshot> out) throws Exception {
        long week = WeeklyHistory.weekOf(timestamp);
        SeriesSnapshot snapshot = pending.get(week);
        if (snapshot != null) {
            pending.remove(week);
            close(snapshot, out);
        }
    }

    /**
     * First week a full window ending with the snapshot's week reaches. State is kept from here
     * on, not just from the snapshot's own (shorter) window: a late line older than a young
     * series' first week extends the series backwards ({@link WeeklyAggregator}), and the next
     * snapshots' windows include it.
     */
    private long reachOf(SeriesSnapshot snapshot) {
        return snapshot.weekStartEpochDay() - 7L * (windowWeeks - 1);
    }

    /** First week of a snapshot's KPI window. */
    private long firstWeekOf(SeriesSnapshot snapshot) {
        int weeks = Math.max(1, Math.min(windowWeeks, snapshot.units().length));
        return snapshot.weekStartEpochDay() - 7L * (weeks - 1);
    }

    /**
     * The oldest week a window of a snapshot not yet closed can reach: pending and future
     * snapshots are for weeks that end after the watermark.
     */
    private long watermarkWindowStart(long watermark) {
        if (watermark == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return WeeklyHistory.weekOf(watermark) - 7L * (windowWeeks - 1);
    }

    private void close(SeriesSnapshot snapshot, Collector<KpiSnapshot> out) throws Exception {
        long week = snapshot.weekStartEpochDay();
        int weeks = Math.max(1, Math.min(windowWeeks, snapshot.units().length));
        long first = firstWeekOf(snapshot);
        SeriesSnapshot previous = lastClosed.value();
        if (previous == null || previous.weekStartEpochDay() <= week) {
            lastClosed.update(snapshot);
        }
        long shipped = 0;
        long ordered = 0;
        for (Map.Entry<Long, long[]> e : fulfilment.entries()) {
            if (e.getKey() >= first && e.getKey() <= week) {
                shipped += e.getValue()[FULFILLED];
                ordered += e.getValue()[ORDERED];
            }
        }
        TreeMap<Long, InventorySignal> levels = new TreeMap<>();
        for (Map.Entry<Long, InventorySignal> e : stock.entries()) {
            levels.put(e.getKey(), e.getValue());
        }
        double[] closing = new double[weeks];
        for (int i = 0; i < weeks; i++) {
            InventorySignal level = levelAt(levels, first + 7L * i);
            closing[i] = level == null ? Double.NaN : level.onHand().doubleValue();
        }
        InventorySignal atClose = levelAt(levels, week);
        Double onHand = atClose == null ? null : atClose.onHand().doubleValue();
        Double averageCost = atClose == null || atClose.averageCost() == null ? null : atClose.averageCost().doubleValue();
        Double stockAgeDays = atClose == null ? null
                : (WeeklyAggregator.weekEnd(week) + 1 - atClose.eventTimeMillis()) / (double) Duration.ofDays(1).toMillis();
        out.collect(new KpiSnapshot(snapshot, InventoryKpis.compute(
                weeks, onHand, averageCost, closing, shipped / UNITS_PER_FIXED, ordered / UNITS_PER_FIXED, stockAgeDays)));
        // Later snapshots are for later weeks: their windows start after this one's.
        long oldest = reachOf(snapshot);
        List<Long> stale = new ArrayList<>();
        for (Long w : fulfilment.keys()) {
            if (w < oldest) {
                stale.add(w);
            }
        }
        for (Long w : stale) {
            fulfilment.remove(w);
        }
        pruneStock(oldest);
    }

    /** The stock row in force at the end of {@code week}; null when unknown or deleted. */
    private static InventorySignal levelAt(TreeMap<Long, InventorySignal> levels, long week) {
        Map.Entry<Long, InventorySignal> e = levels.floorEntry(week);
        return e == null || e.getValue().kind() != InventorySignal.Kind.STOCK_LEVEL ? null : e.getValue();
    }

    /** Drops stock rows of weeks before {@code oldest} except the newest of them (the level those weeks start from). */
    private void pruneStock(long oldest) throws Exception {
        if (oldest == Long.MIN_VALUE) {
            return;
        }
        List<Long> before = new ArrayList<>();
        for (Long w : stock.keys()) {
            if (w < oldest) {
                before.add(w);
            }
        }
        if (before.size() < 2) {
            return;
        }
        long keep = before.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (Long w : before) {
            if (w != keep) {
                stock.remove(w);
            }
        }
    }

    private static long fixed(BigDecimal units) {
        return units.setScale(WeeklyHistory.UNITS_SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
