package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Redis forecast JSON's number format. */
class ForecastOutputsTest {

    private static String fixed4(double value) {
        StringBuilder sb = new StringBuilder();
        ForecastOutputs.ToCacheWrite.appendFixed4(sb, value);
        return sb.toString();
    }

    @Test
    void fourDecimalsRoundedHalfAwayFromZero() {
        assertThat(fixed4(0)).isEqualTo("0.0000");
        assertThat(fixed4(12.5)).isEqualTo("12.5000");
        assertThat(fixed4(-3.14159)).isEqualTo("-3.1416");
        assertThat(fixed4(0.00004)).isEqualTo("0.0000");
        assertThat(fixed4(-0.00004)).isEqualTo("0.0000");
        assertThat(fixed4(0.0123)).isEqualTo("0.0123");
        assertThat(fixed4(7.00999)).isEqualTo("7.0100");
        assertThat(fixed4(2e15)).isEqualTo("2000000000000000.0000");
        assertThat(fixed4(Double.NaN)).isEqualTo("null");
    }

    @Test
    void anyValueReadsBackWithinHalfAUnitOfTheLastDecimal() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9));
            String text = fixed4(value);
            assertThat(text).matches("-?\\d+\\.\\d{4}");
            assertThat(Double.parseDouble(text)).isCloseTo(value, within(0.00005 + Math.ulp(value) * 10_000));
        }
    }
}
