package io.flowcast.jobs;

import io.flowcast.config.CheckpointSettings;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.functions.CdcDecodeFunction;
import io.flowcast.classify.AbcRanking;
import io.flowcast.functions.AbcCacheWrites;
import io.flowcast.functions.AbcRanker;
import io.flowcast.functions.ChangeProjections;
import io.flowcast.functions.ChangedFeatures;
import io.flowcast.functions.DemandProfileFunction;
import io.flowcast.functions.ForecastFunction;
import io.flowcast.functions.ForecastOutputs;
import io.flowcast.functions.FulfilmentLineTimestamps;
import io.flowcast.functions.InventoryKpiFunction;
import io.flowcast.functions.ProfileCacheWrites;
import io.flowcast.functions.SalesLineTimestamps;
import io.flowcast.functions.StockLevelWatermarks;
import io.flowcast.functions.VersionDeltaFunction;
import io.flowcast.functions.WeeklyAggregator;
import io.flowcast.records.AbcClass;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.FulfilmentLine;
import io.flowcast.records.InventorySignal;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.records.MirrorChange;
import io.flowcast.records.SalesLineChange;
import io.flowcast.records.SeriesForecast;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.records.WeeklyPoint;
import io.flowcast.sinks.JdbcSinks;
import io.flowcast.sinks.RedisSink;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Demand series from the sales-order CDC: weekly units and revenue per product x region, with
 * inventory KPIs from the stock-level CDC.
 *
 * <pre>
 * Kafka castrolanda.sales.orders + inventory.stock_levels -> decode/validate --dead letters--> dead_letter (PG)
 *   -> sales lines -> event time (order date) + watermarks
 *   -> keyBy(order line) versions -> +1/-1 deltas
 *   -> keyBy(product|region) 104-week ring, weeks closed by the watermark -> weekly_sales (PG)
 *        '-> series history at each week close -> keyBy(series) + inventory KPIs
 *              (order lines' fulfilment + stock levels of warehouse CD-{region}, event time, idle-aware)
 *              -> keyBy(series) features + pattern/XYZ
 *              -> feature_store (when changed), classification_results (PG), ml:features / ml:class (Redis)
 *        |-> all snapshots -> one global ABC ranking per week -> abc_classes (PG), ml:class:{product} (Redis)
 *        '-> async forecast (engine, 26 weeks, units + revenue) -> prediction_results (PG), ml:forecast:* (Redis)
 * </pre>
 */
public final class DemandForecastJob {

    public static final String NAME = "DemandForecastJob";

    private DemandForecastJob() {}

    public static void main(String[] args) throws Exception {
        FlowcastConfig config = JobArguments.parse(args);
        DemandJobOptions options = DemandJobOptions.from(config);
        StreamExecutionEnvironment env = CheckpointSettings.from(config).createEnvironment();
        wire(source(env, options, false), options);
        env.execute(NAME);
    }

    public static DataStream<CdcMessage> source(StreamExecutionEnvironment env, DemandJobOptions options, boolean bounded) {
        return env.fromSource(options.kafka().build(bounded), WatermarkStrategy.noWatermarks(), "sales-cdc-source")
                .uid("sales-cdc-source");
    }

    public static void wire(DataStream<CdcMessage> cdc, DemandJobOptions options) {
        SingleOutputStreamOperator<MirrorChange> changes =
                cdc.process(new CdcDecodeFunction(NAME, options.maxFutureSkew()))
                        .name("decode-validate")
                        .uid("decode-validate");
        changes.getSideOutput(CdcDecodeFunction.DEAD_LETTERS)
                .sinkTo(JdbcSinks.deadLetters(options.postgres()))
                .name("pg-dead-letter")
                .uid("pg-dead-letter");

        SingleOutputStreamOperator<WeeklyPoint> weeks = changes.flatMap(new ChangeProjections.ToSalesLineChanges())
                .name("sales-lines")
                .uid("sales-lines")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<SalesLineChange>forBoundedOutOfOrderness(options.outOfOrderness())
                        .withTimestampAssigner(new SalesLineTimestamps())
                        .withIdleness(options.idleness()))
                .name("order-time-watermarks")
                .uid("order-time-watermarks")
                .keyBy(new ChangeProjections.BySalesLine())
                .process(new VersionDeltaFunction<>(SalesLineChange.class, options.lineStateTtl()))
                .name("sales-line-deltas")
                .uid("sales-line-deltas")
                .keyBy(new ChangeProjections.BySeries())
                .process(new WeeklyAggregator(options.idleWeeks()))
                .name("weekly-aggregator")
                .uid("weekly-aggregator");
        weeks.sinkTo(JdbcSinks.weeklySales(options.postgres()))
                .name("pg-weekly-sales")
                .uid("pg-weekly-sales");

        DataStream<SeriesSnapshot> snapshots = weeks.getSideOutput(WeeklyAggregator.SNAPSHOTS);
        SingleOutputStreamOperator<AbcClass> abc = snapshots.keyBy(new ChangeProjections.AllProducts())
                .process(new AbcRanker(new AbcRanking(options.abcAShare(), options.abcBShare())))
                .name("abc-ranking")
                .uid("abc-ranking");
        abc.sinkTo(JdbcSinks.abcClasses(options.postgres()))
                .name("pg-abc-classes")
                .uid("pg-abc-classes");
        abc.map(new AbcCacheWrites(options.profileCacheTtl()))
                .name("abc-cache-writes")
                .uid("abc-cache-writes")
                .sinkTo(new RedisSink(options.redis()))
                .name("redis-abc")
                .uid("redis-abc");

        SingleOutputStreamOperator<SeriesForecast> forecasts = AsyncDataStream.unorderedWait(
                        snapshots,
                        new ForecastFunction(options.forecastMethod(), options.forecastHorizon(), options.forecastThreads()),
                        options.forecastTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        options.forecastCapacity())
                .name("forecast")
                .uid("forecast");
        forecasts.flatMap(new ForecastOutputs.ToPredictionRows())
                .name("prediction-rows")
                .uid("prediction-rows")
                .sinkTo(JdbcSinks.predictions(options.postgres()))
                .name("pg-prediction-results")
                .uid("pg-prediction-results");
        forecasts.map(new ForecastOutputs.ToCacheWrite(options.profileCacheTtl()))
                .name("forecast-cache-writes")
                .uid("forecast-cache-writes")
                .sinkTo(new RedisSink(options.redis()))
                .name("redis-forecasts")
                .uid("redis-forecasts");

        DataStream<InventorySignal> fulfilment = changes.flatMap(new ChangeProjections.ToFulfilmentLines())
                .name("fulfilment-lines")
                .uid("fulfilment-lines")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<FulfilmentLine>forBoundedOutOfOrderness(options.outOfOrderness())
                        .withTimestampAssigner(new FulfilmentLineTimestamps())
                        .withIdleness(options.idleness()))
                .name("fulfilment-order-time-watermarks")
                .uid("fulfilment-order-time-watermarks")
                .keyBy(new ChangeProjections.ByFulfilmentLine())
                .process(new VersionDeltaFunction<>(FulfilmentLine.class, options.lineStateTtl()))
                .name("fulfilment-line-deltas")
                .uid("fulfilment-line-deltas")
                .map(new ChangeProjections.FulfilmentDeltaToSignal())
                .name("fulfilment-signals")
                .uid("fulfilment-signals");
        DataStream<InventorySignal> stockLevels = changes.flatMap(new ChangeProjections.ToSeriesStockLevels(options.warehousePrefix()))
                .name("series-stock-levels")
                .uid("series-stock-levels")
                .assignTimestampsAndWatermarks(StockLevelWatermarks.strategy(options.outOfOrderness(), options.idleness()))
                .name("stock-time-watermarks")
                .uid("stock-time-watermarks");
        SingleOutputStreamOperator<KpiSnapshot> withKpis = snapshots
                .keyBy(new ChangeProjections.BySnapshotSeries())
                .connect(fulfilment.union(stockLevels).keyBy(new ChangeProjections.BySignalSeries()))
                .process(new InventoryKpiFunction(options.kpiWindowWeeks()))
                .name("inventory-kpis")
                .uid("inventory-kpis");

        SingleOutputStreamOperator<DemandProfile> profiles = withKpis
                .keyBy(new ChangeProjections.ByKpiSnapshotSeries())
                .process(new DemandProfileFunction(options.xyzXLimit(), options.xyzYLimit()))
                .name("features-classification")
                .uid("features-classification");
        profiles.filter(new ChangedFeatures())
                .name("changed-features")
                .uid("changed-features")
                .sinkTo(JdbcSinks.features(options.postgres()))
                .name("pg-feature-store")
                .uid("pg-feature-store");
        profiles.sinkTo(JdbcSinks.classifications(options.postgres()))
                .name("pg-classification-results")
                .uid("pg-classification-results");
        profiles.flatMap(new ProfileCacheWrites(options.profileCacheTtl()))
                .name("profile-cache-writes")
                .uid("profile-cache-writes")
                .sinkTo(new RedisSink(options.redis()))
                .name("redis-profiles")
                .uid("redis-profiles");
    }
}
