package io.flowcast.forecast.metrics;

/**
 * Accuracy of one forecast of one series over its horizon. NaN where undefined (e.g. MASE of a
 * series whose in-sample naive differences are all zero).
 *
 * @param mase mean absolute scaled error (Hyndman &amp; Koehler 2006)
 * @param smape symmetric MAPE in percent, M4 definition
 * @param rmsse root mean squared scaled error (M5 competition)
 * @param mae mean absolute error
 * @param bias mean error forecast - actual (positive = over-forecast)
 * @param coverage80 share of actuals inside the 80% interval
 * @param coverage95 share of actuals inside the 95% interval
 * @param pinball80 pinball loss of the 80% bounds (10% and 90% quantiles), scaled like MASE
 */
public record Accuracy(
        double mase, double smape, double rmsse, double mae, double bias,
        double coverage80, double coverage95, double pinball80) {}
