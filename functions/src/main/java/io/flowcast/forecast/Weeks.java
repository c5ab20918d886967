package io.flowcast.forecast;

/**
 * The weekly calendar's two numbers, defined once: a season is 52 weeks, and the model context a
 * series keeps (ring buffers, features, accuracy history, the longest request horizon) is two
 * seasons, 104 weeks (seed 003's context length).
 */
public final class Weeks {

    /** Weeks in a seasonal cycle (and in a year, for annualised KPIs and the ABC's trailing revenue). */
    public static final int SEASON = 52;
    /** Weeks of history a series keeps: two seasons. */
    public static final int CONTEXT = 2 * SEASON;

    private Weeks() {}
}
