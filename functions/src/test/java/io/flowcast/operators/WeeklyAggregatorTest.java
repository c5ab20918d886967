package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.flowcast.aggregate.ForecastCadence;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.Delta;
import io.flowcast.records.SalesLineChange;
import io.flowcast.records.WeeklyPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import io.flowcast.records.ForecastRequest;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class WeeklyAggregatorTest {

    // ISO weeks starting Monday 2025-03-03, 03-10, 03-17, 03-24.
    private static final LocalDate W1 = LocalDate.of(2025, 3, 3);
    private static final LocalDate W2 = W1.plusWeeks(1);
    private static final LocalDate W3 = W1.plusWeeks(2);

    static SalesLineChange line(String key, LocalDate day, String units, String revenue) {
        long at = Instant.parse(day + "T10:00:00Z").toEpochMilli();
        return new SalesLineChange(key, false, "P1", "SP", at, new BigDecimal(units), new BigDecimal(revenue));
    }

    static KeyedTwoInputStreamOperatorTestHarness<SeriesKey, Delta<SalesLineChange>, ForecastRequest, WeeklyPoint> harness(int idleWeeks)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new WeeklyAggregator(idleWeeks, "test-job"), new SeriesKeys.ByDeltaSeries<SalesLineChange>(), SeriesKeys.<ForecastRequest>of(), TypeInformation.of(SeriesKey.class));
    }

    static long endOf(LocalDate week) {
        return WeeklyAggregator.weekEnd(week.toEpochDay());
    }

    @Test
    void closesWeeksOnTheWatermarkIncludingEmptyOnes() throws Exception {
        try (var h = harness(26)) {
            h.processElement1(new Delta<>(+1, line("PV-1|1", W1.plusDays(2), "2.5", "25.0000001")), 0);
            h.processElement1(new Delta<>(+1, line("PV-2|1", W1.plusDays(6), "1", "10")), 0);
            h.processElement1(new Delta<>(+1, line("PV-3|1", W3.plusDays(1), "4", "40")), 0);
            assertThat(h.numEventTimeTimers()).isEqualTo(1);

            h.processBothWatermarks(new Watermark(endOf(W1) - 1));
            assertThat(h.extractOutputValues()).isEmpty();
            h.processBothWatermarks(new Watermark(endOf(W3)));

            assertThat(h.extractOutputValues())
                    .extracting(WeeklyPoint::weekStartEpochDay, p -> p.units().toPlainString(), p -> p.revenue().stripTrailingZeros().toPlainString(), WeeklyPoint::correction)
                    .containsExactly(
                            tuple(W1.toEpochDay(), "3.500", "35.0000001", false),
                            tuple(W2.toEpochDay(), "0.000", "0", false),
                            tuple(W3.toEpochDay(), "4.000", "40", false));
            assertThat(h.numEventTimeTimers()).as("next week's close is scheduled").isEqualTo(1);
        }
    }

    @Test
    void amendmentsAndCancellationsOfClosedWeeksAreReEmittedAsCorrections() throws Exception {
        try (var h = harness(26)) {
            SalesLineChange v1 = line("PV-1|1", W1, "5", "50");
            SalesLineChange v2 = line("PV-1|1", W1, "3", "30");
            h.processElement1(new Delta<>(+1, v1), 0);
            h.processBothWatermarks(new Watermark(endOf(W1)));
            h.processElement1(new Delta<>(-1, v1), 0);
            h.processElement1(new Delta<>(+1, v2), 0);

            assertThat(h.extractOutputValues())
                    .extracting(p -> p.units().intValue(), WeeklyPoint::correction)
                    .containsExactly(tuple(5, false), tuple(0, true), tuple(3, true));
        }
    }

    @Test
    void anOlderFirstLineExtendsTheSeriesBackwardsWithoutHoles() throws Exception {
        try (var h = harness(26)) {
            h.processElement1(new Delta<>(+1, line("PV-1|1", W3, "1", "1")), 0);
            h.processBothWatermarks(new Watermark(endOf(W3)));
            h.processElement1(new Delta<>(+1, line("PV-2|1", W1, "2", "2")), 0);
            assertThat(h.extractOutputValues())
                    .extracting(WeeklyPoint::weekStartEpochDay, p -> p.units().intValue(), WeeklyPoint::correction)
                    .containsExactly(
                            tuple(W3.toEpochDay(), 1, false),
                            tuple(W1.toEpochDay(), 2, true),
                            tuple(W2.toEpochDay(), 0, true));
        }
    }

    @Test
    void idleSeriesAreDroppedAndEndOfInputClosesOnlyWeeksWithData() throws Exception {
        try (var h = harness(2)) {
            h.processElement1(new Delta<>(+1, line("PV-1|1", W1, "1", "1")), 0);
            h.processBothWatermarks(new Watermark(endOf(W1.plusWeeks(3))));
            assertThat(h.extractOutputValues()).hasSize(3);
            assertThat(h.numKeyedStateEntries()).as("idle for 2 weeks: state dropped").isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            assertThat(h.getSideOutput(WeeklyAggregator.REVENUE)).extracting(r -> r.getValue().retired(), r -> r.getValue().trailingRevenue())
                    .as("each close sends the trailing revenue; the drop sends a retirement to the ABC ranking")
                    .containsExactly(tuple(false, 1.0), tuple(false, 1.0), tuple(true, 0.0));
        }
        try (var h = harness(26)) {
            h.processElement1(new Delta<>(+1, line("PV-1|1", W1, "1", "1")), 0);
            h.processElement1(new Delta<>(+1, line("PV-2|1", W3, "1", "1")), 0);
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            assertThat(h.extractOutputValues()).extracting(WeeklyPoint::weekStartEpochDay)
                    .containsExactly(W1.toEpochDay(), W2.toEpochDay(), W3.toEpochDay());
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void historicalClosesSkippedByTheCadenceGetTheirForecastOnceTheReplaySettles() throws Exception {
        ForecastCadence everySecond = new ForecastCadence(ForecastCadence.Mode.EVERY_N, 2, 0, 5_000);
        try (var h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new WeeklyAggregator(26, everySecond, "test-job"),
                new SeriesKeys.ByDeltaSeries<SalesLineChange>(), SeriesKeys.<ForecastRequest>of(), TypeInformation.of(SeriesKey.class))) {
            long later = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
            h.setProcessingTime(later);
            h.processElement1(new Delta<>(+1, line("PV-1|1", W1, "1", "1")), 0);
            h.processBothWatermarks(new Watermark(endOf(W1)));
            h.processBothWatermarks(new Watermark(endOf(W2)));
            h.processBothWatermarks(new Watermark(endOf(W3)));
            assertThat(h.getSideOutput(WeeklyAggregator.SNAPSHOTS)).as("features and classes at every close").hasSize(3);
            assertThat(h.getSideOutput(WeeklyAggregator.FORECAST_SNAPSHOTS))
                    .extracting(r -> r.getValue().weekStartEpochDay())
                    .as("history (wall clock a year later): the first close, then every second week")
                    .containsExactly(W1.toEpochDay(), W3.toEpochDay());

            h.processElement1(new Delta<>(+1, line("PV-2|1", W3.plusWeeks(1), "1", "1")), 0);
            h.processBothWatermarks(new Watermark(endOf(W3.plusWeeks(1))));
            assertThat(h.getSideOutput(WeeklyAggregator.FORECAST_SNAPSHOTS)).hasSize(2);
            h.setProcessingTime(later + 4_000);
            assertThat(h.getSideOutput(WeeklyAggregator.FORECAST_SNAPSHOTS)).as("not settled yet").hasSize(2);
            h.setProcessingTime(later + 10_000);
            assertThat(h.getSideOutput(WeeklyAggregator.FORECAST_SNAPSHOTS))
                    .extracting(r -> r.getValue().weekStartEpochDay())
                    .as("the newest close, forecast once the replay paused")
                    .containsExactly(W1.toEpochDay(), W3.toEpochDay(), W3.plusWeeks(1).toEpochDay());
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }
}
