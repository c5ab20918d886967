package io.flowcast.operators;

import io.flowcast.quality.QualityThresholds;
import io.flowcast.quality.WindowStats;
import io.flowcast.records.QualityEvent;
import io.flowcast.records.QualitySample;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by table: counts messages, rejects and deletes and the worst freshness lag in tumbling
 * event-time windows, and reports each check when the watermark closes a window.
 *
 * <p>Event time (the Kafka timestamp), not the wall clock, decides the windows, so re-running
 * after a restart reports the same numbers for the same window; the sink upserts by window.
 *
 * <p>Duplicate detection is left to reconciliation: remembering every key of a window costs a
 * state write per event, which the mirror's throughput target cannot afford, while the mirror's
 * upserts make a duplicate harmless anyway.
 */
public final class DataQualityMonitor extends KeyedProcessFunction<String, QualitySample, QualityEvent> {

    private static final long serialVersionUID = 1L;

    static final String STATS = "window-stats";

    private final String job;
    private final QualityThresholds thresholds;

    private transient MapState<Long, WindowStats> stats;

    public DataQualityMonitor(String job, QualityThresholds thresholds) {
        this.job = job;
        this.thresholds = thresholds;
    }

    @Override
    public void open(OpenContext openContext) {
        stats = getRuntimeContext().getMapState(new MapStateDescriptor<>(STATS, Types.LONG, Types.POJO(WindowStats.class)));
    }

    @Override
    public void processElement(QualitySample sample, Context ctx, Collector<QualityEvent> out) throws Exception {
        long size = thresholds.window().toMillis();
        long windowStart = sample.kafkaTsMillis() - Math.floorMod(sample.kafkaTsMillis(), size);
        if (ctx.timerService().currentWatermark() >= windowStart + size - 1) {
            // The window was already reported; a late sample is counted in the window it arrives in.
            windowStart = ctx.timerService().currentWatermark() + 1 - Math.floorMod(ctx.timerService().currentWatermark() + 1, size);
        }
        WindowStats current = stats.get(windowStart);
        if (current == null) {
            current = WindowStats.EMPTY;
            ctx.timerService().registerEventTimeTimer(windowStart + size - 1);
        }
        long lag = Math.max(0, sample.kafkaTsMillis() - sample.sourceTsMillis());
        stats.put(windowStart, new WindowStats(
                current.changes() + (sample.rejected() ? 0 : 1),
                current.rejects() + (sample.rejected() ? 1 : 0),
                current.deletes() + (sample.op() == 'd' ? 1 : 0),
                sample.rejected() ? current.maxLagMillis() : Math.max(current.maxLagMillis(), lag)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QualityEvent> out) throws Exception {
        long size = thresholds.window().toMillis();
        long windowStart = timestamp + 1 - size;
        WindowStats window = stats.get(windowStart);
        if (window == null) {
            return;
        }
        String table = ctx.getCurrentKey();
        long end = windowStart + size;
        out.collect(new QualityEvent(job, "volume", table, windowStart, end, window.messages() > 0, window.messages(), 1,
                "{\"changes\":" + window.changes() + ",\"rejects\":" + window.rejects() + ",\"deletes\":" + window.deletes() + "}"));
        out.collect(new QualityEvent(job, "reject_rate", table, windowStart, end,
                window.rejectRate() <= thresholds.maxRejectRate(), window.rejectRate(), thresholds.maxRejectRate(),
                "{\"rejects\":" + window.rejects() + ",\"messages\":" + window.messages() + "}"));
        if (window.changes() > 0) {
            out.collect(new QualityEvent(job, "freshness", table, windowStart, end,
                    window.maxLagMillis() <= thresholds.maxLag().toMillis(), window.maxLagMillis() / 1000.0,
                    thresholds.maxLag().toMillis() / 1000.0, "{\"unit\":\"seconds\",\"statistic\":\"max\"}"));
        }
        stats.remove(windowStart);
    }
}
