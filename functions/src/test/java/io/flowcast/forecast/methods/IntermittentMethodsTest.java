package io.flowcast.forecast.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.forecast.Forecast;
import org.junit.jupiter.api.Test;

class IntermittentMethodsTest {
    // Demands 3 (after 3 periods), 2 (after 2), 4 (after 3).
    private static final double[] DEMAND = {0, 0, 3, 0, 2, 0, 0, 4};

    @Test
    void crostonMatchesHandComputation() {
        // alpha 0.1: size 3 -> 2.9 -> 3.01; interval 3 -> 2.9 -> 2.91; forecast 3.01 / 2.91.
        Forecast f = CrostonMethod.croston(0.1).fit(DEMAND, 1).forecast(3, new double[] {80});
        assertThat(f.meanAt(0)).isCloseTo(3.01 / 2.91, within(1e-12));
        assertThat(f.meanAt(2)).isCloseTo(3.01 / 2.91, within(1e-12));
    }

    @Test
    void sbaRemovesCrostonBiasFactor() {
        double croston = CrostonMethod.croston().fit(DEMAND, 1).forecast(1, new double[0]).meanAt(0);
        double sba = CrostonMethod.sba().fit(DEMAND, 1).forecast(1, new double[0]).meanAt(0);
        assertThat(sba).isCloseTo(croston * (1 - CrostonMethod.DEFAULT_ALPHA / 2), within(1e-12));
    }

    @Test
    void tsbDecaysDuringLongRunsOfZeros() {
        double[] y = {5, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        double tsb = new TsbMethod().fit(y, 1).forecast(1, new double[0]).meanAt(0);
        double croston = CrostonMethod.croston().fit(y, 1).forecast(1, new double[0]).meanAt(0);
        assertThat(tsb).isLessThan(croston);
        // p after: starts 3/14, three demands and eleven zeros, size stays 5.
        double p = 3.0 / 14;
        for (double v : y) {
            p += TsbMethod.DEFAULT_BETA * ((v != 0 ? 1 : 0) - p);
        }
        assertThat(tsb).isCloseTo(p * 5, within(1e-12));
    }

    @Test
    void adidaForecastsTheBucketRatePerPeriod() {
        // One demand of 6 every 3 periods: buckets of 3 hold 6 each -> 2 per period.
        double[] y = new double[30];
        for (int t = 2; t < y.length; t += 3) {
            y[t] = 6;
        }
        assertThat(new AdidaMethod().fit(y, 1).forecast(4, new double[0]).meanAt(3)).isCloseTo(2.0, within(1e-9));
    }
}
