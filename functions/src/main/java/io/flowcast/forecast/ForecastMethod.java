package io.flowcast.forecast;

import java.io.Serializable;

/**
 * A forecasting method: fits a series and forecasts it. Plain Java, no Flink, reused by the CLI,
 * the backtests and the streaming jobs.
 */
public interface ForecastMethod extends Serializable {

    String name();

    /**
     * @param y observations, oldest first, finite (callers clean gaps first), length >= {@link #minLength(int)}
     * @param period seasonal period (1 = none)
     * @param horizon steps to forecast
     * @param level interval coverage, e.g. 0.80
     */
    Forecast forecast(double[] y, int period, int horizon, double level);

    /** Shortest series the method fits. */
    default int minLength(int period) {
        return 2;
    }
}
