package io.flowcast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    @Test
    void handComputedIntermittentSeries() {
        DemandFeatures f = FeatureExtractor.extract(new double[] {0, 2, 0, 4});
        assertThat(f.weeks()).isEqualTo(4);
        assertThat(f.mean()).isEqualTo(1.5);
        assertThat(f.adi()).isEqualTo(2.0);
        // Non-zero sizes 2 and 4: mean 3, sample variance 2.
        assertThat(f.cv2()).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(f.zeroShare()).isEqualTo(0.5);
        assertThat(f.cv()).isCloseTo(Math.sqrt(2.75) / 1.5, within(1e-12));
        // Last 4 weeks are the whole history.
        assertThat(f.velocity()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void constantSeriesHasNoVariationTrendOrSeasonality() {
        double[] flat = new double[120];
        java.util.Arrays.fill(flat, 5);
        DemandFeatures f = FeatureExtractor.extract(flat);
        assertThat(f.cv()).isZero();
        assertThat(f.cv2()).isZero();
        assertThat(f.adi()).isEqualTo(1.0);
        assertThat(f.trendStrength()).isZero();
        assertThat(f.seasonalStrength()).isZero();
        assertThat(f.qualityScore()).as("complete, no outliers").isEqualTo(1.0);
    }

    @Test
    void trendAndSeasonalStrengthSeparateTheComponents() {
        double[] line = new double[30];
        double[] seasonal = new double[104];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 + 2 * t;
        }
        for (int t = 0; t < seasonal.length; t++) {
            seasonal[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 52);
        }
        assertThat(FeatureExtractor.extract(line).trendStrength()).isCloseTo(1.0, within(1e-12));
        DemandFeatures s = FeatureExtractor.extract(seasonal);
        assertThat(s.seasonalStrength()).isGreaterThan(0.99);
        // Trend strength is the R^2 of a straight line; over exactly two cycles a sine still
        // correlates a little with time (R^2 ~ 0.15), far below its seasonal strength.
        assertThat(s.trendStrength()).isLessThan(0.2);
        assertThat(FeatureExtractor.extract(java.util.Arrays.copyOf(seasonal, 103)).seasonalStrength())
                .as("needs two full cycles").isZero();
    }

    @Test
    void outliersLowerTheQualityScoreAndNoDemandIsExplicit() {
        double[] spiky = new double[104];
        java.util.Arrays.fill(spiky, 10);
        for (int t = 0; t < 104; t += 2) {
            spiky[t] = 11;
        }
        spiky[50] = 500;
        assertThat(FeatureExtractor.extract(spiky).qualityScore()).isCloseTo(1 - 1.0 / 104, within(1e-12));
        DemandFeatures none = FeatureExtractor.extract(new double[8]);
        assertThat(none.adi()).isInfinite();
        assertThat(none.zeroShare()).isEqualTo(1.0);
        assertThat(none.mean()).isZero();
    }
}
