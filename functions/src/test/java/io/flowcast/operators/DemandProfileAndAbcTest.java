package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.flowcast.classify.AbcRanking;
import io.flowcast.classify.DemandClassifier;
import io.flowcast.features.FeatureExtractor;
import io.flowcast.features.InventoryKpis;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.SeriesRevenue;
import io.flowcast.records.AbcClass;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.records.SeriesSnapshot;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Harness tests of the per-series profile (features + classes) and the global ABC ranking. */
class DemandProfileAndAbcTest {

    private static final long WEEK = LocalDate.of(2025, 3, 3).toEpochDay();

    static SeriesSnapshot snapshot(String product, String region, long week, double[] units, double[] revenue) {
        return new SeriesSnapshot(product, region, week, units, revenue);
    }

    private static final InventoryKpis STOCKED = InventoryKpis.compute(4, 40.0, 2.5, new double[] {60, 50, 40, 50}, 28, 35);
    private static final InventoryKpis NO_STOCK = InventoryKpis.compute(4, null, null, new double[] {Double.NaN}, 28, 35);

    static KpiSnapshot withKpis(SeriesSnapshot snapshot, InventoryKpis kpis) {
        return new KpiSnapshot(snapshot, kpis);
    }

    @Test
    void profileClassifiesAndRewritesFeaturesOnlyWhenTheyChange() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DemandProfileFunction(new DemandClassifier(0.5, 1.0)), new SeriesKeys.ByKpiSnapshot(), TypeInformation.of(SeriesKey.class))) {
            double[] intermittent = {0, 0, 5, 0, 0, 0, 4, 0, 0, 6};
            h.processElement(withKpis(snapshot("P1", "SP", WEEK, intermittent, intermittent), STOCKED), 0);
            h.processElement(withKpis(snapshot("P1", "SP", WEEK + 7, intermittent, intermittent), STOCKED), 0);
            h.processElement(withKpis(snapshot("P1", "SP", WEEK + 14, new double[] {5, 5, 6, 5, 5, 6}, new double[6]), STOCKED), 0);

            assertThat(h.extractOutputValues())
                    .extracting(DemandProfile::pattern, DemandProfile::featuresChanged)
                    .containsExactly(tuple("INTERMITTENT", true), tuple("INTERMITTENT", false), tuple("SMOOTH", true));
            assertThat(h.extractOutputValues().get(2).xyz()).isEqualTo("X");
            assertThat(h.extractOutputValues().get(0).featuresJson()).contains("\"adi\":3.33333");
            assertThat(h.numKeyedStateEntries()).as("the last hash per series").isEqualTo(1);
            assertThat(h.extractOutputValues().get(0).featuresJson()).contains("\"stock_value\":100", "\"service_level\":0.8");
        }
    }

    @Test
    void missingStockKeepsTheClassesButLowersQualityAndChangesTheVector() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new DemandProfileFunction(new DemandClassifier(0.5, 1.0)), new SeriesKeys.ByKpiSnapshot(), TypeInformation.of(SeriesKey.class))) {
            double[] smooth = {5, 5, 6, 5, 5, 6};
            h.processElement(withKpis(snapshot("P1", "SP", WEEK, smooth, smooth), NO_STOCK), 0);
            h.processElement(withKpis(snapshot("P1", "SP", WEEK + 7, smooth, smooth), STOCKED), 0);

            DemandProfile without = h.extractOutputValues().get(0);
            DemandProfile with = h.extractOutputValues().get(1);
            assertThat(without.features().qualityScore())
                    .isEqualTo(with.features().qualityScore() * FeatureExtractor.MISSING_STOCK_QUALITY);
            assertThat(without.featuresJson()).contains("\"on_hand\":null", "\"dio\":null");
            assertThat(with.featuresChanged()).as("the stock arrived").isTrue();
            assertThat(without.pattern()).isEqualTo(with.pattern());
        }
    }

    @Test
    void abcRanksProductsWhenTheWeekClosesUsingEachSeriesLatestRevenue() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AbcRanker(new AbcRanking(0.8, 0.95)), new AbcRanker.AllProducts(), Types.STRING)) {
            h.processElement(revenue("P1", "SP", WEEK, 700), 0);
            h.processElement(revenue("P1", "GO", WEEK, 100), 0);
            h.processElement(revenue("P2", "SP", WEEK, 150), 0);
            h.processElement(revenue("P3", "SP", WEEK, 50), 0);
            assertThat(h.extractOutputValues()).isEmpty();

            h.processWatermark(WeeklyAggregator.weekEnd(WEEK));

            assertThat(h.extractOutputValues())
                    .extracting(AbcClass::productCode, AbcClass::abc, AbcClass::weekStartEpochDay)
                    .containsExactly(tuple("P1", 'A', WEEK), tuple("P2", 'B', WEEK), tuple("P3", 'C', WEEK));
            assertThat(h.extractOutputValues().get(0).revenueShare()).isEqualTo(0.8);
        }
    }

    @Test
    void aSeriesDroppedAsIdleLeavesTheRanking() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AbcRanker(new AbcRanking(0.8, 0.95)), new AbcRanker.AllProducts(), Types.STRING)) {
            h.processElement(revenue("P1", "SP", WEEK, 100), 0);
            h.processElement(revenue("P2", "SP", WEEK, 900), 0);
            h.processWatermark(WeeklyAggregator.weekEnd(WEEK));
            assertThat(h.extractOutputValues()).extracting(AbcClass::productCode).containsExactly("P2", "P1");
            h.getOutput().clear();

            long next = WEEK + 7;
            h.processElement(revenue("P1", "SP", next, 100), 0);
            h.processElement(new SeriesRevenue("P2", "SP", next, 0, true), 0);
            h.processWatermark(WeeklyAggregator.weekEnd(next));

            assertThat(h.extractOutputValues())
                    .extracting(AbcClass::productCode, AbcClass::abc, AbcClass::revenueShare)
                    .containsExactly(tuple("P1", 'A', 1.0));
        }
    }

    private static SeriesRevenue revenue(String product, String region, long week, double trailing) {
        return new SeriesRevenue(product, region, week, trailing, false);
    }
}
