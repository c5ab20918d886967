package io.flowcast.operators;

import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.classify.AbcRanking;
import io.flowcast.records.AbcClass;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesRevenue;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The global ABC ranking. Every series' trailing 52-week revenue meets here (one key) at each of
 * its week closes; when the watermark passes the end of a week, products are ranked by their
 * revenue summed over regions and every product's class for that week is emitted. A series the
 * weekly aggregator drops as idle sends a retirement and leaves the ranking.
 *
 * <p>Metric {@code series}: how many demand series the last ranking covered.
 *
 * <p>One key is enough: each series sends one small record per week (no history arrays), and the
 * ranking itself is over products (a few thousand), not events.
 */
public final class AbcRanker extends KeyedProcessFunction<String, SeriesRevenue, AbcClass> {

    private static final long serialVersionUID = 1L;

    /** Key every revenue is sent to. */
    public static final String GLOBAL = "all-products";
    static final String REVENUE = "trailing-revenue-by-series";

    private final AbcRanking ranking;
    private transient MapState<SeriesKey, Double> revenueBySeries;
    private transient long seriesRanked;

    public AbcRanker(AbcRanking ranking) {
        this.ranking = ranking;
    }

    @Override
    public void open(OpenContext openContext) {
        revenueBySeries = getRuntimeContext().getMapState(
                new MapStateDescriptor<>(REVENUE, TypeInformation.of(SeriesKey.class), Types.DOUBLE));
        getRuntimeContext().getMetricGroup().gauge("series", () -> seriesRanked);
    }

    @Override
    public void processElement(SeriesRevenue revenue, Context ctx, Collector<AbcClass> out) throws Exception {
        if (revenue.retired()) {
            revenueBySeries.remove(revenue.series());
        } else {
            revenueBySeries.put(revenue.series(), revenue.trailingRevenue());
        }
        ctx.timerService().registerEventTimeTimer(WeeklyAggregator.weekEnd(revenue.weekStartEpochDay()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AbcClass> out) throws Exception {
        Map<String, Double> byProduct = new HashMap<>();
        long series = 0;
        for (Map.Entry<SeriesKey, Double> entry : revenueBySeries.entries()) {
            series++;
            byProduct.merge(entry.getKey().productCode(), entry.getValue(), Double::sum);
        }
        seriesRanked = series;
        long week = WeeklyHistory.weekOf(timestamp);
        for (AbcRanking.Ranked ranked : ranking.rank(byProduct)) {
            out.collect(new AbcClass(ranked.productCode(), week, ranked.abc(), ranked.revenueShare()));
        }
    }

    /** Sends every series' revenue to the one global ranking. */
    public static final class AllProducts implements KeySelector<SeriesRevenue, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SeriesRevenue revenue) {
            return GLOBAL;
        }
    }
}
