package io.flowcast.forecast.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.methods.EtsSpec.Error;
import io.flowcast.forecast.methods.EtsSpec.Season;
import io.flowcast.forecast.methods.EtsSpec.Trend;
import org.junit.jupiter.api.Test;

class ExponentialSmoothingTest {
    private static final EtsSpec ANN = new EtsSpec(Error.A, Trend.N, Season.N);

    @Test
    void sesWithFixedAlphaMatchesHandComputation() {
        // alpha 0.5, l0 = 3: levels 3, 4, 4, 5 -> flat forecast 5.
        double[] y = {3, 5, 4, 6};
        EtsModel model = EtsModel.withParameters("ses", ANN, y, 1, 0.5, 0, 0, 1, 3, 0);
        assertThat(model.pointForecast(1)).isCloseTo(5.0, within(1e-12));
        assertThat(model.pointForecast(7)).isCloseTo(5.0, within(1e-12));
        // one-step errors 0, 2, 0, 2 -> SSE 8; sigma^2 = 8 / (n - 3 parameters) = 8.
        assertThat(model.sigma2()).isCloseTo(8.0, within(1e-12));
        assertThat(model.forecastSd(1)).isCloseTo(Math.sqrt(8), within(1e-12));
        // v_2 = sigma^2 (1 + alpha^2) (Hyndman et al. 2008 table 6.1, ANN).
        assertThat(model.forecastSd(2)).isCloseTo(Math.sqrt(8 * 1.25), within(1e-12));
    }

    @Test
    void holtWithFixedParametersMatchesHandComputation() {
        // alpha 0.5, beta 0.25, l0 10, b0 1; y = 12, 13.
        // t1: mu = 11, e = 1, l = 11.5, b = 1.25; t2: mu = 12.75, e = 0.25, l = 12.875, b = 1.3125.
        double[] y = {12, 13};
        EtsModel model = EtsModel.withParameters("holt", new EtsSpec(Error.A, Trend.A, Season.N), y, 1,
                0.5, 0.25, 0, 1, 10, 1);
        assertThat(model.pointForecast(1)).isCloseTo(12.875 + 1.3125, within(1e-12));
        assertThat(model.pointForecast(3)).isCloseTo(12.875 + 3 * 1.3125, within(1e-12));
    }

    @Test
    void optimisedSesTracksALevelShift() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 30 ? 10 : 20) + ((t * 7) % 5 - 2) * 0.1;
        }
        EtsModel model = EtsModel.fit("ses", ANN, y, 1);
        assertThat(model.alpha()).isBetween(EtsModel.PARAM_LOWER, EtsModel.PARAM_UPPER);
        assertThat(model.pointForecast(1)).isCloseTo(20, within(0.5));
    }

    @Test
    void automaticEtsFindsSeasonalityInMonthlyData() {
        double[] y = seasonalMonthly(96);
        EtsModel model = EtsMethod.automatic().select(y, 12);
        assertThat(model.spec().seasonal()).isTrue();
        Forecast f = model.forecast(12, new double[] {80});
        for (int k = 0; k < 12; k++) {
            double expected = 100 + 0.5 * (96 + k) + 20 * Math.sin(2 * Math.PI * (96 + k) / 12);
            assertThat(f.meanAt(k)).isCloseTo(expected, within(6.0));
        }
    }

    @Test
    void automaticEtsIsNonSeasonalForWeeklyPeriodLikeR() {
        double[] y = seasonalMonthly(200);
        assertThat(EtsMethod.admissibleForms(y, 52)).allMatch(spec -> !spec.seasonal());
        assertThat(EtsMethod.admissibleForms(y, 12)).anyMatch(EtsSpec::seasonal);
    }

    @Test
    void multiplicativeFormsNeedPositiveData() {
        double[] y = seasonalMonthly(48);
        y[5] = -1;
        assertThat(EtsMethod.admissibleForms(y, 12))
                .allMatch(spec -> spec.error() == Error.A && spec.season() != Season.M);
    }

    static double[] seasonalMonthly(int n) {
        double[] y = new double[n];
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 0.5 * t + 20 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
        }
        return y;
    }
}
