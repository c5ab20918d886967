package io.flowcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowcast.forecast.Accuracy;
import io.flowcast.forecast.Gaps;
import io.flowcast.forecast.Methods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fails when accuracy on a fixed slice of M4 Weekly (the first 40 series, h = 13) gets worse than
 * recorded on 2026-11-24, with 1% slack for floating-point noise. Reads ../shared/data, which
 * tests may do; skipped where it is absent.
 */
class AccuracyRegressionTest {

    private static final Path DATA = Path.of(System.getProperty("flowcast.shared.data", "../../shared/data"));
    private static final int SERIES = 40;
    private static final int HORIZON = 13;
    private static final double SLACK = 1.01;

    /** method -> {sMAPE, MASE} recorded for the slice. */
    private static final Map<String, double[]> RECORDED = Map.of(
            "auto", new double[] {11.5153, 2.1812},
            "theta", new double[] {14.9577, 2.5614});

    @Test
    void m4WeeklySliceIsNoWorseThanRecorded() throws Exception {
        Path train = DATA.resolve("m4_weekly_train.csv.gz");
        Path test = DATA.resolve("m4_weekly_test.csv");
        assumeTrue(Files.exists(train) && Files.exists(test), "shared benchmark data not present");
        Map<String, SeriesCsv.Series> history = SeriesCsv.read(train, "y");
        Map<String, SeriesCsv.Series> future = SeriesCsv.read(test, "y");
        List<String> ids = history.keySet().stream().limit(SERIES).toList();
        for (Map.Entry<String, double[]> recorded : RECORDED.entrySet()) {
            double smape = 0;
            double mase = 0;
            for (String id : ids) {
                double[] y = history.get(id).values();
                double[] actual = future.get(id).values();
                double[] forecast = ForecastRunner.safeForecast(Methods.byName(recorded.getKey()), y, 52, HORIZON, 0.8).mean();
                smape += Accuracy.smape(actual, forecast) / ids.size();
                mase += Accuracy.mase(Gaps.fill(y), actual, forecast, 1) / ids.size();
            }
            assertThat(smape).as(recorded.getKey() + " sMAPE").isLessThanOrEqualTo(recorded.getValue()[0] * SLACK);
            assertThat(mase).as(recorded.getKey() + " MASE").isLessThanOrEqualTo(recorded.getValue()[1] * SLACK);
        }
    }
}
