package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.features.InventoryKpis;
import io.flowcast.records.SeriesKey;
import io.flowcast.records.InventorySignal;
import io.flowcast.records.KpiSnapshot;
import io.flowcast.records.SeriesSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.operators.TimestampsAndWatermarksOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Harness tests of the week-close join of snapshots with fulfilment and stock levels. */
class InventoryKpiFunctionTest {

    // ISO weeks starting Monday 2025-03-03, 03-10, 03-17.
    private static final LocalDate W1 = LocalDate.of(2025, 3, 3);
    private static final LocalDate W2 = W1.plusWeeks(1);
    private static final LocalDate W3 = W1.plusWeeks(2);

    private static long at(LocalDate day, int hour) {
        return Instant.parse(day + "T00:00:00Z").plusSeconds(hour * 3600L).toEpochMilli();
    }

    private static long endOf(LocalDate week) {
        return WeeklyAggregator.weekEnd(week.toEpochDay());
    }

    static InventorySignal line(LocalDate day, int sign, String ordered, String fulfilled) {
        return new InventorySignal(InventorySignal.Kind.ORDER_LINE, "P1", "SP", at(day, 10), sign,
                new BigDecimal(ordered), fulfilled == null ? null : new BigDecimal(fulfilled), null, null);
    }

    static InventorySignal stock(long atMillis, String onHand, String cost) {
        return new InventorySignal(InventorySignal.Kind.STOCK_LEVEL, "P1", "SP", atMillis, 0, null, null,
                new BigDecimal(onHand), cost == null ? null : new BigDecimal(cost));
    }

