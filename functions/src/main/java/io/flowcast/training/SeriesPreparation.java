package io.flowcast.training;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.features.FeatureExtractor;
import io.flowcast.router.OriginSample;
import io.flowcast.router.RouterBacktest;
import io.flowcast.router.RouterFeatures;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns one weekly series into a {@link TrainingSeries}: rolling-origin backtests of the pool at
 * {@code origins} origins of {@code horizon} weeks, its shape now and at the drift reference week.
 */
public final class SeriesPreparation {

    private final TrainingOptions options;
    private final RouterBacktest backtest;

    public SeriesPreparation(TrainingOptions options) {
        this.options = options;
        this.backtest = new RouterBacktest(new Forecaster(MethodRegistry.defaults()), options.pool(),
                options.horizon(), FeatureExtractor.SEASON, 1);
    }

    /** Empty when the series is too short for the origins plus {@code minWeeks} of history. */
    public Optional<TrainingSeries> prepare(WeeklySalesReader.Key key, WeeklySalesReader.WeeklySeries weekly) {
        double[] y = weekly.units();
        int needed = options.origins() * options.horizon() + options.minWeeks();
        if (y.length < needed) {
            return Optional.empty();
        }
        List<OriginSample> samples = new ArrayList<>();
        for (int o = options.origins(); o >= 1; o--) {
            int cut = y.length - o * options.horizon();
            samples.add(backtest.sample(key.productCode() + "|" + key.region(), o, Arrays.copyOf(y, cut),
                    Arrays.copyOfRange(y, cut, cut + options.horizon())));
        }
        double[] reference = null;
        LocalDate referenceTo = options.referenceTo();
        if (referenceTo != null) {
            int weeks = (int) ChronoUnit.WEEKS.between(weekly.firstWeek(), referenceTo) + 1;
            if (weeks >= options.minWeeks() && weeks <= y.length) {
                reference = RouterFeatures.shape(Arrays.copyOf(y, weeks));
            }
        }
        return Optional.of(new TrainingSeries(key.productCode(), key.region(), samples, RouterFeatures.shape(y),
                reference));
    }
}
