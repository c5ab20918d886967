package io.flowcast.forecast.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.backtest.BacktestConfig;
import io.flowcast.forecast.backtest.BacktestEngine;
import io.flowcast.forecast.backtest.MethodSummary;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed checkpoint (models/mixer-pretrained) scored zero-shot on a slice of M4 Weekly
 * with the engine's own backtest and metrics, next to naive and theta in the same run. A broken
 * model (wrong weights, scaling or decoding) is far worse than naive, a healthy one is close to
 * theta. Reads ../shared/data (tests may; the product never does).
 */
class MixerAccuracyRegressionTest {
    private static final Path DATA = Path.of("/work/shared/data");
    private static final Path MODEL = Path.of("..", "models", "mixer-pretrained");
    private static final int SERIES = 60;

    @Test
    void pretrainedMixerOnAnM4WeeklySliceIsCloseToThetaAndBeatsNaive() throws Exception {
        assumeTrue(Files.exists(DATA.resolve("m4_weekly_test.csv")), "shared benchmark data not mounted");
        List<Series> train = SeriesCsvReader.read(DATA.resolve("m4_weekly_train.csv.gz"), null).subList(0, SERIES);
        Map<String, Series> test = SeriesCsvReader.read(DATA.resolve("m4_weekly_test.csv"), null).stream()
                .collect(Collectors.toMap(Series::id, Function.identity()));
        try (MixerModel model = MixerModel.load(MODEL, new NeuralSettings("cpu", 1, 1, 256))) {
            MixerMethod zs = new MixerMethod(MixerMethod.ZERO_SHOT, () -> model);
            BacktestEngine engine = new BacktestEngine(new Forecaster(
                    NeuralMethods.register(MethodRegistry.defaults(), zs, zs)));
            BacktestConfig config = new BacktestConfig(13, 52, 1, 1, List.of("naive", "theta", MixerMethod.ZERO_SHOT), 1);
            Map<String, MethodSummary> byMethod = BacktestEngine.summarise(engine.againstTest(train, test, config, i -> {}))
                    .stream().collect(Collectors.toMap(MethodSummary::method, Function.identity()));
            double mixer = byMethod.get(MixerMethod.ZERO_SHOT).mase();
            assertThat(byMethod.get(MixerMethod.ZERO_SHOT).fallbacks()).isZero();
            assertThat(mixer).isLessThan(byMethod.get("naive").mase())
                    .isLessThan(1.15 * byMethod.get("theta").mase());
            assertThat(byMethod.get(MixerMethod.ZERO_SHOT).coverage80()).isBetween(0.5, 0.98);
        }
    }
}
