package io.flowcast.operators;

import static io.flowcast.operators.WeeklyAggregatorTest.endOf;
import static io.flowcast.operators.WeeklyAggregatorTest.harness;
import static io.flowcast.operators.WeeklyAggregatorTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.flowcast.records.DeadLetterReason;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.records.DeadLetter;
import io.flowcast.records.Delta;
import io.flowcast.records.ForecastRequest;
import io.flowcast.records.PredictionRow;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesForecast;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.records.WeeklyPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** Forecast requests joined to the weekly aggregator's history, validated, and kept out of event time. */
class ForecastRequestsTest {

    private static final LocalDate W1 = LocalDate.of(2025, 3, 3);
    private static final LocalDate W2 = W1.plusWeeks(1);
    private static final LocalDate W3 = W1.plusWeeks(2);
    private static final LocalDate W4 = W1.plusWeeks(3);

    private static ForecastRequest request(long id, String product, String region, int horizon) {
        return new ForecastRequest(id, product, region, horizon, 0, "{\"request_id\":" + id + "}");
    }

    @Test
    void aRequestIsAnsweredFromTheHistoryAsOfTheLastClosedWeekWithoutTouchingState() throws Exception {
        try (var h = harness(26)) {
            h.processElement1(new Delta<>(+1, line("L1|1", W1, "2", "20")), 0);
            h.processElement1(new Delta<>(+1, line("L2|1", W3, "5", "50")), 0);
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(endOf(W3)));
            // An open week's sales are not part of the answer.
            h.processElement1(new Delta<>(+1, line("L3|1", W4, "9", "90")), 0);
            int timers = h.numEventTimeTimers();
            int points = h.extractOutputValues().size();

            h.processElement2(request(7, "P1", "SP", 4), 0);

            assertThat(h.getSideOutput(WeeklyAggregator.REQUEST_SNAPSHOTS)).extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.productCode()).isEqualTo("P1");
                        assertThat(s.region()).isEqualTo("SP");
                        assertThat(s.weekStartEpochDay()).isEqualTo(W3.toEpochDay());
                        assertThat(s.units()).containsExactly(2, 0, 5);
                        assertThat(s.revenue()).containsExactly(20, 0, 50);
                        assertThat(s.requestId()).isEqualTo("7");
                        assertThat(s.horizon()).isEqualTo(4);
                        assertThat(s.answersRequest()).isTrue();
                    });
            assertThat(h.getSideOutput(WeeklyAggregator.SNAPSHOTS)).as("scheduled snapshots: one per week close, none for the request")
                    .extracting(StreamRecord::getValue).extracting(SeriesSnapshot::weekStartEpochDay, SeriesSnapshot::answersRequest)
                    .containsExactly(tuple(W1.toEpochDay(), false), tuple(W2.toEpochDay(), false), tuple(W3.toEpochDay(), false));
            assertThat(h.numEventTimeTimers()).isEqualTo(timers);
            assertThat(h.extractOutputValues()).hasSize(points);
            assertThat(h.getSideOutput(ForecastRequests.DEAD_LETTERS)).isNull();
        }
    }

    @Test
    void requestsForUnknownSeriesOrSeriesWithoutAClosedWeekAreDeadLetters() throws Exception {
        try (var h = harness(26)) {
            h.processElement1(new Delta<>(+1, line("L1|1", W1, "2", "20")), 0);
            h.processElement2(request(11, "P1", "SP", 4), 0);
            h.processElement2(request(12, "NOPE", "SP", 4), 0);

            assertThat(h.getSideOutput(ForecastRequests.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                    .extracting(DeadLetter::job, DeadLetter::topic, DeadLetter::offset, DeadLetter::reason, DeadLetter::detail,
                            DeadLetter::recordKey, DeadLetter::payload)
                    .containsExactly(
                            tuple("test-job", "flowcast.forecast_requests", 11L, DeadLetterReason.UNKNOWN_SERIES,
                                    "no closed week yet for P1/SP", "P1/SP", "{\"request_id\":11}"),
                            tuple("test-job", "flowcast.forecast_requests", 12L, DeadLetterReason.UNKNOWN_SERIES,
                                    "no sales history for NOPE/SP", "NOPE/SP", "{\"request_id\":12}"));
            assertThat(h.getSideOutput(WeeklyAggregator.REQUEST_SNAPSHOTS)).isNull();
            assertThat(h.numKeyedStateEntries()).as("a request creates no state").isEqualTo(1);
        }
    }

    @Test
    void malformedRequestsAreDeadLettersWithAReason() throws Exception {
        try (var h = ProcessFunctionTestHarnesses.forProcessFunction(new ForecastRequests.Validate("test-job"))) {
            h.processElement(request(1, null, "SP", 4), 0);
            h.processElement(request(2, "P1", " ", 4), 0);
            h.processElement(request(3, "P1", "SP", 0), 0);
            h.processElement(request(4, "P1", "SP", 105), 0);
            h.processElement(request(5, "P1", "SP", 104), 0);
            h.processElement(request(6, "P1", "SP", 1), 0);

            assertThat(h.extractOutputValues()).extracting(ForecastRequest::requestId).containsExactly(5L, 6L);
            assertThat(h.getSideOutput(ForecastRequests.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                    .extracting(DeadLetter::offset, DeadLetter::reason, DeadLetter::detail)
                    .containsExactly(
                            tuple(1L, DeadLetterReason.MISSING_FIELD, "product_code is missing"),
                            tuple(2L, DeadLetterReason.MISSING_FIELD, "region is missing"),
                            tuple(3L, DeadLetterReason.INVALID_VALUE, "horizon 0 outside 1..104"),
                            tuple(4L, DeadLetterReason.INVALID_VALUE, "horizon 105 outside 1..104"));
        }
    }

    /**
     * The hazard: a request input that never sends a watermark keeps the aggregator's watermark
     * at its start and no week closes. The request stream's strategy marks it idle from its first
     * periodic emit on (and after each request), never emits a watermark, and with that input
     * idle the sales watermark alone closes the weeks.
     */
    @Test
    void weeksCloseWhileNoRequestsArrive() throws Exception {
        CapturingOutput output = new CapturingOutput();
        WatermarkGenerator<ForecastRequest> generator = ForecastRequests.outsideEventTime().createWatermarkGenerator(null);
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
        output.idle = false;
        generator.onEvent(request(1, "P1", "SP", 4), 123, output);
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
        assertThat(output.watermarks).isEmpty();

        try (var h = harness(26)) {
            h.processElement1(new Delta<>(+1, line("L1|1", W1, "2", "20")), 0);
            h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(endOf(W2)));
            assertThat(h.extractOutputValues()).as("held back by the request input").isEmpty();

            h.processWatermarkStatus2(WatermarkStatus.IDLE);
            assertThat(h.extractOutputValues()).extracting(WeeklyPoint::weekStartEpochDay)
                    .containsExactly(W1.toEpochDay(), W2.toEpochDay());
            // Requests still flow through an idle input and are answered.
            h.processElement2(request(9, "P1", "SP", 2), 0);
            assertThat(h.getSideOutput(WeeklyAggregator.REQUEST_SNAPSHOTS)).hasSize(1);
            h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(endOf(W3)));
            assertThat(h.extractOutputValues()).extracting(WeeklyPoint::weekStartEpochDay)
                    .containsExactly(W1.toEpochDay(), W2.toEpochDay(), W3.toEpochDay());
        }
    }

    /** An answer has the request's horizon, both channels, the engine's values and the request id on every row. */
    @Test
    void answersCarryTheRequestIdAndHorizonToEveryPredictionRow() throws Exception {
        double[] units = {10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17};
        double[] revenue = {100, 120, 110, 130, 120, 140, 130, 150, 140, 160, 150, 170};
        var factory = new AsyncWaitOperatorFactory<RoutedSnapshot, SeriesForecast>(
                new ForecastFunction("theta", 26, 1, null), 10_000, 8, OutputMode.UNORDERED);
        List<SeriesForecast> forecasts;
        try (var h = new OneInputStreamOperatorTestHarness<>(factory,
                TypeInformation.of(RoutedSnapshot.class).createSerializer(new SerializerConfigImpl()))) {
            h.open();
            h.processElement(new RoutedSnapshot(new SeriesSnapshot("P1", "SP", 20_000, units, revenue, "42", 3), null, ""), 0);
            h.processElement(new RoutedSnapshot(new SeriesSnapshot("P1", "SP", 20_000, units, revenue), null, ""), 0);
            h.endInput();
            forecasts = h.extractOutputValues();
        }
        assertThat(forecasts).extracting(SeriesForecast::requestId, SeriesForecast::channel, f -> f.yhat().length)
                .containsExactlyInAnyOrder(tuple("42", "units", 3), tuple("42", "revenue", 3),
                        tuple("", "units", 26), tuple("", "revenue", 26));
        double[] expected = new Forecaster(MethodRegistry.defaults()).forecast("theta", units, 52, 3, new double[] {80}).mean();
        SeriesForecast answer = forecasts.stream().filter(f -> f.requestId().equals("42") && f.channel().equals("units"))
                .findFirst().orElseThrow();
        assertThat(answer.yhat()).containsExactly(expected);

        List<PredictionRow> rows = new ArrayList<>();
        new ForecastOutputs.ToPredictionRows().flatMap(answer, new Collector<>() {
            @Override
            public void collect(PredictionRow row) {
                rows.add(row);
            }

            @Override
            public void close() {}
        });
        assertThat(rows).extracting(PredictionRow::requestId, PredictionRow::step, PredictionRow::targetWeekEpochDay)
                .containsExactly(tuple("42", 1, 20_007L), tuple("42", 2, 20_014L), tuple("42", 3, 20_021L));
    }

    private static final class CapturingOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
