package io.flowcast.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.forecast.DemandClass;
import io.flowcast.classify.DemandClassifier.Xyz;
import io.flowcast.features.DemandFeatures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DemandClassifierTest {

    static DemandFeatures features(double adi, double cv2, double cv) {
        return new DemandFeatures(52, 1, cv, adi, cv2, 0, 0, 0, 1, 1);
    }

    @ParameterizedTest(name = "ADI {0}, CV2 {1} -> {2}")
    @CsvSource({
        "1.00, 0.10, SMOOTH",
        "1.32, 0.49, SMOOTH",
        "1.32, 0.4901, ERRATIC",
        "1.3201, 0.49, INTERMITTENT",
        "1.3201, 0.4901, LUMPY",
        "4.0, 2.0, LUMPY",
        "Infinity, 0, NO_DEMAND",
    })
    void syntetosBoylanCutOffsCountAValueOnTheCutOffAsBelow(double adi, double cv2, DemandClass expected) {
        assertThat(DemandClassifier.pattern(features(adi, cv2, 0.3))).isEqualTo(expected);
    }

    @Test
    void xyzLimitsAreInclusive() {
        DemandClassifier classifier = new DemandClassifier(0.5, 1.0);
        assertThat(classifier.xyz(features(1, 0, 0.5))).isEqualTo(Xyz.X);
        assertThat(classifier.xyz(features(1, 0, 0.51))).isEqualTo(Xyz.Y);
        assertThat(classifier.xyz(features(1, 0, 1.0))).isEqualTo(Xyz.Y);
        assertThat(classifier.xyz(features(1, 0, 1.01))).isEqualTo(Xyz.Z);
        assertThatThrownBy(() -> new DemandClassifier(1.0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
