package io.flowcast.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The last {@link #CAPACITY} ISO weeks of one demand series, two channels (units and revenue), in
 * a ring of primitive arrays: compact in RocksDB and cheap to (de)serialize.
 *
 * <p>Values are exact fixed-point longs (units in thousandths, revenue in 1e-7), so weekly totals
 * equal the sum of the order lines to the last digit the warehouse sends (quantities have 3
 * decimals; price x discount has at most 4; wider inputs are rounded half-even at those scales).
 *
 * <p>A mutable POJO on purpose: it lives in Flink state and is updated in place per event.
 */
public final class WeeklyHistory {

    /** Weeks kept: two years, the model context of seed 003. */
    public static final int CAPACITY = io.flowcast.forecast.Weeks.CONTEXT;
    public static final int UNITS_SCALE = 3;
    private static final long DAY_MILLIS = 86_400_000L;
    public static final int REVENUE_SCALE = 7;

    /** Epoch day (a Monday) of the newest week in the ring; weeks before it fill the ring backwards. */
    public long newestWeek;
    /** Epoch day of the first week not yet emitted (every week before it has been emitted). */
    public long nextWeekToEmit;
    /** Epoch day of the newest week that received an order line. */
    public long lastActiveWeek;
    /** Epoch day of the series' first week (its first order line). */
    public long firstWeek;
    /** Epoch day of the newest week close that was forecast ({@link ForecastCadence#NEVER} before the first). */
    public long lastForecastWeek = ForecastCadence.NEVER;
    /** Wall-clock time of the newest week close (for {@link ForecastCadence#settleMillis()}). */
    public long lastCloseMillis;
    public long[] units;
    public long[] revenue;

    public WeeklyHistory() {}

    public static WeeklyHistory startingAt(long week) {
        WeeklyHistory h = new WeeklyHistory();
        h.newestWeek = week;
        h.nextWeekToEmit = week;
        h.lastActiveWeek = week;
        h.firstWeek = week;
        h.units = new long[CAPACITY];
        h.revenue = new long[CAPACITY];
        return h;
    }

    /** Monday (UTC) of the ISO week containing the instant, as an epoch day. */
    public static long weekOf(long epochMillis) {
        // Per event on the hot path: plain arithmetic (epoch day 0, 1970-01-01, was a Thursday).
        long day = Math.floorDiv(epochMillis, DAY_MILLIS);
        return day - Math.floorMod(day + 3, 7L);
    }

    /** Last millisecond of the week starting on {@code week} (epoch day of its Monday). */
    public static long weekEnd(long week) {
        return (week + 7) * DAY_MILLIS - 1;
    }

    public boolean holds(long week) {
        return week <= newestWeek && week > newestWeek - 7L * CAPACITY;
    }

    /** Moves the ring forward so that {@code week} is the newest week, zeroing the weeks it enters. */
    public void advanceTo(long week) {
        if (week <= newestWeek) {
            return;
        }
        long steps = (week - newestWeek) / 7;
        if (steps >= CAPACITY) {
            Arrays.fill(units, 0);
            Arrays.fill(revenue, 0);
        } else {
            for (long w = newestWeek + 7; w <= week; w += 7) {
                units[slot(w)] = 0;
                revenue[slot(w)] = 0;
            }
        }
        newestWeek = week;
    }

    /** Adds ({@code sign = +1}) or removes ({@code -1}) a line's units and revenue in its week. */
    public void add(long week, int sign, BigDecimal lineUnits, BigDecimal lineRevenue) {
        units[slot(week)] += sign * fixed(lineUnits, UNITS_SCALE);
        revenue[slot(week)] += sign * fixed(lineRevenue, REVENUE_SCALE);
        lastActiveWeek = Math.max(lastActiveWeek, week);
        // Lines of one series arrive in order per partition only: an earlier week can show up
        // after a later one opened the series.
        firstWeek = Math.min(firstWeek, week);
    }

    public BigDecimal unitsOf(long week) {
        return holds(week) ? BigDecimal.valueOf(units[slot(week)], UNITS_SCALE) : BigDecimal.ZERO;
    }

    public BigDecimal revenueOf(long week) {
        return holds(week) ? BigDecimal.valueOf(revenue[slot(week)], REVENUE_SCALE) : BigDecimal.ZERO;
    }

    /** Units of the held weeks, oldest first, ending with {@code lastWeek} (for features and models). */
    public double[] unitsSeries(long lastWeek, int weeks) {
        return series(units, UNITS_SCALE, lastWeek, weeks);
    }

    /** Revenue of the held weeks, oldest first, ending with {@code lastWeek}. */
    public double[] revenueSeries(long lastWeek, int weeks) {
        return series(revenue, REVENUE_SCALE, lastWeek, weeks);
    }

    /** Revenue of the {@code weeks} weeks ending with {@code lastWeek} (weeks outside the ring count 0). */
    public double trailingRevenue(long lastWeek, int weeks) {
        long sum = 0;
        for (int i = 0; i < weeks; i++) {
            long week = lastWeek - 7L * i;
            if (holds(week)) {
                sum += revenue[slot(week)];
            }
        }
        return sum / Math.pow(10, REVENUE_SCALE);
    }

    /** Weeks of history up to {@code lastWeek}: since the first sale, at most {@link #CAPACITY}. */
    public int length(long lastWeek) {
        return (int) Math.min(CAPACITY, (lastWeek - firstWeek) / 7 + 1);
    }

    private double[] series(long[] channel, int scale, long lastWeek, int weeks) {
        double unit = Math.pow(10, scale);
        double[] out = new double[weeks];
        for (int i = 0; i < weeks; i++) {
            long week = lastWeek - 7L * (weeks - 1 - i);
            out[i] = holds(week) ? channel[slot(week)] / unit : 0.0;
        }
        return out;
    }

    private int slot(long week) {
        return (int) Math.floorMod(week / 7, (long) CAPACITY);
    }

    private static long fixed(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
