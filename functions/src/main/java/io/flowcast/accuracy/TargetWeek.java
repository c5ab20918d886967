package io.flowcast.accuracy;

/**
 * What the accuracy tracker knows about one target week of a series: the forecast made for it
 * (per channel) and, once the week has closed, its actual totals. NaN marks what has not arrived.
 *
 * <p>A mutable POJO on purpose: it lives in Flink map state.
 */
public final class TargetWeek {

    public double unitsForecast = Double.NaN;
    public double revenueForecast = Double.NaN;
    public String unitsMethod;
    public String revenueMethod;
    public String modelVersion;
    public double unitsActual = Double.NaN;
    public double revenueActual = Double.NaN;

    public TargetWeek() {}

    public boolean hasActual() {
        return !Double.isNaN(unitsActual);
    }
}
