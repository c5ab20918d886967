package io.flowcast.operators;

import io.flowcast.cdc.Column;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.quality.QualityThresholds;
import io.flowcast.quality.WindowStats;
import io.flowcast.records.QualityEvent;
import io.flowcast.records.QualitySample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by table: counts messages, rejects and deletes, the worst freshness lag, duplicates, nulls
 * per column and schema drift in tumbling event-time windows, and reports each check when the
 * watermark closes a window.
 *
 * <p>Event time (the Kafka timestamp), not the wall clock, decides the windows, so re-running
 * after a restart reports the same numbers for the same window; the sink upserts by window.
 *
 * <p>Checks per table and window ({@code data_quality_events.check_name}): {@code volume},
 * {@code reject_rate}, {@code freshness}, {@code duplicates} (changes that repeat the key and
 * content of the row's previous change: a connector re-delivering after a crash, a no-op update, a
 * second delete), {@code null_rate:<column>} for every mirror column, and {@code schema_drift}
 * (images with fields outside the contract or optional contract fields absent).
 *
 * <p>Duplicates need the last content hash of every row key: a {@link MapState} entry per key with
 * a TTL ({@link QualityThresholds#duplicateMemory()}), one state read and write per change. The
 * state is restored with the Kafka offsets from the same checkpoint, so a replay after a failure
 * does not count its own re-read messages as duplicates.
 *
 * <p>Metrics per table (group {@code table=<name>}): counters {@code dqDuplicates},
 * {@code dqSchemaDrift}; gauge {@code dqNullRate} per column (group {@code column=<name>}) with
 * the rate of the last closed window.
 */
public final class DataQualityMonitor extends KeyedProcessFunction<String, QualitySample, QualityEvent> {

    private static final long serialVersionUID = 1L;

    static final String STATS = "window-stats";
    static final String LAST_CONTENT = "last-content";

    private static final Map<String, MirrorTable> MIRROR_TABLES = new HashMap<>();

    static {
        for (MirrorTable table : MirrorTable.values()) {
            MIRROR_TABLES.put(table.mirrorTable(), table);
        }
    }

    private final String job;
    private final QualityThresholds thresholds;

    private transient MapState<Long, WindowStats> stats;
    private transient MapState<String, Long> lastContent;
    private transient Map<String, TableMetrics> metrics;

    public DataQualityMonitor(String job, QualityThresholds thresholds) {
        this.job = job;
        this.thresholds = thresholds;
    }

    @Override
    public void open(OpenContext openContext) {
        stats = getRuntimeContext().getMapState(new MapStateDescriptor<>(STATS, Types.LONG, Types.POJO(WindowStats.class)));
        MapStateDescriptor<String, Long> lastContentDescriptor = new MapStateDescriptor<>(LAST_CONTENT, Types.STRING, Types.LONG);
        lastContentDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(thresholds.duplicateMemory())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        lastContent = getRuntimeContext().getMapState(lastContentDescriptor);
        metrics = new HashMap<>();
    }

    @Override
    public void processElement(QualitySample sample, Context ctx, Collector<QualityEvent> out) throws Exception {
        long size = thresholds.window().toMillis();
        long windowStart = sample.kafkaTsMillis - Math.floorMod(sample.kafkaTsMillis, size);
        long watermark = ctx.timerService().currentWatermark();
        if (watermark >= windowStart + size - 1) {
            // The window was already reported; a late sample is counted in the window it arrives in.
            windowStart = watermark + 1 - Math.floorMod(watermark + 1, size);
        }
        WindowStats current = stats.get(windowStart);
        if (current == null) {
            current = WindowStats.EMPTY;
            ctx.timerService().registerEventTimeTimer(windowStart + size - 1);
        }
        stats.put(windowStart, switch (sample.kind) {
            case REJECT -> current.withReject();
            case SCHEMA_DRIFT -> {
                tableMetrics(ctx.getCurrentKey()).schemaDrift.inc();
                yield current.withDrift(sample.unknownFields, sample.missingFields);
            }
            case CHANGE -> {
                boolean duplicate = isDuplicate(sample);
                if (duplicate) {
                    tableMetrics(ctx.getCurrentKey()).duplicates.inc();
                }
                long lag = Math.max(0, sample.kafkaTsMillis - sample.sourceTsMillis);
                yield current.withChange(sample.op == 'd', lag, duplicate, sample.nullColumns, columnCount(ctx.getCurrentKey()));
            }
        });
    }

    private boolean isDuplicate(QualitySample sample) throws Exception {
        if (sample.rowKey == null) {
            return false;
        }
        Long previous = lastContent.get(sample.rowKey);
        if (previous != null && previous == sample.contentHash) {
            return true;
        }
        lastContent.put(sample.rowKey, sample.contentHash);
        return false;
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
            out.collect(new QualityEvent(job, "duplicates", table, windowStart, end,
                    window.duplicateRate() <= thresholds.maxDuplicateRate(), window.duplicateRate(), thresholds.maxDuplicateRate(),
                    "{\"duplicates\":" + window.duplicates() + ",\"changes\":" + window.changes() + "}"));
            out.collect(new QualityEvent(job, "schema_drift", table, windowStart, end, window.driftMessages() == 0,
                    window.driftMessages(), 0,
                    "{\"messages\":" + window.driftMessages() + ",\"unknown_fields\":" + jsonArray(window.unknownFields())
                            + ",\"missing_fields\":" + jsonArray(window.missingFields()) + "}"));
        }
        if (window.upserts() > 0) {
            reportNullRates(table, windowStart, end, window, out);
        }
        stats.remove(windowStart);
    }

    private void reportNullRates(String table, long start, long end, WindowStats window, Collector<QualityEvent> out) {
        MirrorTable mirror = MIRROR_TABLES.get(table);
        if (mirror == null) {
            return;
        }
        TableMetrics tableMetrics = tableMetrics(table);
        List<Column> columns = mirror.columns();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).target();
            double rate = window.nullRate(i);
            double limit = thresholds.maxNullRate(table, column);
            tableMetrics.nullRates.put(column, rate);
            long nulls = i < window.nullCounts().length ? window.nullCounts()[i] : 0;
            out.collect(new QualityEvent(job, "null_rate:" + column, table, start, end, rate <= limit, rate, limit,
                    "{\"nulls\":" + nulls + ",\"upserts\":" + window.upserts() + "}"));
        }
    }

    private static int columnCount(String table) {
        MirrorTable mirror = MIRROR_TABLES.get(table);
        return mirror == null ? 0 : mirror.columns().size();
    }

    private static String jsonArray(String[] names) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(names[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return json.append(']').toString();
    }

    private TableMetrics tableMetrics(String table) {
        return metrics.computeIfAbsent(table, t -> new TableMetrics(t, getRuntimeContext().getMetricGroup().addGroup("table", t)));
    }

    /** Flink metrics of one table; gauges read the last closed window. */
    private static final class TableMetrics {
        final Counter duplicates;
        final Counter schemaDrift;
        final Map<String, Double> nullRates = new HashMap<>();
        TableMetrics(String table, MetricGroup group) {
            this.duplicates = group.counter("dqDuplicates");
            this.schemaDrift = group.counter("dqSchemaDrift");
            MirrorTable mirror = MIRROR_TABLES.get(table);
            if (mirror != null) {
                for (Column column : mirror.columns()) {
                    String name = column.target();
                    group.addGroup("column", name).gauge("dqNullRate", () -> nullRates.getOrDefault(name, 0.0));
                }
            }
        }
    }
}
