package io.flowcast.operators;

import io.flowcast.classify.AbcRanking;
import io.flowcast.records.AbcClass;
import io.flowcast.records.SeriesSnapshot;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The global ABC ranking. All series snapshots meet here (one key), each leaving its trailing
 * 52-week revenue; when the watermark passes the end of a week, products are ranked by their
 * revenue summed over regions and every product's class for that week is emitted.
 *
 * <p>Metric {@code series}: how many demand series the last ranking covered.
 *
 * <p>One key is enough: each series sends one snapshot per week, and the ranking itself is over
 * products (a few thousand), not events.
 */
public final class AbcRanker extends KeyedProcessFunction<String, SeriesSnapshot, AbcClass> {

    private static final long serialVersionUID = 1L;

    /** Key every snapshot is sent to. */
    public static final String GLOBAL = "all-products";
    static final String REVENUE = "trailing-revenue-by-series";
    /** Weeks of revenue the ranking looks at. */
    static final int TRAILING_WEEKS = io.flowcast.forecast.Weeks.SEASON;

    private final AbcRanking ranking;
    private transient MapState<String, Double> revenueBySeries;
    private transient long seriesRanked;

    public AbcRanker(AbcRanking ranking) {
        this.ranking = ranking;
    }

    @Override
    public void open(OpenContext openContext) {
        revenueBySeries = getRuntimeContext().getMapState(new MapStateDescriptor<>(REVENUE, Types.STRING, Types.DOUBLE));
        getRuntimeContext().getMetricGroup().gauge("series", () -> seriesRanked);
    }

    @Override
    public void processElement(SeriesSnapshot snapshot, Context ctx, Collector<AbcClass> out) throws Exception {
        double[] revenue = snapshot.revenue();
        double trailing = 0;
        for (int i = Math.max(0, revenue.length - TRAILING_WEEKS); i < revenue.length; i++) {
            trailing += revenue[i];
        }
        revenueBySeries.put(snapshot.productCode() + "|" + snapshot.region(), trailing);
        ctx.timerService().registerEventTimeTimer(WeeklyAggregator.weekEnd(snapshot.weekStartEpochDay()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AbcClass> out) throws Exception {
        Map<String, Double> byProduct = new HashMap<>();
        long series = 0;
        for (Map.Entry<String, Double> entry : revenueBySeries.entries()) {
            series++;
            String product = entry.getKey().substring(0, entry.getKey().indexOf('|'));
            byProduct.merge(product, entry.getValue(), Double::sum);
        }
        seriesRanked = series;
        long week = io.flowcast.aggregate.WeeklyHistory.weekOf(timestamp);
        for (AbcRanking.Ranked ranked : ranking.rank(byProduct)) {
            out.collect(new AbcClass(ranked.productCode(), week, ranked.abc(), ranked.revenueShare()));
        }
    }
}
