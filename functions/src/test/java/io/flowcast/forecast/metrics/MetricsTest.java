package io.flowcast.forecast.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Intervals;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void maseOfTheNaiveForecastOnItsOwnInSampleScaleIsOne() {
        Random random = new Random(3);
        for (int m : new int[] {1, 4, 12}) {
            double[] y = new double[60];
            for (int t = 0; t < y.length; t++) {
                y[t] = 50 + random.nextGaussian() * 10 + (t % m);
            }
            double[] actual = Arrays.copyOfRange(y, m, y.length);
            double[] naive = Arrays.copyOfRange(y, 0, y.length - m);
            assertThat(Metrics.mase(y, actual, naive, m)).isCloseTo(1.0, within(1e-12));
            assertThat(Metrics.rmsse(y, actual, naive, m)).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void smapeFollowsTheM4Definition() {
        // |100-110| / (100+110) * 200 = 9.5238...; second step exact.
        assertThat(Metrics.smape(new double[] {100, 50}, new double[] {110, 50}))
                .isCloseTo((200.0 * 10 / 210) / 2, within(1e-12));
        assertThat(Metrics.smape(new double[] {0}, new double[] {0})).isZero();
        assertThat(Metrics.smape(new double[] {0}, new double[] {3})).isEqualTo(200.0);
    }

    @Test
    void mapeSkipsZeroActualsAndRSquaredComparesWithTheMean() {
        assertThat(Metrics.mape(new double[] {10, 0, 20}, new double[] {12, 5, 10})).isCloseTo(0.35, within(1e-12));
        assertThat(Metrics.mape(new double[] {0, 0}, new double[] {1, 2})).isNaN();
        // actuals 1..4, mean 2.5, SST 5; forecasts all 2.5 -> R2 0; perfect -> 1; SSE 10 -> -1.
        assertThat(Metrics.rSquared(new double[] {1, 2, 3, 4}, new double[] {2.5, 2.5, 2.5, 2.5})).isEqualTo(0.0);
        assertThat(Metrics.rSquared(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4})).isEqualTo(1.0);
        assertThat(Metrics.rSquared(new double[] {1, 2, 3, 4}, new double[] {1 + Math.sqrt(10), 2, 3, 4})).isCloseTo(-1.0, within(1e-12));
        assertThat(Metrics.rSquared(new double[] {3, 3}, new double[] {1, 2})).isNaN();
    }

    @Test
    void biasCoverageAndPinball() {
        double[] actual = {1, 2, 3, 4};
        assertThat(Metrics.bias(actual, new double[] {2, 3, 4, 5})).isEqualTo(1.0);
        assertThat(Metrics.coverage(actual, new double[] {0, 0, 4, 0}, new double[] {5, 5, 5, 3})).isEqualTo(0.5);
        // tau 0.9, quantile 2: errors -1, 0, 1, 2 -> losses 0.1, 0, 0.9, 1.8.
        assertThat(Metrics.pinball(actual, new double[] {2, 2, 2, 2}, 0.9)).isCloseTo(2.8 / 4, within(1e-12));
    }

    @Test
    void naive2IsNaiveWithoutSeasonalityAndOwaOfNaive2IsOne() {
        double[] y = {3, 4, 5, 6, 7};
        assertThat(Metrics.naive2(y, 1, 3)).containsExactly(7, 7, 7);
        assertThat(Metrics.owa(9.161, 2.777, 9.161, 2.777)).isEqualTo(1.0);
    }

    @Test
    void naive2ReseasonalisesSeasonalData() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
        }
        double[] f = Metrics.naive2(y, 12, 12);
        for (int k = 0; k < 12; k++) {
            assertThat(f[k]).isCloseTo(y[36 + k], within(2.0));
        }
    }

    @Test
    void scoreCombinesAllMeasures() {
        double[] insample = {10, 12, 11, 13};
        double[] mean = {12, 12};
        Forecast f = Forecast.of("x", mean, Intervals.gaussian(mean, new double[] {1, 1}, new double[] {80, 95}));
        Accuracy a = Metrics.score(insample, new double[] {13, 11}, f, 1);
        assertThat(a.mae()).isEqualTo(1.0);
        assertThat(a.mase()).isCloseTo(1.0 / (5.0 / 3), within(1e-12));
        assertThat(a.coverage80()).isEqualTo(1.0);
        assertThat(a.bias()).isZero();
    }
}
