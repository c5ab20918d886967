package io.flowcast.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * Median, step by step, of (deseasonalised) simple exponential smoothing, damped trend and Theta: combinations of
 * a few robust methods beat most single methods (Makridakis et al. 2020, the M4 conclusions).
 * Interval bounds are the medians of the members' bounds.
 */
public final class Ensemble implements ForecastMethod {

    private static final long serialVersionUID = 1L;

    private final List<ForecastMethod> members = List.of(
            new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE)),
            new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED)),
            new Theta());

    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public int minLength(int period) {
        return members.stream().mapToInt(m -> m.minLength(period)).max().orElse(2);
    }

    @Override
    public Forecast forecast(double[] y, int period, int horizon, double level) {
        Forecast[] forecasts = members.stream().map(m -> m.forecast(y, period, horizon, level)).toArray(Forecast[]::new);
        double[] mean = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        double[] values = new double[forecasts.length];
        for (int h = 0; h < horizon; h++) {
            mean[h] = median(forecasts, h, values, 0);
            lower[h] = median(forecasts, h, values, 1);
            upper[h] = median(forecasts, h, values, 2);
        }
        return new Forecast(name(), mean, lower, upper, level, null);
    }

    private static double median(Forecast[] forecasts, int h, double[] values, int which) {
        for (int i = 0; i < forecasts.length; i++) {
            values[i] = which == 0 ? forecasts[i].mean()[h] : which == 1 ? forecasts[i].lower()[h] : forecasts[i].upper()[h];
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
