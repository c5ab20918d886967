package io.flowcast.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The methods by name, as the CLI and the backtests refer to them. */
public final class Methods {

    /** Window of the moving-average method. */
    public static final int MOVING_AVERAGE_WINDOW = 4;

    private static final Map<String, ForecastMethod> BY_NAME = new LinkedHashMap<>();

    static {
        for (ForecastMethod method : List.of(
                new SimpleMethods.Naive(),
                new Naive2(),
                new SimpleMethods.SeasonalNaive(),
                new SimpleMethods.Mean(),
                new SimpleMethods.MovingAverage(MOVING_AVERAGE_WINDOW),
                new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.NONE)),
                new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.LINEAR)),
                new Deseasonalized(new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED)),
                new Theta(),
                new Intermittent(Intermittent.Variant.CROSTON),
                new Intermittent(Intermittent.Variant.SBA),
                new Intermittent(Intermittent.Variant.TSB),
                new Ensemble(),
                new AutoForecaster())) {
            BY_NAME.put(method.name(), method);
        }
    }

    private Methods() {}

    public static Map<String, ForecastMethod> all() {
        return BY_NAME;
    }

    public static ForecastMethod byName(String name) {
        ForecastMethod method = BY_NAME.get(name);
        if (method == null) {
            throw new IllegalArgumentException("unknown method " + name + "; known: " + BY_NAME.keySet());
        }
        return method;
    }
}
