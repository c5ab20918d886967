package io.flowcast.jobs;

import io.flowcast.config.CheckpointSettings;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.operators.CdcDecodeFunction;
import io.flowcast.accuracy.AccuracyScope;
import io.flowcast.accuracy.ErrorHistory;
import io.flowcast.operators.AbcCacheWrites;
import io.flowcast.operators.AccuracyAggregator;
import io.flowcast.operators.AccuracyTracker;
import io.flowcast.operators.AbcRanker;
import io.flowcast.operators.ChangeProjections;
import io.flowcast.operators.ChangedFeatures;
import io.flowcast.operators.DemandProfileFunction;
import io.flowcast.operators.ForecastFunction;
import io.flowcast.operators.ForecastOutputs;
import io.flowcast.operators.ForecastRequests;
import io.flowcast.operators.InventoryKpiFunction;
import io.flowcast.operators.ProfileCacheWrites;
import io.flowcast.operators.SalesLineTimestamps;
import io.flowcast.operators.SeriesKeys;
import io.flowcast.operators.StockLevelWatermarks;
import io.flowcast.operators.VersionDeltaFunction;
import io.flowcast.operators.WeeklyAggregator;
import io.flowcast.records.AbcClass;
import io.flowcast.records.AccuracyRow;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.Delta;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.ForecastError;
import io.flowcast.records.ForecastRequest;
import io.flowcast.records.InventorySignal;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.cdc.MirrorChange;
import io.flowcast.records.SalesLineChange;
import io.flowcast.records.ModelChange;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesForecast;
import io.flowcast.operators.ModelAssigner;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.records.WeeklyPoint;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
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
 *              '-> keyBy(series) forecast meets its week's actuals -> forecast_errors (PG)
 *                    |-> keyBy(product) rolling MAE/MAPE/R2 -> forecast_accuracy, forecast_accuracy_alerts (PG)
 *                    '-> keyBy(region)  rolling MAE/MAPE/R2 -> forecast_accuracy (PG)
 *
 * PG flowcast.forecast_requests (Flink CDC, outside event time) -> validate --dead letters--> dead_letter (PG)
 *   -> keyBy(product|region) into the same aggregator: the series as of its last closed week
 *        -> async forecast (requested horizon, units + revenue) -> prediction_results with request_id (PG)
 * </pre>
 */
public final class DemandForecastJob {

    public static final String NAME = "DemandForecastJob";

    private static final TypeInformation<SeriesKey> SERIES_KEY = TypeInformation.of(SeriesKey.class);

    private DemandForecastJob() {}

    public static void main(String[] args) throws Exception {
        FlowcastConfig config = JobArguments.parse(args);
        DemandJobOptions options = DemandJobOptions.from(config);
        StreamExecutionEnvironment env = CheckpointSettings.from(config).createEnvironment();
        DataStream<CdcMessage> cdc = source(env, options, false);
        wire(cdc, requests(env, options, cdc), modelChanges(env, options, cdc), options,
                DemandSinks.production(options.postgres(), options.redis()));
        env.execute(NAME);
    }

    /**
     * Forecast requests from PostgreSQL, or none (derived from {@code cdc}) when
     * {@code demand-forecast.requests.enabled} is false. The source takes no part in event time (see {@link ForecastRequests#outsideEventTime()}).
     */
    public static DataStream<ForecastRequest> requests(StreamExecutionEnvironment env, DemandJobOptions options, DataStream<CdcMessage> cdc) {
        if (!options.requests().enabled()) {
            return noRequests(cdc);
        }
        return env.fromSource(options.requests().build(), ForecastRequests.outsideEventTime(), "forecast-requests-source")
                .uid("forecast-requests-source")
                // One replication slot, one reader.
                .setParallelism(1);
    }

    private static DataStream<ForecastRequest> noRequests(DataStream<CdcMessage> cdc) {
        return cdc.flatMap(new ForecastRequests.None<CdcMessage>())
                .returns(TypeInformation.of(ForecastRequest.class))
                .name("no-forecast-requests")
                .uid("no-forecast-requests")
                .assignTimestampsAndWatermarks(ForecastRequests.outsideEventTime())
                .name("no-requests-outside-event-time")
                .uid("no-requests-outside-event-time");
    }

