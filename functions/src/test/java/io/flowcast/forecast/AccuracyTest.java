package io.flowcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void naiveHasMaseOneOnItsOwnInSampleScale() {
        SplittableRandom random = new SplittableRandom(3);
        double[] y = new double[50];
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + random.nextGaussian();
        }
        double[] actual = Arrays.copyOfRange(y, 1, y.length);
        double[] naive = Arrays.copyOfRange(y, 0, y.length - 1);
        assertThat(Accuracy.mase(y, actual, naive, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(Accuracy.rmsse(y, actual, naive, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void smapeBiasCoveragePinballAndOwaFollowTheirDefinitions() {
        double[] actual = {100, 0, 50};
        double[] forecast = {110, 0, 40};
        // 200*10/210, 0 (both zero), 200*10/90
        assertThat(Accuracy.smape(actual, forecast)).isCloseTo((2000.0 / 210 + 0 + 2000.0 / 90) / 3, within(1e-12));
        assertThat(Accuracy.bias(actual, forecast)).isCloseTo(0, within(1e-12));
        assertThat(Accuracy.coverage(actual, new double[] {90, -1, 45}, new double[] {105, 1, 49})).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Accuracy.pinball(new double[] {10}, new double[] {8}, 0.9)).isCloseTo(1.8, within(1e-12));
        assertThat(Accuracy.pinball(new double[] {10}, new double[] {12}, 0.9)).isCloseTo(0.2, within(1e-12));
        assertThat(Accuracy.owa(9, 2, 10, 4)).isCloseTo(0.7, within(1e-12));
        assertThat(Accuracy.mase(new double[] {5, 5, 5}, actual, forecast, 1)).as("zero scale").isNaN();
    }
}