    static SeriesSnapshot snapshot(LocalDate week, int weeks) {
        return new SeriesSnapshot("P1", "SP", week.toEpochDay(), new double[weeks], new double[weeks]);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<SeriesKey, SeriesSnapshot, InventorySignal, KpiSnapshot> harness(int window)
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new InventoryKpiFunction(window),
                SeriesKeys.<SeriesSnapshot>of(), SeriesKeys.<InventorySignal>of(), TypeInformation.of(SeriesKey.class));
    }

    @Test
    void snapshotWaitsForBothWatermarksAndCarriesHandComputedKpis() throws Exception {
        try (var h = harness(2)) {
            h.processElement2(stock(at(W1.plusDays(1), 9), "100", "2"), 0);
            h.processElement2(line(W1, +1, "10", "10"), 0);
            h.processElement2(line(W2, +1, "30", "20"), 0);
            // The line is amended (ordered 30 -> 40) and another one is cancelled.
            h.processElement2(line(W2, -1, "30", "20"), 0);
            h.processElement2(line(W2, +1, "40", "20"), 0);
            h.processElement2(line(W2, +1, "5", "5"), 0);
            h.processElement2(line(W2, -1, "5", "5"), 0);
            // A line without fulfilment counts in no sum; stock of the same instant: the later arrival wins.
            h.processElement2(line(W2, +1, "99", null), 0);
            h.processElement2(stock(at(W2.plusDays(2), 9), "90", "2"), 0);
            h.processElement2(stock(at(W2.plusDays(2), 9), "80", "2.5"), 0);
            // After the close of W2: not the stock at its close.
            h.processElement2(stock(endOf(W2) + 1, "10", "2.5"), 0);

            h.processElement1(snapshot(W2, 5), endOf(W2));
            h.processWatermark1(new Watermark(endOf(W2)));
            assertThat(h.extractOutputValues()).as("the stock watermark is behind").isEmpty();
            h.processWatermark2(new Watermark(endOf(W2)));

            List<KpiSnapshot> out = h.extractOutputValues();
            assertThat(out).hasSize(1);
            InventoryKpis k = out.get(0).kpis();
            assertThat(out.get(0).snapshot().weekStartEpochDay()).isEqualTo(W2.toEpochDay());
            assertThat(k.windowWeeks()).isEqualTo(2);
            assertThat(k.onHand()).isEqualTo(80.0);
            assertThat(k.stockValue()).isEqualTo(200.0);
            // Shipped 10 + 20 of 10 + 40 ordered.
            assertThat(k.serviceLevel()).isCloseTo(0.6, within(1e-12));
            assertThat(k.daysInventoryOutstanding()).isCloseTo(80 / (30 / 14.0), within(1e-12));
            // Closes 100 (W1) and 80 (W2).
            assertThat(k.turnover()).isCloseTo(30 * 26.0 / 90, within(1e-12));
        }
    }

    @Test
    void windowIsTheSeriesHistoryWhenShorterAndOldWeeksAreDropped() throws Exception {
        try (var h = harness(2)) {
            h.processElement2(stock(at(W1, 8), "50", "1"), 0);
            h.processElement2(line(W1, +1, "8", "8"), 0);
            h.processElement1(snapshot(W1, 1), endOf(W1));
            h.processBothWatermarks(new Watermark(endOf(W1)));
            h.processElement2(line(W3, +1, "4", "2"), 0);
            h.processElement1(snapshot(W3, 3), endOf(W3));
            h.processBothWatermarks(new Watermark(endOf(W3)));
            // W1 left the W3 window: an amendment to it is too late to matter.
            h.processElement2(line(W1, +1, "3", "3"), 0);

            List<KpiSnapshot> out = h.extractOutputValues();
            assertThat(out).extracting(s -> s.kpis().windowWeeks()).containsExactly(1, 2);
            assertThat(out.get(0).kpis().daysInventoryOutstanding()).isCloseTo(50 / (8 / 7.0), within(1e-12));
            assertThat(out.get(1).kpis().serviceLevel()).isEqualTo(0.5);
            assertThat(out.get(1).kpis().onHand()).as("the W1 row still stands").isEqualTo(50.0);
            assertThat(out.get(1).kpis().turnover()).isCloseTo(2 * 26.0 / 50, within(1e-12));
            // Left: the W3 sums, the W1 stock row (the level later weeks start from), the last close.
            assertThat(h.numKeyedStateEntries()).isEqualTo(3);
            assertThat(out).hasSize(2);
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void dataArrivingAfterTheCloseCorrectsTheLastClosedSnapshot() throws Exception {
        try (var h = harness(13)) {
            h.processElement2(stock(at(W1, 8), "50", "1"), 0);
            h.processElement2(line(W2, +1, "10", "10"), 0);
            h.processElement1(snapshot(W2, 2), endOf(W2));
            h.processBothWatermarks(new Watermark(endOf(W2)));
            // Days later the line is amended (ordered 10 -> 20) and a W2 stock row shows up late.
            h.processElement2(line(W2, -1, "10", "10"), 0);
            h.processElement2(line(W2, +1, "20", "10"), 0);
            h.processElement2(stock(at(W2, 8), "40", "1"), 0);
            // The current week's stock does not touch the closed week.
            h.processElement2(stock(at(W3, 8), "30", "1"), 0);

            List<KpiSnapshot> out = h.extractOutputValues();
            assertThat(out).extracting(s -> s.snapshot().weekStartEpochDay()).containsOnly(W2.toEpochDay());
            // The -1 of the amendment passes through a state with nothing ordered.
            assertThat(out).extracting(s -> s.kpis().serviceLevel()).containsExactly(1.0, null, 0.5, 0.5);
            assertThat(out).extracting(s -> s.kpis().onHand()).containsExactly(50.0, 50.0, 50.0, 40.0);
            assertThat(out.get(3).kpis().turnover()).isCloseTo(10 * 26.0 / 45, within(1e-12));
        }
    }

    @Test
    void aLateLineOlderThanTheSeriesCountsOnceTheSeriesExtendsBackwards() throws Exception {
        try (var h = harness(13)) {
            h.processElement2(line(W2, +1, "10", "10"), 0);
            h.processElement1(snapshot(W2, 1), endOf(W2));
            h.processBothWatermarks(new Watermark(endOf(W2)));
            // Kept although it precedes the series (and the last window) ...
            h.processElement2(line(W1, +1, "10", "0"), 0);
            // ... because the aggregator then reports the series from W1 on.
            h.processElement1(snapshot(W3, 3), endOf(W3));
            h.processBothWatermarks(new Watermark(endOf(W3)));

            List<KpiSnapshot> out = h.extractOutputValues();
            assertThat(out).extracting(s -> s.kpis().serviceLevel()).containsExactly(1.0, 1.0, 0.5);
            assertThat(out.get(2).kpis().windowWeeks()).isEqualTo(3);
        }
    }

    @Test
    void seriesWithoutStockDataGetsNullStockKpis() throws Exception {
        try (var h = harness(13)) {
            h.processElement2(line(W1, +1, "10", "7"), 0);
            h.processElement1(snapshot(W1, 1), endOf(W1));
            h.processBothWatermarks(new Watermark(endOf(W1)));
            InventoryKpis k = h.extractOutputValues().get(0).kpis();
            assertThat(k.stockKnown()).isFalse();
            assertThat(k.stockValue()).isNull();
            assertThat(k.daysInventoryOutstanding()).isNull();
            assertThat(k.turnover()).isNull();
            assertThat(k.serviceLevel()).isEqualTo(0.7);
        }
    }

    @Test
    void aDeletedStockRowIsUnknownFromThen() throws Exception {
        try (var h = harness(13)) {
            h.processElement2(stock(at(W1, 8), "50", "1"), 0);
            h.processElement2(new InventorySignal(InventorySignal.Kind.STOCK_DELETED, "P1", "SP", at(W2, 8), 0,
                    null, null, null, null), 0);
            h.processElement1(snapshot(W2, 2), endOf(W2));
            h.processBothWatermarks(new Watermark(endOf(W2)));
            InventoryKpis k = h.extractOutputValues().get(0).kpis();
            assertThat(k.onHand()).isNull();
            assertThat(k.turnover()).as("no shipments over the known week's 50").isZero();
        }
    }

    @Test
    void anIdleStockInputDoesNotHoldSnapshotsOrTheWatermarkBack() throws Exception {
        try (var h = harness(13)) {
            h.processElement2(stock(at(W1, 8), "50", "1"), 0);
            h.processWatermark2(new Watermark(at(W1, 7)));
            h.processElement1(snapshot(W2, 2), endOf(W2));
            h.processWatermark1(new Watermark(endOf(W2)));
            assertThat(h.extractOutputValues()).isEmpty();

            h.processWatermarkStatus2(WatermarkStatus.IDLE);

            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.extractOutputValues().get(0).kpis().onHand()).isEqualTo(50.0);
            assertThat(h.getOutput()).filteredOn(e -> e instanceof Watermark)
                    .extracting(e -> ((Watermark) e).getTimestamp()).contains(endOf(W2));
        }
    }

    /** The stock stream's own watermark strategy turns a quiet input idle, which the test above relies on. */
    @Test
    void stockWatermarksGoIdleWhenTheStreamIsQuiet() throws Exception {
        WatermarkStrategy<InventorySignal> strategy = StockLevelWatermarks.strategy(Duration.ofHours(1), Duration.ofMillis(200));
        try (var h = new OneInputStreamOperatorTestHarness<InventorySignal, InventorySignal>(
                new TimestampsAndWatermarksOperator<>(strategy, true))) {
            h.getExecutionConfig().setAutoWatermarkInterval(50);
            h.open();
            h.processElement(stock(at(W1, 8), "50", "1"), 0);
            h.setProcessingTime(50);
            assertThat(h.getOutput()).filteredOn(e -> e instanceof Watermark)
                    .extracting(e -> ((Watermark) e).getTimestamp()).containsExactly(at(W1, 7) - 1);
            h.setProcessingTime(100);
            assertThat(h.getOutput()).noneMatch(WatermarkStatus.IDLE::equals);
            // The idleness clock is the operator's processing-time clock.
            h.setProcessingTime(500);
            assertThat(h.getOutput()).contains(WatermarkStatus.IDLE);
        }
    }
}
