package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.flowcast.accuracy.AccuracyScope;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.AccuracyAlert;
import io.flowcast.records.AccuracyRow;
import io.flowcast.records.ForecastError;
import io.flowcast.records.SeriesForecast;
import io.flowcast.records.WeeklyPoint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Harness tests of accuracy tracking: forecasts meeting their actuals, and rolling accuracy per product / region. */
class AccuracyTest {

    private static final long W = LocalDate.of(2025, 3, 3).toEpochDay();

    private static SeriesForecast forecast(long origin, String channel, double... yhat) {
        return new SeriesForecast("P1", "SP", origin, channel, "ses", "rules-1", yhat, yhat, yhat, "");
    }

    private static WeeklyPoint actual(long week, String units, String revenue, boolean correction) {
        return new WeeklyPoint("P1", "SP", week, new BigDecimal(units), new BigDecimal(revenue), correction);
    }

    private static ForecastError error(String product, String region, long week, String channel, double actual, double forecast) {
        return new ForecastError(product, region, week, channel, week - 7, 1, "ses", "rules-1", actual, forecast);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<SeriesKey, SeriesForecast, WeeklyPoint, ForecastError> tracker(
            int lead, int keep) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new AccuracyTracker(lead, keep),
                SeriesKeys.<SeriesForecast>of(), SeriesKeys.<WeeklyPoint>of(), TypeInformation.of(SeriesKey.class));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ForecastError, AccuracyRow> aggregator(AccuracyScope scope)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AccuracyAggregator(scope, 4, 0.2, 3), scope.keySelector(), Types.STRING);
    }

    @Test
    void aForecastMeetsTheActualsOfItsTargetWeekInEitherOrder() throws Exception {
        try (var h = tracker(1, 9)) {
            h.processElement1(forecast(W, "units", 10, 20), 0);
            h.processElement1(forecast(W, "revenue", 100, 200), 0);
            h.processElement2(actual(W, "3", "30", false), 0);
            assertThat(h.extractOutputValues()).as("week W had no forecast").isEmpty();

            h.processElement2(actual(W + 7, "12", "90.5", false), 0);
            // Actuals of W + 14 close before the forecast made at W + 7 is fitted.
            h.processElement2(actual(W + 14, "18", "150", false), 0);
            h.processElement1(forecast(W + 7, "units", 15, 1), 0);

            assertThat(h.extractOutputValues())
                    .extracting(ForecastError::targetWeekEpochDay, ForecastError::channel, ForecastError::originWeekEpochDay,
                            ForecastError::actual, ForecastError::forecast)
                    .containsExactly(
                            tuple(W + 7, "units", W, 12.0, 10.0),
                            tuple(W + 7, "revenue", W, 90.5, 100.0),
                            tuple(W + 14, "units", W + 7, 18.0, 15.0));
        }
    }

    @Test
    void aCorrectedWeekIsScoredAgainAndTheLeadPicksTheStep() throws Exception {
        try (var h = tracker(2, 9)) {
            h.processElement1(forecast(W, "units", 10, 20, 30), 0);
            h.processElement2(actual(W + 7, "11", "0", false), 0);
            h.processElement2(actual(W + 14, "25", "0", false), 0);
            h.processElement2(actual(W + 14, "26", "0", true), 0);

            assertThat(h.extractOutputValues())
                    .extracting(ForecastError::targetWeekEpochDay, ForecastError::leadWeeks, ForecastError::actual,
                            ForecastError::forecast)
                    .containsExactly(tuple(W + 14, 2, 25.0, 20.0), tuple(W + 14, 2, 26.0, 20.0));
        }
    }

    @Test
    void oldWeeksAreDroppedAndAnIdleSeriesIsCleared() throws Exception {
        try (var h = tracker(1, 2)) {
            h.processElement1(forecast(W, "units", 10), 0);
            h.processElement2(actual(W + 7, "1", "1", false), 0);
            h.processElement2(actual(W + 7, "2", "1", true), 0);
            assertThat(h.extractOutputValues()).hasSize(2);

            h.processElement2(actual(W + 14, "1", "1", false), 0);
            h.processElement2(actual(W + 21, "1", "1", false), 0);
            h.processElement2(actual(W + 7, "3", "1", true), 0);
            assertThat(h.extractOutputValues()).as("W+7 is 2 weeks behind W+21: still kept").hasSize(3);
            h.processElement2(actual(W + 28, "1", "1", false), 0);
            h.processElement2(actual(W + 7, "4", "1", true), 0);
            assertThat(h.extractOutputValues()).as("W+7 is 3 weeks behind W+28: its forecast is gone").hasSize(3);

            Watermark beforeIdle = new Watermark(WeeklyAggregator.weekEnd(W + 28 + 14) - 1);
            h.processBothWatermarks(beforeIdle);
            assertThat(h.numKeyedStateEntries()).as("target weeks and the newest week").isEqualTo(2);
            h.processBothWatermarks(new Watermark(beforeIdle.getTimestamp() + 1));
            assertThat(h.numKeyedStateEntries()).as("no week closed for 2 weeks after W+28").isZero();
        }
    }

    @Test
    void productAccuracyOverTheWindowWithAlertsOnceEnoughWeeksPassTheThreshold() throws Exception {
        try (var h = aggregator(AccuracyScope.PRODUCT)) {
            double[][] sp = {{10, 12}, {10, 8}, {10, 10}, {10, 10}};
            double[][] go = {{20, 20}, {0, 5}, {20, 30}, {40, 30}};
            for (int i = 0; i < 4; i++) {
                h.processElement(error("P1", "SP", W + 7L * i, "units", sp[i][0], sp[i][1]), 0);
                h.processElement(error("P1", "GO", W + 7L * i, "units", go[i][0], go[i][1]), 0);
                h.processElement(error("P1", "SP", W + 7L * i, "revenue", 100, 150), 0);
            }
            assertThat(h.extractOutputValues()).as("nothing before the weeks close").isEmpty();
            h.processWatermark(WeeklyAggregator.weekEnd(W + 21));

            List<AccuracyRow> rows = h.extractOutputValues();
            assertThat(rows).extracting(AccuracyRow::asOfWeekEpochDay, AccuracyRow::channel, AccuracyRow::samples)
                    .containsExactly(tuple(W, "units", 2), tuple(W, "revenue", 1),
                            tuple(W + 7, "units", 4), tuple(W + 7, "revenue", 2),
                            tuple(W + 14, "units", 6), tuple(W + 14, "revenue", 3),
                            tuple(W + 21, "units", 8), tuple(W + 21, "revenue", 4));
            AccuracyRow last = rows.get(6);
            assertThat(last.scope()).isEqualTo("product");
            assertThat(last.windowDays()).isEqualTo(28);
            // |e| = 2,2,0,0 (SP) and 0,5,10,10 (GO): 29 / 8.
            assertThat(last.mae()).isEqualTo(3.625);
            // 7 non-zero actuals: 0.2 + 0.2 + 0.5 + 0.25 over 7.
            assertThat(last.mape()).isCloseTo(1.15 / 7, within(1e-12));
            // mean 15, SST 1000, SSE 233.
            assertThat(last.r2()).isCloseTo(0.767, within(1e-12));
            assertThat(rows.get(0).mape()).isCloseTo(0.1, within(1e-12));

            // Revenue MAPE is 0.5 everywhere; it alerts once three non-zero weeks are behind it.
            assertThat(h.getSideOutput(AccuracyAggregator.ALERTS)).extracting(r -> r.getValue())
                    .extracting(AccuracyAlert::asOfWeekEpochDay, AccuracyAlert::channel, AccuracyAlert::samples, AccuracyAlert::raised)
                    .containsExactly(tuple(W + 14, "revenue", 3, true), tuple(W + 21, "revenue", 4, true));
        }
    }

    @Test
    void aCorrectedWeekRecomputesEveryWindowHoldingIt() throws Exception {
        try (var h = aggregator(AccuracyScope.REGION)) {
            for (int i = 0; i < 3; i++) {
                h.processElement(error("P1", "SP", W + 7L * i, "units", 10, 10), 0);
                h.processElement(error("P2", "SP", W + 7L * i, "units", 0, 0), 0);
            }
            h.processWatermark(WeeklyAggregator.weekEnd(W + 14));
            assertThat(h.extractOutputValues()).extracting(AccuracyRow::scopeKey, AccuracyRow::mae, AccuracyRow::r2)
                    .containsOnly(tuple("SP", 0.0, 1.0));
            h.getOutput().clear();

            h.processElement(error("P1", "SP", W + 7, "units", 20, 10), 0);
            h.processWatermark(WeeklyAggregator.weekEnd(W + 14) + 1);
            assertThat(h.extractOutputValues()).extracting(AccuracyRow::asOfWeekEpochDay, AccuracyRow::mae)
                    .containsExactly(tuple(W + 7, 2.5), tuple(W + 14, 10.0 / 6));
        }
    }

    @Test
    void aRecomputedWeekThatNoLongerPassesTheThresholdClearsItsAlert() throws Exception {
        try (var h = aggregator(AccuracyScope.PRODUCT)) {
            for (int i = 0; i < 3; i++) {
                h.processElement(error("P1", "SP", W + 7L * i, "units", 10, 15), 0);
            }
            h.processWatermark(WeeklyAggregator.weekEnd(W + 14));
            h.processElement(error("P1", "SP", W + 7, "units", 15, 15), 0);
            h.processElement(error("P1", "SP", W + 14, "units", 15, 15), 0);
            h.processWatermark(WeeklyAggregator.weekEnd(W + 14) + 1);

            assertThat(h.getSideOutput(AccuracyAggregator.ALERTS)).extracting(r -> r.getValue())
                    .extracting(AccuracyAlert::asOfWeekEpochDay, AccuracyAlert::raised)
                    .containsExactly(tuple(W + 14, true), tuple(W + 7, false), tuple(W + 14, false));
        }
    }

    @Test
    void weeksWithoutDemandLeaveMapeUndefinedAndNoAlert() throws Exception {
        try (var h = aggregator(AccuracyScope.PRODUCT)) {
            for (int i = 0; i < 4; i++) {
                h.processElement(error("P1", "SP", W + 7L * i, "units", 0, 3), 0);
            }
            h.processWatermark(WeeklyAggregator.weekEnd(W + 21));
            AccuracyRow last = h.extractOutputValues().get(3);
            assertThat(last.mae()).isEqualTo(3.0);
            assertThat(last.mape()).isNaN();
            assertThat(last.r2()).isNaN();
            assertThat(h.getSideOutput(AccuracyAggregator.ALERTS)).isNullOrEmpty();
        }
    }

    @Test
    void aProductScoredNoLongerThanTheRingsHoldLeavesState() throws Exception {
        try (var h = aggregator(AccuracyScope.PRODUCT)) {
            h.processElement(error("P1", "SP", W, "units", 10, 12), 0);
            long clear = WeeklyAggregator.weekEnd(W + 7L * io.flowcast.accuracy.ErrorHistory.CAPACITY);
            h.processWatermark(clear - 1);
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.numKeyedStateEntries()).isEqualTo(3);
            h.processWatermark(clear);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void theErrorRingKeepsAsManyWeeksAsTheAggregatorCanCorrect() {
        io.flowcast.accuracy.ErrorHistory h = io.flowcast.accuracy.ErrorHistory.startingAt(W);
        h.put(W, 5, 4);
        h.put(W + 7, 6, 4);
        assertThat(h.actualOf(W)).isEqualTo(5.0);
        long last = W + 7L * (io.flowcast.accuracy.ErrorHistory.CAPACITY - 1);
        h.put(last, 1, 1);
        assertThat(h.actualOf(W)).as("still in the ring").isEqualTo(5.0);
        assertThat(h.actualOf(W + 14)).as("never scored").isNaN();
        h.put(last + 7, 2, 2);
        assertThat(h.actualOf(W)).as("fell out of the ring").isNaN();
        assertThat(h.forecastOf(W + 7)).isEqualTo(4.0);
        h.put(W, 9, 9);
        assertThat(h.actualOf(W)).as("older than the ring: ignored").isNaN();
        assertThat(h.actualOf(last + 7)).isEqualTo(2.0);
    }
}
