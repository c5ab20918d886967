package io.flowcast.jobs;

import io.flowcast.cache.CacheMonitorOptions;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.config.CheckpointSettings;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.operators.CacheMonitorFunction;
import io.flowcast.operators.CdcDecodeFunction;
import io.flowcast.operators.ChangeProjections;
import io.flowcast.operators.CriticalStockMonitor;
import io.flowcast.operators.DataQualityMonitor;
import io.flowcast.operators.QualitySampleTimestamps;
import io.flowcast.operators.SnapshotGate;
import io.flowcast.operators.InventoryAggregator;
import io.flowcast.operators.VersionDeltaFunction;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.records.QualitySample;
import io.flowcast.records.TransactionChange;
import io.flowcast.sinks.DeadLetterSink;
import io.flowcast.sinks.InventoryAlertSink;
import io.flowcast.sinks.QualityEventSink;
import io.flowcast.sinks.PostgresMirrorSink;
import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sinks.RedisOptions;
import io.flowcast.sinks.RedisSink;
import io.flowcast.warehouse.BackfillOptions;
import io.flowcast.warehouse.BackfillSource;
import io.flowcast.warehouse.HadoopOptions;
import io.flowcast.warehouse.Snapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Mirrors the warehouse's CDC topics into PostgreSQL and Redis.
 *
 * <pre>
 * Kafka castrolanda.* -> decode/validate --dead letters--> dead_letter (PG)
 *                          |-> ml_* mirror tables (PG upsert/delete)
 *                          |-> transactions -> keyBy(id) deltas -> keyBy(product) totals -> Redis
 *                          |-> product master + stock levels -> keyBy(product) low-stock alerts (PG)
 *                          '-> changes + rejects + schema drift -> keyBy(table) event-time quality windows
 *                              (volume, rejects, freshness, duplicates, null rates, drift) -> data_quality_events (PG)
 * </pre>
 *
 * Wiring only: the operators live in {@code io.flowcast.operators}, the sinks in
 * {@code io.flowcast.sinks}. Tests call {@link #wire} with their own source stream.
 */
public final class InventoryMirrorJob {

    public static final String NAME = "InventoryMirrorJob";

    private InventoryMirrorJob() {}

    public static void main(String[] args) throws Exception {
        FlowcastConfig config = JobArguments.parse(args);
        MirrorJobOptions options = MirrorJobOptions.from(config);
        StreamExecutionEnvironment env = CheckpointSettings.from(config).createEnvironment();
        BackfillOptions backfill = BackfillOptions.from(config);
        if (backfill.enabled()) {
            wire(backfillSource(env, options, HadoopOptions.from(config), backfill.date(), false), options, backfill.gateTtl());
        } else {
            wire(source(env, options, false), options);
        }
        if (config.bool("cache.monitor-in-mirror-job")) {
            wireCacheMonitor(env, config.cacheMonitor(), config.redis(), config.postgres());
        }
        env.execute(NAME);
    }

    /**
     * The cache survey of {@code flowcast cache stats} as an unbounded branch of this job, one
     * survey per {@code cache.interval}: its figures become Flink metrics (Prometheus alerts can
     * use them) besides the {@code cache_stats} rows. Only in {@link #main}: a bounded test run of
     * {@link #wire} must be able to finish.
     */
    public static void wireCacheMonitor(StreamExecutionEnvironment env, CacheMonitorOptions cache, RedisOptions redis,
            PostgresOptions postgres) {
        double surveysPerSecond = 1.0 / Math.max(1, cache.interval().toSeconds());
        DataGeneratorSource<Long> ticks = new DataGeneratorSource<>(
                index -> index, Long.MAX_VALUE, RateLimiterStrategy.perSecond(surveysPerSecond), Types.LONG);
        env.fromSource(ticks, WatermarkStrategy.noWatermarks(), "cache-survey-ticks")
                .uid("cache-survey-ticks")
                .setParallelism(1)
                .map(new CacheMonitorFunction(cache, redis.uri(), postgres))
                .name("cache-monitor")
                .uid("cache-monitor")
                .setParallelism(1)
                .sinkTo(new DiscardingSink<>())
                .name("cache-monitor-failed-checks")
                .uid("cache-monitor-failed-checks")
                .setParallelism(1);
    }

    /**
     * Full sync from the snapshot of {@code date} on HDFS, then the CDC topics from the snapshot's
     * position ({@link BackfillSource}); wire it with a snapshot gate.
     */
    public static DataStream<CdcMessage> backfillSource(StreamExecutionEnvironment env, MirrorJobOptions options,
            HadoopOptions hadoop, LocalDate date, boolean bounded) throws IOException {
        Snapshot snapshot = Snapshot.open(hadoop.fileSystem(), hadoop.warehouseRoot(), date, List.of(MirrorTable.values()));
        return env.fromSource(BackfillSource.of(snapshot, hadoop, options.kafka(), List.of(MirrorTable.values()), bounded),
                        WatermarkStrategy.noWatermarks(), "cdc-snapshot-then-kafka-source", TypeInformation.of(CdcMessage.class))
                .uid("cdc-snapshot-then-kafka-source");
    }

    /** The Kafka CDC source; {@code bounded} stops at the offsets that are latest at start-up. */
    public static DataStream<CdcMessage> source(StreamExecutionEnvironment env, MirrorJobOptions options, boolean bounded) {
        return env.fromSource(options.kafka().build(bounded), WatermarkStrategy.noWatermarks(), "cdc-kafka-source")
                .uid("cdc-kafka-source");
    }

    public static void wire(DataStream<CdcMessage> cdc, MirrorJobOptions options) {
        wire(cdc, options, null);
    }

    /**
     * @param snapshotGateTtl non-null when {@code cdc} starts with a snapshot's rows: changes are
     *     then keyed by row through a {@link SnapshotGate}, so a late snapshot row never overwrites
     *     a newer CDC change of the same row
     */
    public static void wire(DataStream<CdcMessage> cdc, MirrorJobOptions options, Duration snapshotGateTtl) {
        // Decode and the PG mirror sink stay chained to the source: one Kafka partition's changes
        // reach the sink in order without a shuffle, which the per-key batch reduction relies on.
        // (A backfill keys by row instead, which keeps each row's changes in order as well.)
        SingleOutputStreamOperator<MirrorChange> decoded =
                cdc.process(new CdcDecodeFunction(NAME, options.maxFutureSkew()))
                        .name("decode-validate")
                        .uid("decode-validate");
        DataStream<MirrorChange> changes = snapshotGateTtl == null
                ? decoded
                : decoded.keyBy(new SnapshotGate.ByRow())
                        .process(new SnapshotGate(snapshotGateTtl))
                        .name("snapshot-gate")
                        .uid("snapshot-gate");

        DataStream<DeadLetter> deadLetters = decoded.getSideOutput(CdcDecodeFunction.DEAD_LETTERS);
        deadLetters
                .sinkTo(DeadLetterSink.create(options.postgres()))
                .name("pg-dead-letter")
                .uid("pg-dead-letter");

        changes.sinkTo(new PostgresMirrorSink(options.postgres())).name("pg-mirror").uid("pg-mirror");

        changes.flatMap(new ChangeProjections.ToTransactionChanges())
                .name("transaction-changes")
                .uid("transaction-changes")
                .keyBy(new ChangeProjections.ByTransactionId())
                .process(new VersionDeltaFunction<>(TransactionChange.class, options.cache().transactionStateTtl()))
                .name("transaction-deltas")
                .uid("transaction-deltas")
                .keyBy(new ChangeProjections.ByDeltaProduct())
                .process(new InventoryAggregator(options.cache()))
                .name("inventory-aggregates")
                .uid("inventory-aggregates")
                .sinkTo(new RedisSink(options.redis()))
                .name("redis-inventory-cache")
                .uid("redis-inventory-cache");

        changes.flatMap(new ChangeProjections.ToStockSignals())
                .name("stock-signals")
                .uid("stock-signals")
                .keyBy(new ChangeProjections.BySignalProduct())
                .process(new CriticalStockMonitor(options.criticalProducts()))
                .name("critical-stock-monitor")
                .uid("critical-stock-monitor")
                .sinkTo(InventoryAlertSink.create(options.postgres()))
                .name("pg-inventory-alerts")
                .uid("pg-inventory-alerts");

        DataStream<QualitySample> changeSamples = changes.map(new ChangeProjections.ChangeToQualitySample())
                .name("quality-samples-changes")
                .uid("quality-samples-changes");
        DataStream<QualitySample> rejectSamples = deadLetters.map(new ChangeProjections.DeadLetterToQualitySample())
                .name("quality-samples-rejects")
                .uid("quality-samples-rejects");
        DataStream<QualitySample> driftSamples = decoded.getSideOutput(CdcDecodeFunction.SCHEMA_DRIFT);
        changeSamples.union(rejectSamples, driftSamples)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<QualitySample>forBoundedOutOfOrderness(options.qualityOutOfOrderness())
                        .withTimestampAssigner(new QualitySampleTimestamps())
                        .withIdleness(options.qualityIdleness()))
                .name("quality-watermarks")
                .uid("quality-watermarks")
                .keyBy(new ChangeProjections.BySampleTable())
                .process(new DataQualityMonitor(NAME, options.quality()))
                .name("data-quality-monitor")
                .uid("data-quality-monitor")
                .sinkTo(QualityEventSink.create(options.postgres()))
                .name("pg-data-quality")
                .uid("pg-data-quality");
    }
}