    /**
     * model_registry changes from PostgreSQL (hot swap), or none when {@code models.hot-swap.enabled}
     * is false; outside event time like the requests.
     */
    public static DataStream<ModelChange> modelChanges(StreamExecutionEnvironment env, DemandJobOptions options,
            DataStream<CdcMessage> cdc) {
        if (!options.models().enabled()) {
            return cdc.flatMap(new ForecastRequests.NoModelChanges<CdcMessage>())
                    .returns(TypeInformation.of(ModelChange.class))
                    .name("no-model-changes")
                    .uid("no-model-changes")
                    .assignTimestampsAndWatermarks(ForecastRequests.outsideEventTime(ModelChange.class))
                    .name("no-model-changes-outside-event-time")
                    .uid("no-model-changes-outside-event-time");
        }
        return env.fromSource(options.models().build(), ForecastRequests.outsideEventTime(ModelChange.class),
                        "model-registry-source")
                .uid("model-registry-source")
                .setParallelism(1);
    }

    /** The job without on-demand requests (bounded runs), writing to PostgreSQL and Redis. */
    public static void wire(DataStream<CdcMessage> cdc, DemandJobOptions options) {
        wire(cdc, noRequests(cdc), options, DemandSinks.production(options.postgres(), options.redis()));
    }

    private static ModelAssigner modelAssigner(DemandJobOptions options) {
        return new ModelAssigner(NAME, options.models().modelName(), options.models().challengerShare());
    }

    public static DataStream<CdcMessage> source(StreamExecutionEnvironment env, DemandJobOptions options, boolean bounded) {
        return env.fromSource(options.kafka().build(bounded), WatermarkStrategy.noWatermarks(), "sales-cdc-source")
                .uid("sales-cdc-source");
    }

    public static void wire(
            DataStream<CdcMessage> cdc, DataStream<ForecastRequest> requests, DemandJobOptions options, DemandSinks sinks) {
        StreamExecutionEnvironment env = cdc.getExecutionEnvironment();
        wire(cdc, requests, modelChanges(env, options.withoutHotSwap(), cdc), options, sinks);
    }

