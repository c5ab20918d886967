package io.flowcast.jobs;

import io.flowcast.config.CheckpointSettings;
import io.flowcast.config.FlowcastConfig;
import io.flowcast.functions.CdcDecodeFunction;
import io.flowcast.functions.ChangeProjections;
import io.flowcast.functions.SalesLineTimestamps;
import io.flowcast.functions.VersionDeltaFunction;
import io.flowcast.functions.WeeklyAggregator;
import io.flowcast.records.CdcMessage;
import io.flowcast.records.MirrorChange;
import io.flowcast.records.SalesLineChange;
import io.flowcast.sinks.JdbcSinks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Demand series from the sales-order CDC: weekly units and revenue per product x region.
 *
 * <pre>
 * Kafka castrolanda.sales.orders -> decode/validate --dead letters--> dead_letter (PG)
 *   -> sales lines -> event time (order date) + watermarks
 *   -> keyBy(order line) versions -> +1/-1 deltas
 *   -> keyBy(product|region) 104-week ring, weeks closed by the watermark -> weekly_sales (PG)
 * </pre>
 *
 * This is the aggregation stage of the design's DemandForecastJob; features, classification and
 * forecasting attach to the weekly stream it produces.
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

        changes.flatMap(new ChangeProjections.ToSalesLineChanges())
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
                .uid("weekly-aggregator")
                .sinkTo(JdbcSinks.weeklySales(options.postgres()))
                .name("pg-weekly-sales")
                .uid("pg-weekly-sales");
    }
}
