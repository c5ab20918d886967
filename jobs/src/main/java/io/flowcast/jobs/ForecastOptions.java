package io.flowcast.jobs;

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
 */
public record ForecastOptions(String method, int horizon, int threads, int capacity, Duration timeout) implements Serializable {

    public static final String METHOD = "demand-forecast.forecast-method";
    public static final String HORIZON = "demand-forecast.forecast-horizon";
    public static final String THREADS = "demand-forecast.forecast-threads";
    public static final String CAPACITY = "demand-forecast.forecast-capacity";
    public static final String TIMEOUT = "demand-forecast.forecast-timeout";

    public static ForecastOptions from(FlowcastConfig config) {
        return new ForecastOptions(config.string(METHOD), config.integer(HORIZON), config.integer(THREADS),
                config.integer(CAPACITY), config.duration(TIMEOUT));
    }
}
