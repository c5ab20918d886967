package io.flowcast.forecast.methods;

/**
 * An ETS model form (error, trend, season) in the taxonomy of Hyndman, Koehler, Snyder &amp;
 * Grose (2002) "A state space framework for automatic forecasting using exponential smoothing
 * methods", IJF 18(3), and Hyndman, Koehler, Ord &amp; Snyder (2008), Forecasting with
 * Exponential Smoothing, table 2.2.
 */
public record EtsSpec(Error error, Trend trend, Season season) {

    public enum Error { A, M }

    public enum Trend { N, A, AD }

    public enum Season { N, A, M }

    public boolean damped() {
        return trend == Trend.AD;
    }

    public boolean hasTrend() {
        return trend != Trend.N;
    }

    public boolean seasonal() {
        return season != Season.N;
    }

    /** Class 1 of Hyndman et al. (2008) ch. 6: linear models with exact variance formulas. */
    public boolean linear() {
        return error == Error.A && season != Season.M;
    }

    /** R-style code, e.g. "MAdM". */
    public String code() {
        String t = switch (trend) {
            case N -> "N";
            case A -> "A";
            case AD -> "Ad";
        };
        return error.name() + t + season.name();
    }

    @Override
    public String toString() {
        return "ETS(" + code() + ")";
    }
}
