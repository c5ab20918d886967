package io.flowcast.forecast.io;

import io.flowcast.forecast.Frequency;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Timestamps of future periods: integer index + k, or ISO date + k periods of the frequency. */
public final class Timestamps {
    private static final int DAYS_PER_WEEK = 7;

    private Timestamps() {}

    public static String after(String last, int steps, Frequency frequency) {
        if (SeriesCsvReader.isInteger(last)) {
            return Long.toString(Long.parseLong(last) + steps);
        }
        try {
            LocalDate date = LocalDate.parse(last);
            LocalDate next = switch (frequency) {
                case D -> date.plusDays(steps);
                case W -> date.plusDays((long) DAYS_PER_WEEK * steps);
                case M -> date.plusMonths(steps);
                case Q -> date.plusMonths(3L * steps);
                case Y -> date.plusYears(steps);
            };
            return next.toString();
        } catch (DateTimeParseException notADate) {
            return "+" + steps; // unknown format: say which step it is rather than invent a date
        }
    }
}
