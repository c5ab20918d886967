package io.flowcast.forecast.backtest;

import java.util.List;

/**
 * @param horizon steps per forecast
 * @param period seasonal period given to the methods
 * @param scaleLag lag of the MASE/RMSSE scale and of Naive2's seasonality (M4: 1 weekly, 12 monthly)
 * @param origins rolling origins (non-overlapping windows of {@code horizon} at the end of the
 *     series); ignored when scoring against a separate test set
 * @param methods methods to run (auto included by the caller if wanted)
 * @param threads worker threads (1 = sequential)
 */
public record BacktestConfig(int horizon, int period, int scaleLag, int origins, List<String> methods, int threads) {
    public BacktestConfig {
        methods = List.copyOf(methods);
        if (horizon < 1 || origins < 1 || threads < 1) {
            throw new IllegalArgumentException("horizon, origins and threads must be >= 1");
        }
    }
}
