package io.flowcast.jobs;

import io.flowcast.aggregate.ForecastCadence;
import io.flowcast.config.FlowcastConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * The forecasts of DemandForecastJob (keys {@code demand-forecast.forecast-*}).
 *
 * @param method engine method per series ({@code auto} or any {@code flowcast forecast --methods} name)
 * @param horizon weeks ahead of a scheduled forecast, both channels
 * @param threads model-fitting threads per forecast subtask
 * @param capacity series in flight per subtask before back pressure
 * @param timeout a fit slower than this is answered by the naive method, explained as a fallback
 * @param cadence which week closes of a replay (event time far behind the wall clock) are forecast
 */
public record ForecastOptions(String method, int horizon, int threads, int capacity, Duration timeout, ForecastCadence cadence)
        implements Serializable {

    public static final String METHOD = "demand-forecast.forecast-method";
    public static final String HORIZON = "demand-forecast.forecast-horizon";
    public static final String THREADS = "demand-forecast.forecast-threads";
    public static final String CAPACITY = "demand-forecast.forecast-capacity";
    public static final String TIMEOUT = "demand-forecast.forecast-timeout";
    public static final String HISTORY_MODE = "demand-forecast.forecast-history-mode";
    public static final String HISTORY_EVERY_N = "demand-forecast.forecast-history-every-n";
    public static final String HISTORY_LAG = "demand-forecast.forecast-history-lag";
    public static final String HISTORY_SETTLE = "demand-forecast.forecast-history-settle";

    public static ForecastOptions from(FlowcastConfig config) {
        return new ForecastOptions(config.string(METHOD), config.integer(HORIZON), config.integer(THREADS),
                config.integer(CAPACITY), config.duration(TIMEOUT),
                new ForecastCadence(ForecastCadence.Mode.parse(config.string(HISTORY_MODE)), config.integer(HISTORY_EVERY_N),
                        config.duration(HISTORY_LAG).toMillis(), config.duration(HISTORY_SETTLE).toMillis()));
    }
}
