package io.flowcast.cdc;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Calendar fields derived from a row's event time (seed 004: month, quarter, day of week,
 * weekend flag), in UTC. Day of week is ISO-8601: 1 = Monday .. 7 = Sunday.
 */
public record DerivedFields(int month, int quarter, int dayOfWeek, boolean weekend) {

    public static DerivedFields of(Instant eventTime) {
        LocalDate date = LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
        int month = date.getMonthValue();
        DayOfWeek dow = date.getDayOfWeek();
        return new DerivedFields(
                month, (month - 1) / 3 + 1, dow.getValue(), dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY);
    }
}
