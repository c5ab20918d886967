package io.flowcast.forecast.neural;

/**
 * Forecast of one series in original units: {@code [channel][step]} for the low quantile, the
 * median (the point forecast) and the high quantile (0.1 / 0.5 / 0.9 give an 80% interval).
 */
public record QuantileForecast(double[][] low, double[][] median, double[][] high) {}
