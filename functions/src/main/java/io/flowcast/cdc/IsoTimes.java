package io.flowcast.cdc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fast paths for the date and timestamp forms CDC messages carry: {@code yyyy-MM-dd} and
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}. {@code java.time}'s general ISO parsers
 * resolve field maps per call and were a fifth of the decoder's time; these read the digits
 * directly. Anything else (other layouts, out-of-range fields) returns null, and the caller falls
 * back to {@code java.time}, which decides.
 */
final class IsoTimes {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_HOURS = 18;

    private IsoTimes() {}

    /** {@code yyyy-MM-dd}, or null. */
    static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]} followed by {@code Z} or {@code ±HH:MM}, or null. */
    static Instant instant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(s.substring(0, 10));
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if (hours < 0 || hours > MAX_OFFSET_HOURS || minutes < 0 || minutes > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        long epochSecond = date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The non-negative number in {@code s[from, from + count)}, or -1 if any of it is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
