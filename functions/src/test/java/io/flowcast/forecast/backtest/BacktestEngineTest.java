package io.flowcast.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {
    private final BacktestEngine engine = new BacktestEngine(new Forecaster(MethodRegistry.defaults()));

    private static Series linear(String id, int n) {
        List<String> ts = new ArrayList<>();
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            ts.add(Integer.toString(t + 1));
            y[t] = 10 + 2 * t;
        }
        return new Series(id, ts, y);
    }

    @Test
    void rollingOriginScoresEveryMethodAtEveryOrigin() {
        List<Series> series = List.of(linear("a", 40), linear("b", 30), linear("c", 25));
        BacktestConfig config = new BacktestConfig(4, 1, 1, 3, List.of("auto", "naive", "holt"), 2);
        List<ScoreRow> rows = engine.rollingOrigin(series, config, done -> { });
        // 3 series x 3 origins x (naive2 + 3 methods)
        assertThat(rows).hasSize(3 * 3 * 4);
        // On a straight line the naive forecast lags by 2 per step: MAE = 2 * (1+2+3+4)/4 = 5,
        // scale = 2 -> MASE 2.5; Holt is exact.
        ScoreRow naive = rows.stream().filter(r -> r.method().equals("naive") && r.seriesId().equals("a")).findFirst().orElseThrow();
        assertThat(naive.accuracy().mase()).isCloseTo(2.5, within(1e-9));
        ScoreRow holt = rows.stream().filter(r -> r.method().equals("holt") && r.seriesId().equals("a")).findFirst().orElseThrow();
        assertThat(holt.accuracy().mase()).isLessThan(0.05);
        List<MethodSummary> summary = BacktestEngine.summarise(rows);
        MethodSummary naiveSummary = summary.stream().filter(s -> s.method().equals("naive")).findFirst().orElseThrow();
        assertThat(naiveSummary.owa()).isCloseTo(1.0, within(1e-9));
        assertThat(naiveSummary.forecasts()).isEqualTo(9);
    }

    @Test
    void againstTestScoresOneOriginPerSeriesWithATestPart() {
        Series train = linear("a", 20);
        List<String> ts = List.of("21", "22");
        Series test = new Series("a", ts, new double[] {50, 52});
        BacktestConfig config = new BacktestConfig(2, 1, 1, 1, List.of("naive"), 1);
        List<ScoreRow> rows = engine.againstTest(List.of(train, linear("no-test", 10)), Map.of("a", test), config, d -> { });
        assertThat(rows).hasSize(2);
        // naive = 48; errors 2, 4 -> MAE 3, scale 2.
        assertThat(rows.get(1).accuracy().mase()).isCloseTo(1.5, within(1e-12));
    }
}
