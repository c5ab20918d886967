package io.flowcast.cli;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.Gaps;
import io.flowcast.forecast.Methods;

/** Runs one method on one series, falling back to {@code auto} when the method cannot fit it. */
final class ForecastRunner {

    private ForecastRunner() {}

    static Forecast safeForecast(ForecastMethod method, double[] raw, int period, int horizon, double level) {
        if (method.name().equals("auto")) {
            return method.forecast(raw, period, horizon, level);
        }
        double[] y = Gaps.fill(raw);
        if (y.length < Math.max(1, method.minLength(period))) {
            return Methods.byName("auto").forecast(raw, period, horizon, level)
                    .withMethod(method.name(), method.name() + " needs " + method.minLength(period) + " points: auto fallback");
        }
        Forecast f = method.forecast(y, period, horizon, level);
        for (double v : f.mean()) {
            if (!Double.isFinite(v)) {
                return Methods.byName("auto").forecast(raw, period, horizon, level)
                        .withMethod(method.name(), method.name() + " produced a non-finite forecast: auto fallback");
            }
        }
        return f;
    }
}
