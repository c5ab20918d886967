package io.flowcast.forecast.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.forecast.Forecast;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThetaAndSeasonalityTest {

    @Test
    void thetaOnAStraightLineAddsHalfTheSlopePerStep() {
        // y = 5 + 2t: SES with alpha -> 1 ends at y_n, drift b/2 = 1, offset (1-(1-a)^n)/a -> 1,
        // so the forecast is y_n + h (Hyndman & Billah 2003, eq. for the theta method).
        double[] y = new double[50];
        for (int t = 0; t < y.length; t++) {
            y[t] = 5 + 2 * t;
        }
        Forecast f = new ThetaMethod().fit(y, 1).forecast(4, new double[] {80});
        for (int h = 1; h <= 4; h++) {
            assertThat(f.meanAt(h - 1)).isCloseTo(y[49] + h, within(0.05));
        }
    }

    @Test
    void seasonalityTestSeparatesSeasonalFromNoise() {
        Random random = new Random(5);
        double[] seasonal = new double[72];
        double[] noise = new double[72];
        for (int t = 0; t < seasonal.length; t++) {
            seasonal[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
            noise[t] = 100 + random.nextGaussian() * 5;
        }
        assertThat(Seasonality.isSeasonal(seasonal, 12, Seasonality.MIN_CYCLES_FOR_TEST)).isTrue();
        assertThat(Seasonality.isSeasonal(noise, 12, Seasonality.MIN_CYCLES_FOR_TEST)).isFalse();
        // Too short for the test: fewer than two cycles.
        assertThat(Seasonality.isSeasonal(java.util.Arrays.copyOf(seasonal, 20), 12, 2)).isFalse();
    }

    @Test
    void multiplicativeIndicesAverageOneAndRecoverThePattern() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = 200 * (1 + 0.25 * Math.cos(2 * Math.PI * t / 12));
        }
        double[] index = Seasonality.multiplicativeIndices(y, 12);
        double sum = 0;
        for (double v : index) {
            sum += v;
        }
        assertThat(sum / 12).isCloseTo(1.0, within(1e-12));
        assertThat(index[0]).isCloseTo(1.25, within(0.01));
        assertThat(index[6]).isCloseTo(0.75, within(0.01));
    }

    @Test
    void thetaReseasonalisesSeasonalData() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12));
        }
        Forecast f = new ThetaMethod().fit(y, 12).forecast(12, new double[] {80});
        for (int k = 0; k < 12; k++) {
            assertThat(f.meanAt(k)).isCloseTo(y[48 + k], within(3.0));
        }
    }

    @Test
    void dynamicThetaFollowsATrend() {
        double[] y = new double[40];
        Random random = new Random(9);
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 3 * t + random.nextGaussian();
        }
        Forecast f = new DynamicThetaMethod().fit(y, 1).forecast(5, new double[] {80});
        assertThat(f.meanAt(4)).isCloseTo(50 + 3 * 44, within(6.0));
    }
}
