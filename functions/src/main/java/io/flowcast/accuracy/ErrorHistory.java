package io.flowcast.accuracy;

import java.util.Arrays;

/**
 * Actuals and forecasts of one series and channel over the last {@link #CAPACITY} weeks, in a
 * ring of primitive arrays (compact in RocksDB); NaN marks a week that was not scored.
 *
 * <p>A mutable POJO on purpose: it lives in Flink map state and is updated in place.
 */
public final class ErrorHistory {

    /** Weeks kept: as many as the weekly aggregator can still correct. */
    public static final int CAPACITY = io.flowcast.forecast.Weeks.CONTEXT;

    /** Epoch day (a Monday) of the newest week in the ring. */
    public long newestWeek;
    public double[] actual;
    public double[] forecast;

    public ErrorHistory() {}

    public static ErrorHistory startingAt(long week) {
        ErrorHistory h = new ErrorHistory();
        h.newestWeek = week;
        h.actual = new double[CAPACITY];
        h.forecast = new double[CAPACITY];
        Arrays.fill(h.actual, Double.NaN);
        Arrays.fill(h.forecast, Double.NaN);
        return h;
    }

    /** True if {@code week} is inside the ring (not older than its capacity). */
    public boolean holds(long week) {
        return week <= newestWeek && (newestWeek - week) / 7 < CAPACITY;
    }

    /** Records a week's actual and forecast, moving the ring forward if the week is newer. Older than the ring: ignored. */
    public void put(long week, double actualValue, double forecastValue) {
        if (week > newestWeek) {
            long shift = (week - newestWeek) / 7;
            for (long w = 1; w <= Math.min(shift, CAPACITY); w++) {
                int slot = slot(newestWeek + 7 * w);
                actual[slot] = Double.NaN;
                forecast[slot] = Double.NaN;
            }
            newestWeek = week;
        }
        if (holds(week)) {
            actual[slot(week)] = actualValue;
            forecast[slot(week)] = forecastValue;
        }
    }

    /** The week's actual, NaN if not scored or outside the ring. */
    public double actualOf(long week) {
        return holds(week) ? actual[slot(week)] : Double.NaN;
    }

    public double forecastOf(long week) {
        return holds(week) ? forecast[slot(week)] : Double.NaN;
    }

    private static int slot(long week) {
        return (int) Math.floorMod(week / 7, (long) CAPACITY);
    }
}
