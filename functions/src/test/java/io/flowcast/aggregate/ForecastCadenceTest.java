package io.flowcast.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.aggregate.ForecastCadence.Mode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ForecastCadenceTest {

    private static final long WEEK = LocalDate.of(2025, 3, 3).toEpochDay();
    private static final long LAG = 14L * 86_400_000L;
    /** Wall clock a year after WEEK: its closes are history. */
    private static final long LATER = LocalDate.of(2026, 3, 2).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    @Test
    void historicalClosesFollowTheModeAndLiveOnesAreAlwaysForecast() {
        ForecastCadence everyN = new ForecastCadence(Mode.EVERY_N, 4, LAG, 5_000);
        assertThat(everyN.dueAtClose(WEEK, ForecastCadence.NEVER, LATER, false)).as("first close of a series").isTrue();
        assertThat(everyN.dueAtClose(WEEK + 21, WEEK, LATER, false)).as("3 weeks after the last origin").isFalse();
        assertThat(everyN.dueAtClose(WEEK + 28, WEEK, LATER, false)).as("4 weeks after").isTrue();
        assertThat(everyN.dueAtClose(WEEK + 7, WEEK, LATER, true)).as("end of a bounded input").isTrue();

        ForecastCadence latest = new ForecastCadence(Mode.LATEST_ONLY, 1, LAG, 5_000);
        assertThat(latest.dueAtClose(WEEK, ForecastCadence.NEVER, LATER, false)).isFalse();
        long weekEnd = (WEEK + 7) * 86_400_000L;
        assertThat(latest.dueAtClose(WEEK, ForecastCadence.NEVER, weekEnd + LAG, false)).as("within the lag: live").isTrue();
        assertThat(latest.dueAtClose(WEEK, ForecastCadence.NEVER, weekEnd + LAG + 1, false)).isFalse();

        assertThat(ForecastCadence.everyWeek().dueAtClose(WEEK + 7, WEEK, LATER, false)).isTrue();
    }

    @Test
    void modesParseFromTheirConfigurationNames() {
        assertThat(Mode.parse("every-week")).isEqualTo(Mode.EVERY_WEEK);
        assertThat(Mode.parse("every-n")).isEqualTo(Mode.EVERY_N);
        assertThat(Mode.parse(" latest-only ")).isEqualTo(Mode.LATEST_ONLY);
        assertThatThrownBy(() -> Mode.parse("sometimes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastCadence(Mode.EVERY_N, 0, LAG, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weekArithmeticMatchesTheIsoCalendar() {
        for (long day = -800; day < 800; day += 3) {
            LocalDate date = LocalDate.ofEpochDay(day);
            long monday = date.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toEpochDay();
            long millis = date.atTime(13, 7).toInstant(ZoneOffset.UTC).toEpochMilli();
            assertThat(WeeklyHistory.weekOf(millis)).as(date.toString()).isEqualTo(monday);
            assertThat(WeeklyHistory.weekEnd(monday)).isEqualTo((monday + 7) * 86_400_000L - 1);
        }
    }
}
