package io.flowcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.forecast.methods.CrostonMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Invariants every method must keep, checked on seeded random and degenerate series. */
class ForecasterPropertiesTest {
    private static final MethodRegistry REGISTRY = MethodRegistry.defaults();
    private static final Forecaster FORECASTER = new Forecaster(REGISTRY);
    private static final double[] LEVELS = {80, 95};
    private static final int HORIZON = 6;
    private static final int PERIOD = 4;

    static Stream<String> methods() {
        return REGISTRY.names().stream();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void constantSeriesForecastIsTheConstantWhenFittedDirectly(String method) {
        double[] y = new double[40];
        Arrays.fill(y, 7.5);
        Forecast f = REGISTRY.get(method).fit(y, PERIOD).forecast(HORIZON, LEVELS);
        // SBA is deliberately biased down by (1 - alpha/2) (Syntetos & Boylan 2005).
        double expected = method.equals(CrostonMethod.SBA) ? 7.5 * (1 - CrostonMethod.DEFAULT_ALPHA / 2) : 7.5;
        for (int k = 0; k < HORIZON; k++) {
            assertThat(f.meanAt(k)).as(method).isCloseTo(expected, within(1e-6));
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void constantSeriesThroughForecasterIsExactAndSaysSo(String method) {
        double[] y = new double[25];
        Arrays.fill(y, 3.0);
        Forecast f = FORECASTER.forecast(method, y, PERIOD, HORIZON, LEVELS);
        assertThat(f.mean()).containsOnly(3.0);
        assertThat(f.fallbackReason()).contains("constant");
        assertThat(f.requestedMethod()).isEqualTo(method);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void randomSeriesGiveFiniteOrderedIntervals(String method) {
        Random random = new Random(method.hashCode());
        for (int trial = 0; trial < 12; trial++) {
            double[] y = randomSeries(random, 5 + random.nextInt(60));
            Forecast f = FORECASTER.forecast(method, y, PERIOD, HORIZON, LEVELS);
            assertThat(f.horizon()).isEqualTo(HORIZON);
            PredictionInterval i80 = f.interval(80).orElseThrow();
            PredictionInterval i95 = f.interval(95).orElseThrow();
            for (int k = 0; k < HORIZON; k++) {
                assertThat(f.meanAt(k)).isFinite();
                assertThat(i80.lowerAt(k)).as(method + " lo80<=yhat").isLessThanOrEqualTo(f.meanAt(k) + 1e-9);
                assertThat(i80.upperAt(k)).as(method + " hi80>=yhat").isGreaterThanOrEqualTo(f.meanAt(k) - 1e-9);
                assertThat(i95.lowerAt(k)).as(method + " lo95<=lo80").isLessThanOrEqualTo(i80.lowerAt(k) + 1e-9);
                assertThat(i95.upperAt(k)).as(method + " hi95>=hi80").isGreaterThanOrEqualTo(i80.upperAt(k) - 1e-9);
                assertThat(i80.lowerAt(k)).as(method + " non-negative data").isGreaterThanOrEqualTo(0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void degenerateSeriesNeverThrowAndReportTheFallback(String method) {
        List<double[]> cases = List.of(new double[0], new double[] {4}, new double[] {4, 6}, new double[] {1, 0, 2},
                new double[12], new double[] {Double.NaN, Double.NaN}, new double[] {1, Double.NaN, 3, 5, Double.NaN});
        for (double[] y : cases) {
            Forecast f = FORECASTER.forecast(method, y, 12, HORIZON, LEVELS);
            assertThat(f.mean()).hasSize(HORIZON);
            assertThat(Arrays.stream(f.mean()).allMatch(Double::isFinite)).isTrue();
        }
        assertThat(FORECASTER.forecast(method, new double[12], 12, HORIZON, LEVELS).mean()).containsOnly(0.0);
        assertThat(FORECASTER.forecast(method, new double[] {Double.NaN}, 12, HORIZON, LEVELS).fallbackReason())
                .contains("missing");
    }

    @Test
    void gapsAreInterpolatedAndReported() {
        Forecast f = FORECASTER.forecast("naive", new double[] {Double.NaN, 1, Double.NaN, 3, 4, Double.NaN}, 1, 2, LEVELS);
        assertThat(f.meanAt(0)).isEqualTo(4.0);
        assertThat(f.fallbackReason()).contains("1 leading missing dropped", "1 gaps interpolated",
                "1 trailing missing carried forward");
    }

    @Test
    void seasonalMethodOnTooShortSeriesFallsBackAlongTheChain() {
        double[] y = {5, 7, 6, 8, 7, 9};
        Forecast f = FORECASTER.forecast("hw_add", y, 12, 3, LEVELS);
        assertThat(f.requestedMethod()).isEqualTo("hw_add");
        assertThat(f.method()).isNotEqualTo("hw_add");
        assertThat(f.fallbackReason()).contains("hw_add needs").contains("-> damped");
    }

    @Test
    void linearMethodsAreScaleEquivariant() {
        Random random = new Random(11);
        double[] y = randomSeries(random, 48);
        double[] scaled = Arrays.stream(y).map(v -> v * 1000).toArray();
        for (String method : List.of("naive", "snaive", "mean", "ma", "croston", "sba", "tsb")) {
            Forecast a = FORECASTER.forecast(method, y, PERIOD, HORIZON, LEVELS);
            Forecast b = FORECASTER.forecast(method, scaled, PERIOD, HORIZON, LEVELS);
            for (int k = 0; k < HORIZON; k++) {
                assertThat(b.meanAt(k)).as(method).isCloseTo(1000 * a.meanAt(k), within(1e-6 * Math.abs(b.meanAt(k)) + 1e-9));
            }
        }
    }

    @Test
    void naiveIntervalWidensWithTheSquareRootOfTheHorizon() {
        double[] y = {10, 12, 11, 13, 12, 14, 13, 15};
        Forecast f = FORECASTER.forecast("naive", y, 1, 4, new double[] {80});
        PredictionInterval pi = f.interval(80).orElseThrow();
        double w1 = pi.upperAt(0) - pi.lowerAt(0);
        double w4 = pi.upperAt(3) - pi.lowerAt(3);
        assertThat(w4 / w1).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void demandClassUsesSyntetosBoylanCutOffs() {
        assertThat(DemandClass.of(new double[] {5, 5, 6, 5, 4, 5})).isEqualTo(DemandClass.SMOOTH);
        assertThat(DemandClass.of(new double[] {1, 20, 2, 30, 1, 25})).isEqualTo(DemandClass.ERRATIC);
        assertThat(DemandClass.of(new double[] {0, 5, 0, 0, 5, 0, 6, 0})).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(DemandClass.of(new double[] {0, 1, 0, 0, 40, 0, 2, 0})).isEqualTo(DemandClass.LUMPY);
    }

    static double[] randomSeries(Random random, int n) {
        double[] y = new double[n];
        int kind = random.nextInt(3);
        double level = 20 + random.nextDouble() * 50;
        for (int t = 0; t < n; t++) {
            y[t] = switch (kind) {
                case 0 -> Math.max(0, level + 0.3 * t + 5 * Math.sin(2 * Math.PI * t / PERIOD) + random.nextGaussian() * 3);
                case 1 -> random.nextDouble() < 0.3 ? 1 + random.nextInt(10) : 0;
                default -> Math.max(0, level + random.nextGaussian() * 10);
            };
        }
        return y;
    }
}
