package io.flowcast.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WeeklyHistoryTest {

    private static final long MONDAY = LocalDate.of(2025, 3, 3).toEpochDay();

    @Test
    void weekOfIsTheIsoMondayInUtc() {
        assertThat(WeeklyHistory.weekOf(Instant.parse("2025-03-09T23:59:59Z").toEpochMilli())).isEqualTo(MONDAY);
        assertThat(WeeklyHistory.weekOf(Instant.parse("2025-03-10T00:00:00Z").toEpochMilli())).isEqualTo(MONDAY + 7);
    }

    @Test
    void historyLengthCountsFromTheEarliestWeekSeenWhateverTheArrivalOrder() {
        WeeklyHistory h = WeeklyHistory.startingAt(MONDAY + 14);
        h.add(MONDAY + 14, +1, BigDecimal.ONE, BigDecimal.ONE);
        h.add(MONDAY, +1, BigDecimal.TEN, BigDecimal.TEN);
        assertThat(h.length(MONDAY + 14)).isEqualTo(3);
        assertThat(h.unitsSeries(MONDAY + 14, 3)).containsExactly(10.0, 0.0, 1.0);
    }

    @Test
    void ringKeepsExactlyTheLast104WeeksExactly() {
        WeeklyHistory h = WeeklyHistory.startingAt(MONDAY);
        h.add(MONDAY, +1, new BigDecimal("0.1"), new BigDecimal("0.1000001"));
        h.add(MONDAY, +1, new BigDecimal("0.2"), new BigDecimal("0.2"));
        assertThat(h.unitsOf(MONDAY)).isEqualByComparingTo("0.3");
        assertThat(h.revenueOf(MONDAY)).isEqualByComparingTo("0.3000001");

        long last = MONDAY + 7L * (WeeklyHistory.CAPACITY - 1);
        h.advanceTo(last);
        assertThat(h.holds(MONDAY)).isTrue();
        assertThat(h.unitsOf(MONDAY)).isEqualByComparingTo("0.3");
        assertThat(h.unitsSeries(last, 3)).containsExactly(0.0, 0.0, 0.0);

        h.advanceTo(last + 7);
        assertThat(h.holds(MONDAY)).isFalse();
        assertThat(h.unitsOf(last + 7)).as("the slot MONDAY used is zeroed for its new week").isEqualByComparingTo("0");

        h.advanceTo(last + 7L * 500);
        assertThat(h.unitsSeries(last + 7L * 500, WeeklyHistory.CAPACITY)).containsOnly(0.0);
    }
}