    public static void wire(DataStream<CdcMessage> cdc, DataStream<ForecastRequest> requests,
            DataStream<ModelChange> modelChanges, DemandJobOptions options, DemandSinks sinks) {
        BroadcastStream<ModelChange> models = modelChanges.broadcast(ModelAssigner.ACTIVE);
        SingleOutputStreamOperator<ForecastRequest> validRequests = requests.process(new ForecastRequests.Validate(NAME))
                .name("validate-requests")
                .uid("validate-requests");

        SingleOutputStreamOperator<MirrorChange> changes =
                cdc.process(new CdcDecodeFunction(NAME, options.eventTime().maxFutureSkew()))
                        .name("decode-validate")
                        .uid("decode-validate");
        changes.getSideOutput(CdcDecodeFunction.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("pg-dead-letter")
                .uid("pg-dead-letter");

        // One version per order line feeds both the demand series (units, revenue) and the
        // fulfilment behind the inventory KPIs; a change of the fulfilled quantity alone reaches
        // only the latter (allDeltas), so it is no demand correction.
        VersionDeltaFunction<String, SalesLineChange> lineVersions =
                new VersionDeltaFunction<>(SalesLineChange.class, options.series().lineStateTtl(), SalesLineChange::sameDemand);
        SingleOutputStreamOperator<Delta<SalesLineChange>> lineDeltas = changes.flatMap(new ChangeProjections.ToSalesLineChanges())
                .name("sales-lines")
                .uid("sales-lines")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<SalesLineChange>forBoundedOutOfOrderness(options.eventTime().outOfOrderness())
                        .withTimestampAssigner(new SalesLineTimestamps())
                        .withIdleness(options.eventTime().idleness()))
                .name("order-time-watermarks")
                .uid("order-time-watermarks")
                .keyBy(new ChangeProjections.BySalesLine())
                .process(lineVersions)
                .name("sales-line-deltas")
                .uid("sales-line-deltas");
        SingleOutputStreamOperator<WeeklyPoint> weeks = lineDeltas
                .keyBy(new SeriesKeys.ByDeltaSeries<SalesLineChange>())
                .connect(validRequests.keyBy(SeriesKeys.<ForecastRequest>of()))
                .process(new WeeklyAggregator(options.series().idleWeeks(), options.forecast().cadence(), NAME))
                .name("weekly-aggregator")
                .uid("weekly-aggregator");
        weeks.sinkTo(sinks.weeklySales())
                .name("pg-weekly-sales")
                .uid("pg-weekly-sales");

        DataStream<DeadLetter> rejectedRequests = validRequests.getSideOutput(ForecastRequests.DEAD_LETTERS)
                .union(weeks.getSideOutput(ForecastRequests.DEAD_LETTERS));
        rejectedRequests.sinkTo(sinks.deadLetters())
                .name("pg-request-dead-letter")
                .uid("pg-request-dead-letter");
        // Answers get their own forecast operator: a request is not queued behind the burst of
        // scheduled forecasts a week close starts, and never overwrites the ml:forecast:* cache.
        DataStream<RoutedSnapshot> requestSnapshots = weeks.getSideOutput(WeeklyAggregator.REQUEST_SNAPSHOTS)
                .connect(models)
                .process(modelAssigner(options))
                .name("request-model")
                .uid("request-model");
        AsyncDataStream.unorderedWait(
                        requestSnapshots,
                        new ForecastFunction(options.forecast().method(), options.forecast().horizon(), options.forecast().threads(),
                                options.postgres()),
                        options.forecast().timeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        options.forecast().capacity())
                .name("request-forecast")
                .uid("request-forecast")
                .flatMap(new ForecastOutputs.ToPredictionRows())
                .name("request-prediction-rows")
                .uid("request-prediction-rows")
                .sinkTo(sinks.predictions())
                .name("pg-request-predictions")
                .uid("pg-request-predictions");

        DataStream<SeriesSnapshot> snapshots = weeks.getSideOutput(WeeklyAggregator.SNAPSHOTS);
        SingleOutputStreamOperator<AbcClass> abc = weeks.getSideOutput(WeeklyAggregator.REVENUE)
                .keyBy(new AbcRanker.AllProducts())
                .process(new AbcRanker(options.classes().abcRanking()))
                .name("abc-ranking")
                .uid("abc-ranking");
        abc.sinkTo(sinks.abcClasses())
                .name("pg-abc-classes")
                .uid("pg-abc-classes");
        abc.map(new AbcCacheWrites(options.series().cacheTtl()))
                .name("abc-cache-writes")
                .uid("abc-cache-writes")
                .sinkTo(sinks.redis())
                .name("redis-abc")
                .uid("redis-abc");

        SingleOutputStreamOperator<RoutedSnapshot> forecastSnapshots = weeks.getSideOutput(WeeklyAggregator.FORECAST_SNAPSHOTS)
                .connect(models)
                .process(modelAssigner(options))
                .name("forecast-model")
                .uid("forecast-model");
        // Both assigners see every change; this one reports (alerts are keyed by version and kind).
        forecastSnapshots.getSideOutput(ModelAssigner.ALERTS)
                .sinkTo(sinks.modelAlerts())
                .name("pg-model-alerts")
                .uid("pg-model-alerts");
        forecastSnapshots.getSideOutput(ModelAssigner.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("pg-model-dead-letter")
                .uid("pg-model-dead-letter");
        SingleOutputStreamOperator<SeriesForecast> forecasts = AsyncDataStream.unorderedWait(
                        forecastSnapshots,
                        new ForecastFunction(options.forecast().method(), options.forecast().horizon(), options.forecast().threads(),
                                options.postgres()),
                        options.forecast().timeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        options.forecast().capacity())
                .name("forecast")
                .uid("forecast");
        forecasts.flatMap(new ForecastOutputs.ToPredictionRows())
                .name("prediction-rows")
                .uid("prediction-rows")
                .sinkTo(sinks.predictions())
                .name("pg-prediction-results")
                .uid("pg-prediction-results");
        forecasts.map(new ForecastOutputs.ToCacheWrite(options.series().cacheTtl()))
                .name("forecast-cache-writes")
                .uid("forecast-cache-writes")
                .sinkTo(sinks.redis())
                .name("redis-forecasts")
                .uid("redis-forecasts");

        wireAccuracy(forecasts, weeks, options, sinks);

        DataStream<InventorySignal> fulfilment = lineDeltas.getSideOutput(lineVersions.allDeltas())
                .map(new ChangeProjections.FulfilmentDeltaToSignal())
                .name("fulfilment-signals")
                .uid("fulfilment-signals");
        DataStream<InventorySignal> stockLevels = changes.flatMap(new ChangeProjections.ToSeriesStockLevels(options.kpis().warehousePrefix()))
                .name("series-stock-levels")
                .uid("series-stock-levels")
                .assignTimestampsAndWatermarks(StockLevelWatermarks.strategy(options.eventTime().outOfOrderness(), options.eventTime().idleness()))
                .name("stock-time-watermarks")
                .uid("stock-time-watermarks");
        SingleOutputStreamOperator<KpiSnapshot> withKpis = snapshots
                .keyBy(SeriesKeys.<SeriesSnapshot>of())
                .connect(fulfilment.union(stockLevels).keyBy(SeriesKeys.<InventorySignal>of()))
                .process(new InventoryKpiFunction(options.kpis().windowWeeks()))
                .name("inventory-kpis")
                .uid("inventory-kpis");

        // Same key, same parallelism, forward: chained to the KPI join instead of shuffled again.
        SingleOutputStreamOperator<DemandProfile> profiles = DataStreamUtils.reinterpretAsKeyedStream(
                        withKpis, new SeriesKeys.ByKpiSnapshot(), SERIES_KEY)
                .process(new DemandProfileFunction(options.classes().classifier()))
                .name("features-classification")
                .uid("features-classification");
        profiles.filter(new ChangedFeatures())
                .name("changed-features")
                .uid("changed-features")
                .sinkTo(sinks.features())
                .name("pg-feature-store")
                .uid("pg-feature-store");
        profiles.sinkTo(sinks.classifications())
                .name("pg-classification-results")
                .uid("pg-classification-results");
        profiles.flatMap(new ProfileCacheWrites(options.series().cacheTtl()))
                .name("profile-cache-writes")
                .uid("profile-cache-writes")
                .sinkTo(sinks.redis())
                .name("redis-profiles")
                .uid("redis-profiles");
    }

    /** Forecast errors when actuals close, and rolling accuracy per product and per region. */
    private static void wireAccuracy(
            DataStream<SeriesForecast> forecasts, DataStream<WeeklyPoint> weeks, DemandJobOptions options, DemandSinks sinks) {
        int windowWeeks = options.accuracy().windowWeeks();
        // Both inputs come forward from the weekly aggregator (the forecasts through the async
        // operator chained to it), so they are partitioned by series already: no shuffle.
        SingleOutputStreamOperator<ForecastError> errors = DataStreamUtils.reinterpretAsKeyedStream(
                        forecasts, SeriesKeys.<SeriesForecast>of(), SERIES_KEY)
                .connect(DataStreamUtils.reinterpretAsKeyedStream(weeks, SeriesKeys.<WeeklyPoint>of(), SERIES_KEY))
                .process(new AccuracyTracker(options.accuracy().leadWeeks(), ErrorHistory.CAPACITY))
                .name("forecast-errors")
                .uid("forecast-errors");
        errors.sinkTo(sinks.forecastErrors())
                .name("pg-forecast-errors")
                .uid("pg-forecast-errors");
        for (AccuracyScope scope : AccuracyScope.values()) {
            SingleOutputStreamOperator<AccuracyRow> accuracy = errors.keyBy(scope.keySelector())
                    .process(new AccuracyAggregator(scope, windowWeeks, options.accuracy().mapeAlert(), options.accuracy().minSamples()))
                    .name("accuracy-by-" + scope.label())
                    .uid("accuracy-by-" + scope.label());
            accuracy.sinkTo(sinks.accuracy())
                    .name("pg-accuracy-by-" + scope.label())
                    .uid("pg-accuracy-by-" + scope.label());
            if (scope == AccuracyScope.PRODUCT) {
                accuracy.getSideOutput(AccuracyAggregator.ALERTS)
                        .sinkTo(sinks.accuracyAlerts())
                        .name("pg-accuracy-alerts")
                        .uid("pg-accuracy-alerts");
            }
        }
    }
}
