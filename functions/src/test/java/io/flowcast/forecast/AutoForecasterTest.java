package io.flowcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoForecasterTest {

    private final AutoForecaster auto = new AutoForecaster();

    @Test
    void neverFailsAndExplainsItsFallbacks() {
        double nan = Double.NaN;
        List<double[]> awkward = List.of(
                new double[0],
                new double[] {nan, nan},
                new double[] {0, 0, 0, 0, 0},
                new double[] {3, 3, 3},
                new double[] {5},
                new double[] {1, 2},
                new double[] {1, nan, 3, nan, nan, 6, 7, 8, 9, 10},
                new double[] {-5, 3, -2, 8, -1, 4, 0, 2, -3, 5},
                new double[] {0, 0, 7, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 9, 0, 0});
        for (double[] y : awkward) {
            Forecast f = auto.forecast(y, 52, 13, 0.8);
            assertThat(f.mean()).hasSize(13);
            for (int h = 0; h < 13; h++) {
                assertThat(f.mean()[h]).isFinite();
                assertThat(f.lower()[h]).isLessThanOrEqualTo(f.mean()[h]);
                assertThat(f.upper()[h]).isGreaterThanOrEqualTo(f.mean()[h]);
            }
            assertThat(f.method()).isEqualTo("auto");
            assertThat(f.note()).isNotBlank();
        }
        assertThat(auto.forecast(new double[] {0, 0, 7, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 9, 0, 0}, 52, 4, 0.8).note()).contains("sba");
        assertThat(auto.forecast(new double[] {3, 3, 3}, 1, 2, 0.8).mean()).containsExactly(3, 3);
    }

    @Test
    void gapsAreInterpolatedAndEdgesTrimmed() {
        assertThat(Gaps.fill(new double[] {Double.NaN, 1, Double.NaN, 3, Double.NaN})).containsExactly(1, 2, 3);
    }
}
