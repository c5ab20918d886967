package io.flowcast.forecast;

/**
 * Sampling frequency of a series: its seasonal period for the models and the lag of the
 * in-sample naive scale used by MASE/RMSSE. The scale lags follow the M4 competition guide
 * (weekly data scored with lag 1, monthly with lag 12, quarterly 4, daily 1, yearly 1).
 */
public enum Frequency {
    D(7, 1),
    W(52, 1),
    M(12, 12),
    Q(4, 4),
    Y(1, 1);

    private final int period;
    private final int scaleLag;

    Frequency(int period, int scaleLag) {
        this.period = period;
        this.scaleLag = scaleLag;
    }

    /** Seasonal period given to the methods. */
    public int period() {
        return period;
    }

    /** Lag of the naive differences in the MASE / RMSSE denominators and of Naive2. */
    public int scaleLag() {
        return scaleLag;
    }
}
