package io.flowcast.forecast.neural;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.PredictionInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The mixer as a method of the forecasting engine (registry, ensemble, auto). Point forecast =
 * the median of channel 0 (units); the 80% interval is the model's own 0.1-0.9 quantiles, other
 * levels are widened from them as if each side were normal. When the model cannot be used (file
 * missing or corrupt, native library not loadable) {@code fit} throws a
 * {@link NeuralUnavailableException} with the reason, which the engine reports while falling
 * back to the statistical chain.
 */
public final class MixerMethod implements ForecastMethod {
    public static final String FINE_TUNED = "mixer";
    public static final String ZERO_SHOT = "mixer-zs";
    /** One patch of history at least: shorter series go to the statistical methods. */
    static final int MIN_LENGTH = 8;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private final String name;
    private final Supplier<MixerModel> model;
    private final double[][] future;

    /** @param model gives the loaded model, or throws {@link NeuralUnavailableException} */
    public MixerMethod(String name, Supplier<MixerModel> model) {
        this(name, model, null);
    }

    private MixerMethod(String name, Supplier<MixerModel> model, double[][] future) {
        this.name = name;
        this.model = model;
        this.future = future;
    }

    /**
     * The same method for one series whose known-future covariates are {@code future}
     * ({@code [step][covariate]} over the horizon, e.g. planned promotions); the engine's
     * {@code fit(y, period)} carries no per-series context, so the covariates travel with the
     * method instance.
     */
    public MixerMethod withFuture(double[][] newFuture) {
        return new MixerMethod(name, model, newFuture);
    }

    /** A method that always reports {@code reason} (the model could not be loaded). */
    public static MixerMethod unavailable(String name, String reason) {
        return new MixerMethod(name, () -> {
            throw new NeuralUnavailableException(reason);
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int minLength(int period) {
        return MIN_LENGTH;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        MixerModel m = model.get();
        int modelHorizon = m.config().horizon();
        double[] history = y.clone();
        return (horizon, levels) -> {
            if (horizon > modelHorizon) {
                throw new IllegalArgumentException(name + " forecasts at most " + modelHorizon + " steps, asked "
                        + horizon);
            }
            QuantileForecast q = m.predict(List.of(SeriesWindow.of(history, m.config().channels(), null, future))).get(0);
            return toForecast(q, horizon, levels);
        };
    }

    Forecast toForecast(QuantileForecast q, int horizon, double[] levels) {
        double[] mean = new double[horizon];
        double[] low = new double[horizon];
        double[] high = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            mean[k] = q.median()[0][k];
            low[k] = Math.min(q.low()[0][k], mean[k]);
            high[k] = Math.max(q.high()[0][k], mean[k]);
        }
        double z80 = NORMAL.inverseCumulativeProbability(0.9);
        List<PredictionInterval> intervals = new ArrayList<>();
        for (double level : levels) {
            double factor = NORMAL.inverseCumulativeProbability(0.5 + level / 200) / z80;
            double[] lo = new double[horizon];
            double[] hi = new double[horizon];
            for (int k = 0; k < horizon; k++) {
                lo[k] = mean[k] - (mean[k] - low[k]) * factor;
                hi[k] = mean[k] + (high[k] - mean[k]) * factor;
            }
            intervals.add(new PredictionInterval(level, lo, hi));
        }
        return Forecast.of(name, mean, intervals);
    }
}
