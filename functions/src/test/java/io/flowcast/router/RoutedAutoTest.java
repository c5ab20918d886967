package io.flowcast.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import org.junit.jupiter.api.Test;

/** auto follows the router only when the router won on validation, and says so. */
class RoutedAutoTest {

    final MethodRegistry base = MethodRegistry.defaults();
    final double[] y = {10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17};

    @Test
    void theWinnerOnValidationForecastsAndTheDetailGivesTheFigures() {
        RoutedAuto routerWins = new RoutedAuto(base.get("naive"), base.get("theta"), 0.9, 1.1);
        Forecast f = routerWins.fit(y, 1).forecast(3, Forecaster.DEFAULT_LEVELS);
        assertThat(routerWins.usesRouter()).isTrue();
        assertThat(f.method()).isEqualTo("auto");
        assertThat(f.mean()).containsOnly(17.0);
        assertThat(f.detail()).isEqualTo("router (validation MASE router 0.900 vs rules 1.100)");

        RoutedAuto rulesWin = new RoutedAuto(base.get("naive"), base.get("theta"), 1.2, 1.1);
        Forecast g = rulesWin.fit(y, 1).forecast(3, Forecaster.DEFAULT_LEVELS);
        assertThat(rulesWin.usesRouter()).isFalse();
        assertThat(g.mean()).containsExactly(base.get("theta").fit(y, 1).forecast(3, Forecaster.DEFAULT_LEVELS).mean());
        assertThat(g.detail()).endsWith("rules (validation MASE router 1.200 vs rules 1.100)");
    }
}
