package io.flowcast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    final DriftDetector detector = new DriftDetector(0.05, 5);

    /** Two fully separated samples of n and m: D = 1, exact two-sided p = 2 / C(n + m, n). */
    @Test
    void exactPValueOfSeparatedSamples() {
        DriftDetector.Finding f = detector.test("x", new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertThat(f.statistic()).isEqualTo(1.0);
        assertThat(f.pValue()).isCloseTo(2.0 / 252, within(1e-9));
        assertThat(f.drift()).isTrue();
        DriftDetector.Finding three = detector.test("x", new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(three.pValue()).isCloseTo(2.0 / 20, within(1e-9));
        assertThat(three.drift()).isFalse();
    }

    /** D = 0.8 with n = m = 5: R's ks.test gives p = 0.07937 (exact), as does a full enumeration. */
    @Test
    void exactPValueMatchesEnumerationOfAllSplits() {
        double[] a = {1, 2, 3, 4, 5.5};
        double[] b = {5, 7, 8, 9, 10};
        DriftDetector.Finding f = detector.test("x", a, b);
        assertThat(f.statistic()).isCloseTo(0.8, within(1e-12));
        assertThat(f.pValue()).isCloseTo(0.0793651, within(1e-6));
        assertThat(f.pValue()).isCloseTo(enumeratedP(a, b, f.statistic()), within(1e-9));
    }

    /** Share of all C(10, 5) splits of the pooled values whose D is at least the observed one. */
    private static double enumeratedP(double[] a, double[] b, double observed) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        int n = pooled.length;
        int total = 0;
        int extreme = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != a.length) {
                continue;
            }
            double[] x = new double[a.length];
            double[] y = new double[b.length];
            int xi = 0;
            int yi = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    x[xi++] = pooled[i];
                } else {
                    y[yi++] = pooled[i];
                }
            }
            total++;
            if (statistic(x, y) >= observed - 1e-12) {
                extreme++;
            }
        }
        return (double) extreme / total;
    }

    private static double statistic(double[] x, double[] y) {
        double d = 0;
        for (double t : concat(x, y)) {
            d = Math.max(d, Math.abs(ecdf(x, t) - ecdf(y, t)));
        }
        return d;
    }

    private static double ecdf(double[] x, double t) {
        int c = 0;
        for (double v : x) {
            c += v <= t ? 1 : 0;
        }
        return (double) c / x.length;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void identicalSamplesHavePOne() {
        double[] x = {3, 1, 4, 7, 5, 9, 2, 6};
        DriftDetector.Finding f = detector.test("x", x, x.clone());
        assertThat(f.statistic()).isEqualTo(0.0);
        assertThat(f.pValue()).isCloseTo(1.0, within(1e-9));
    }

    /**
     * Large samples: Kolmogorov's limiting distribution, P(D > d) = 2 sum (-1)^(k-1) exp(-2 k^2 l^2)
     * with l = d sqrt(nm / (n + m)), computed here independently of Hipparchus.
     */
    @Test
    void largeSamplesFollowKolmogorovsDistribution() {
        Random r = new Random(11);
        double[] a = new double[400];
        double[] b = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian() + 0.15;
        }
        DriftDetector.Finding f = detector.test("x", a, b);
        double lambda = f.statistic() * Math.sqrt(400.0 * 300 / 700);
        double p = 0;
        for (int k = 1; k <= 100; k++) {
            p += 2 * Math.pow(-1, k - 1) * Math.exp(-2 * k * k * lambda * lambda);
        }
        assertThat(f.pValue()).isCloseTo(p, within(0.01));
    }

    @Test
    void aShiftedFeatureDriftsAndAStableOneDoesNot() {
        Random r = new Random(3);
        Map<String, double[]> reference = new LinkedHashMap<>();
        Map<String, double[]> recent = new LinkedHashMap<>();
        reference.put("cv", sample(r, 200, 0));
        recent.put("cv", sample(r, 100, 0));
        reference.put("adi", sample(r, 200, 0));
        recent.put("adi", sample(r, 100, 1.0));
        reference.put("tiny", new double[] {1, 2});
        recent.put("tiny", new double[] {5, 6});
        List<DriftDetector.Finding> findings = detector.testAll(reference, recent);
        assertThat(findings).extracting(DriftDetector.Finding::variable).containsExactly("cv", "adi");
        assertThat(findings.get(0).drift()).isFalse();
        assertThat(findings.get(1).drift()).isTrue();
        assertThat(findings.get(1).pValue()).isLessThan(1e-6);
    }

    private static double[] sample(Random r, int n, double shift) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() + shift;
        }
        return x;
    }
}
