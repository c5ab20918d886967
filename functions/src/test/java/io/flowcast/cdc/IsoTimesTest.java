package io.flowcast.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast ISO paths agree with java.time wherever they answer, and leave everything else to it. */
class IsoTimesTest {

    @Test
    void agreesWithJavaTimeOnRandomInstantsOffsetsAndFractions() {
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds(60 * random.nextInt(-18 * 60, 18 * 60 + 1));
            String text = random.nextBoolean() ? instant.toString() : OffsetDateTime.ofInstant(instant, offset).toString();
            if (text.charAt(16) == ':') {
                assertThat(IsoTimes.instant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            } else {
                // java.time drops ":00" seconds when writing; that form is left to the slow path.
                assertThat(IsoTimes.instant(text)).as(text).isNull();
            }
            String day = text.substring(0, 10);
            if (!day.startsWith("-") && !day.startsWith("+")) {
                assertThat(IsoTimes.date(day)).as(day).isEqualTo(LocalDate.parse(day));
            }
        }
    }

    @Test
    void otherFormsAndInvalidFieldsAreLeftToTheSlowPath() {
        assertThat(IsoTimes.instant("2025-03-08T10:15:30.123456789Z")).isEqualTo(Instant.parse("2025-03-08T10:15:30.123456789Z"));
        assertThat(IsoTimes.instant("2025-03-08T10:15:30.5-03:00")).isEqualTo(Instant.parse("2025-03-08T13:15:30.500Z"));
        assertThat(IsoTimes.instant("2025-03-08T10:15Z")).isNull();
        assertThat(IsoTimes.instant("2025-03-08 10:15:30Z")).isNull();
        assertThat(IsoTimes.instant("2025-02-30T10:15:30Z")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T24:00:00Z")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T10:15:60Z")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T10:15:30.Z")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T10:15:30.1234567891Z")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T10:15:30+19:00")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T10:15:30")).isNull();
        assertThat(IsoTimes.instant("2025-03-08T1a:15:30Z")).isNull();
        assertThat(IsoTimes.date("2025-3-08")).isNull();
        assertThat(IsoTimes.date("2025-13-01")).isNull();
        assertThat(IsoTimes.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
