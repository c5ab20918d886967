package io.flowcast.aggregate;

import java.io.Serializable;
import java.util.Locale;

/**
 * Which week closes of a series get a scheduled forecast. A close is <em>live</em> when its week
 * ended less than {@code historyLagMillis} before the wall clock: live closes are always
 * forecast. While the job replays history (a backfill, a restart far behind, the demo), event time
 * runs far behind the wall clock and forecasting every historical close of every series is the
 * dominant cost (two model fits and 52 rows per close); {@link Mode} decides which historical
 * closes are forecast:
 *
 * <ul>
 *   <li>{@code every-week}: all of them (complete forecast history and accuracy; slowest replay);
 *   <li>{@code every-n}: a close at least {@code everyN} weeks after the series' last forecast
 *       origin (accuracy is scored on those origins: forecast_accuracy stays filled);
 *   <li>{@code latest-only}: none (fastest; no accuracy for the replayed weeks).
 * </ul>
 *
 * <p>Whatever the mode, the close at the end of a bounded input is forecast, and a series whose
 * newest close went without a forecast gets one for that close once no newer close has come for
 * {@code settleMillis} of wall-clock time (the replay has caught up or paused): every series has a
 * current forecast once the job has caught up.
 */
public record ForecastCadence(Mode mode, int everyN, long historyLagMillis, long settleMillis) implements Serializable {

    /** No forecast yet (WeeklyHistory's initial value). */
    public static final long NEVER = Long.MIN_VALUE;

    private static final long DAY_MILLIS = 86_400_000L;

    public enum Mode {
        EVERY_WEEK,
        EVERY_N,
        LATEST_ONLY;

        /** {@code every-week}, {@code every-n} or {@code latest-only}. */
        public static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public ForecastCadence {
        if (everyN < 1) {
            throw new IllegalArgumentException("every-n must be at least 1: " + everyN);
        }
    }

    /** Every close forecast, as before history modes existed. */
    public static ForecastCadence everyWeek() {
        return new ForecastCadence(Mode.EVERY_WEEK, 1, 0, 0);
    }

    /**
     * Whether the close of {@code closedWeek} (epoch day of its Monday) gets a forecast now.
     *
     * @param lastForecastWeek the series' last forecast origin, {@link #NEVER} if none
     */
    public boolean dueAtClose(long closedWeek, long lastForecastWeek, long nowMillis, boolean endOfInput) {
        if (endOfInput || mode == Mode.EVERY_WEEK || isLive(closedWeek, nowMillis)) {
            return true;
        }
        if (mode == Mode.LATEST_ONLY) {
            return false;
        }
        return lastForecastWeek == NEVER || closedWeek - lastForecastWeek >= 7L * everyN;
    }

    /** Whether the week starting on {@code week} ended within the history lag of the wall clock. */
    public boolean isLive(long week, long nowMillis) {
        long weekEndMillis = (week + 7) * DAY_MILLIS;
        return weekEndMillis >= nowMillis - historyLagMillis;
    }
}
