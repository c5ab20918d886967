package io.flowcast.forecast.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeuralMethodsTest {
    private static final double[] LEVELS = {80, 95};
    private static MixerModel model;
    private static Forecaster forecaster;

    @BeforeAll
    static void trainTiny(@TempDir Path dir) throws Exception {
        try (MixerModel m = MixerModel.create(MixerTestData.tiny(0), MixerTestData.CPU, 2)) {
            MixerTrainer.train(m, MixerTestData.sines(16, 64, 1), new TrainingOptions(3, 120, 32, 3e-3, 40, 3, 8, false),
                    TrainingProgress.NONE);
            m.save(dir, new MixerManifest("tiny", null, null, "", Map.of(), Map.of(), 0, null, null, 0));
        }
        model = MixerModel.load(dir, MixerTestData.CPU);
        forecaster = new Forecaster(NeuralMethods.register(MethodRegistry.defaults(),
                new MixerMethod(MixerMethod.ZERO_SHOT, () -> model), new MixerMethod(MixerMethod.FINE_TUNED, () -> model)));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static double[] sine(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 20 * Math.sin(2 * Math.PI * t / 8);
        }
        return y;
    }

    @Test
    void mixerForecastsThroughTheEngineWithOrderedIntervals() {
        Forecast f = forecaster.forecast(MixerMethod.ZERO_SHOT, sine(40), 1, 8, LEVELS);
        assertThat(f.fellBack()).as(f.fallbackReason()).isFalse();
        assertThat(f.method()).isEqualTo(MixerMethod.ZERO_SHOT);
        for (int k = 0; k < 8; k++) {
            // the tiny model learnt the sine: its forecast follows the continuation
            assertThat(f.meanAt(k)).isCloseTo(50 + 20 * Math.sin(2 * Math.PI * (40 + k) / 8),
                    org.assertj.core.data.Offset.offset(8.0));
            double lo80 = f.interval(80).orElseThrow().lowerAt(k);
            double lo95 = f.interval(95).orElseThrow().lowerAt(k);
            assertThat(lo95).isLessThanOrEqualTo(lo80);
            assertThat(lo80).isLessThanOrEqualTo(f.meanAt(k));
        }
        Forecast auto = forecaster.forecast(NeuralMethods.AUTO_MIXER, sine(60), 1, 8, LEVELS);
        assertThat(auto.fellBack()).as(auto.fallbackReason()).isFalse();
    }

    @Test
    void missingModelFallsBackToStatisticalMethodsWithTheReason() {
        Forecaster missing = new Forecaster(NeuralMethods.register(MethodRegistry.defaults(),
                MixerMethod.unavailable(MixerMethod.ZERO_SHOT, "cannot read model manifest /x/manifest.json"),
                MixerMethod.unavailable(MixerMethod.FINE_TUNED, "cannot read model manifest /x/manifest.json")));
        Forecast f = missing.forecast(MixerMethod.FINE_TUNED, sine(40), 1, 8, LEVELS);
        assertThat(f.method()).isEqualTo("theta");
        assertThat(f.fallbackReason()).contains("/x/manifest.json").contains("-> theta");
        assertThat(java.util.Arrays.stream(f.mean()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void tooShortAllZeroNanAndTooLongHorizonAreHandledByTheEngine() {
        Forecast shortOne = forecaster.forecast(MixerMethod.ZERO_SHOT, new double[] {1, 2, 3, 4}, 1, 8, LEVELS);
        assertThat(shortOne.fallbackReason()).contains("mixer-zs needs 8 observations");
        Forecast zeros = forecaster.forecast(MixerMethod.ZERO_SHOT, new double[30], 1, 8, LEVELS);
        assertThat(zeros.mean()).containsOnly(0.0);
        assertThat(zeros.fallbackReason()).contains("constant");
        double[] gappy = sine(40);
        gappy[10] = Double.NaN;
        gappy[0] = Double.NaN;
        Forecast nan = forecaster.forecast(MixerMethod.ZERO_SHOT, gappy, 1, 8, LEVELS);
        assertThat(nan.method()).isEqualTo(MixerMethod.ZERO_SHOT);
        assertThat(nan.fallbackReason()).contains("gaps interpolated");
        Forecast tooLong = forecaster.forecast(MixerMethod.ZERO_SHOT, sine(40), 1, 9, LEVELS);
        assertThat(tooLong.method()).isEqualTo("theta");
        assertThat(tooLong.fallbackReason()).contains("at most 8 steps");
    }

    @Test
    void batchedPredictionsEqualOneByOne() {
        List<SeriesWindow> windows = MixerTestData.windows(MixerTestData.sines(70, 50, 8), 2);
        List<QuantileForecast> batched = model.predict(windows); // 64 + 6 with batch size 64
        for (int i = 0; i < windows.size(); i += 23) {
            double[][] single = model.predict(List.of(windows.get(i))).get(0).median();
            for (int k = 0; k < 8; k++) {
                assertThat(batched.get(i).median()[0][k]).isCloseTo(single[0][k],
                        org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(single[0][k]))));
            }
        }
    }
}
