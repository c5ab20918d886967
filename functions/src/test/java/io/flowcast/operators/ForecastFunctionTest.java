package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesForecast;
import io.flowcast.records.SeriesSnapshot;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** ForecastFunction behind Flink's async operator, as the job runs it. */
class ForecastFunctionTest {

    @Test
    void forecastsBothChannelsWithTheEngineAndExplainsFallbacks() throws Exception {
        double[] units = {10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17};
        double[] revenue = {5, 5, 5};
        var factory = new AsyncWaitOperatorFactory<RoutedSnapshot, SeriesForecast>(
                new ForecastFunction("theta", 4, 1, null), 10_000, 8, OutputMode.UNORDERED);
        try (var h = new OneInputStreamOperatorTestHarness<>(factory,
                TypeInformation.of(RoutedSnapshot.class).createSerializer(new SerializerConfigImpl()))) {
            h.open();
            h.processElement(new RoutedSnapshot(new SeriesSnapshot("P1", "SP", 20_000, units, revenue), null, ""), 0);
            h.endInput();

            List<SeriesForecast> out = h.extractOutputValues();
            assertThat(out).extracting(SeriesForecast::channel).containsExactlyInAnyOrder("units", "revenue");
            SeriesForecast unitForecast = out.stream().filter(f -> f.channel().equals("units")).findFirst().orElseThrow();
            double[] expected = new Forecaster(MethodRegistry.defaults()).forecast("theta", units, 52, 4, new double[] {80}).mean();
            assertThat(unitForecast.yhat()).containsExactly(expected);
            assertThat(unitForecast.lo80()[0]).isLessThanOrEqualTo(unitForecast.yhat()[0]);
            assertThat(unitForecast.explanation()).startsWith("pattern smooth; method theta");
            SeriesForecast flat = out.stream().filter(f -> f.channel().equals("revenue")).findFirst().orElseThrow();
            assertThat(flat.yhat()).containsOnly(5.0);
            assertThat(flat.explanation()).contains("fallback: ");
            assertThat(flat.modelVersion()).isEqualTo(ForecastFunction.MODEL_VERSION);
        }
    }

    @Test
    void aForecastSlowerThanTheTimeoutIsAnsweredByTheNaiveMethod() throws Exception {
        double[] units = new double[104];
        for (int t = 0; t < units.length; t++) {
            units[t] = 20 + 5 * Math.sin(t / 4.0) + (t % 7);
        }
        // auto validates a pool of methods on rolling origins (milliseconds): the 1 ms timeout,
        // fired by moving the harness's processing time, always comes first.
        var factory = new AsyncWaitOperatorFactory<RoutedSnapshot, SeriesForecast>(
                new ForecastFunction("auto", 6, 1, null), 1, 8, OutputMode.UNORDERED);
        try (var h = new OneInputStreamOperatorTestHarness<>(factory,
                TypeInformation.of(RoutedSnapshot.class).createSerializer(new SerializerConfigImpl()))) {
            h.open();
            h.processElement(new RoutedSnapshot(new SeriesSnapshot("P1", "SP", 20_000, units, units), null, ""), 0);
            h.setProcessingTime(10);
            h.endInput();

            List<SeriesForecast> out = h.extractOutputValues();
            assertThat(out).extracting(SeriesForecast::channel).containsExactlyInAnyOrder("units", "revenue");
            assertThat(out).allSatisfy(f -> {
                assertThat(f.method()).isEqualTo("naive");
                assertThat(f.yhat()).hasSize(6).containsOnly(units[103]);
                assertThat(f.explanation()).endsWith("fallback: auto exceeded forecast-timeout");
            });
        }
    }
}
