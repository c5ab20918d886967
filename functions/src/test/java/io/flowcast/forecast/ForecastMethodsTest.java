package io.flowcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastMethodsTest {

    @Test
    void sesRecursionMatchesAHandComputation() {
        // alpha 0.5, level0 = 1 on [1, 2, 3]: errors 0, 1, 1.5; levels 1, 1.5, 2.25.
        double[] result = ExponentialSmoothing.run(new double[] {1, 2, 3}, 0.5, 0, 0, 1, 0);
        assertThat(result[0]).isEqualTo(3.25);
        assertThat(result[1]).isEqualTo(2.25);
    }

    @Test
    void everyMethodForecastsAConstantSeriesAsThatConstant() {
        double[] flat = new double[60];
        Arrays.fill(flat, 7.5);
        for (Map.Entry<String, ForecastMethod> method : Methods.all().entrySet()) {
            Forecast f = method.getValue().forecast(flat, 12, 6, 0.8);
            assertThat(f.mean()).as(method.getKey()).hasSize(6);
            // SBA's bias correction scales Croston's estimate by (1 - alpha/2) by definition.
            double expected = method.getKey().equals("sba") ? 7.5 * (1 - Intermittent.ALPHA / 2) : 7.5;
            for (double v : f.mean()) {
                assertThat(v).as(method.getKey()).isCloseTo(expected, within(1e-6));
            }
        }
    }

    @Test
    void crostonAndSbaOnASmallHandWorkedExample() {
        // First demand 4 at t=1 (interval 2), next 2 at t=4 (interval 3), alpha 0.1:
        // size 4 + 0.1 (2 - 4) = 3.8, interval 2 + 0.1 (3 - 2) = 2.1.
        double[] y = {0, 4, 0, 0, 2};
        double croston = new Intermittent(Intermittent.Variant.CROSTON).forecast(y, 1, 3, 0.8).mean()[0];
        double sba = new Intermittent(Intermittent.Variant.SBA).forecast(y, 1, 3, 0.8).mean()[0];
        assertThat(croston).isCloseTo(3.8 / 2.1, within(1e-12));
        assertThat(sba).isCloseTo(0.95 * 3.8 / 2.1, within(1e-12));
        assertThat(new Intermittent(Intermittent.Variant.TSB).forecast(y, 1, 1, 0.8).lower()[0]).isGreaterThanOrEqualTo(0);
    }

    @Test
    void trendMethodsFollowALinearSeriesAndIntervalsWiden() {
        double[] line = new double[40];
        for (int t = 0; t < line.length; t++) {
            line[t] = 10 + 2 * t + (t % 2 == 0 ? 0.3 : -0.3);
        }
        Forecast holt = new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR).forecast(line, 1, 5, 0.8);
        assertThat(holt.mean()[4]).isCloseTo(10 + 2 * 44, within(1.5));
        Forecast theta = new Theta().forecast(line, 1, 5, 0.8);
        assertThat(theta.mean()[4]).isGreaterThan(theta.mean()[0]);
        for (int h = 1; h < 5; h++) {
            assertThat(holt.upper()[h] - holt.lower()[h]).isGreaterThanOrEqualTo(holt.upper()[h - 1] - holt.lower()[h - 1]);
        }
    }

    @Test
    void seasonalSeriesIsDetectedAndNaive2Reseasonalises() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.5 * Math.sin(2 * Math.PI * t / 12));
        }
        assertThat(Seasonality.isSeasonal(y, 12)).isTrue();
        assertThat(Seasonality.isSeasonal(Arrays.copyOf(y, 30), 12)).as("needs 3 cycles").isFalse();
        Forecast naive2 = new Naive2().forecast(y, 12, 12, 0.8);
        assertThat(naive2.mean()[2]).isCloseTo(y[38], within(1.0));
    }
}
