package io.flowcast.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov tests (Hipparchus: exact distribution for small samples,
 * Kolmogorov's asymptotic one for large) of each named variable, recent window against the
 * reference window; a p-value below {@code level} is drift. Variables with fewer than
 * {@code minSamples} values on either side are not tested (a KS test on a handful of points
 * rejects nothing and says nothing).
 *
 * @param level significance level, e.g. 0.05
 * @param minSamples smallest sample tested
 */
public record DriftDetector(double level, int minSamples) {

    /** One test's outcome. */
    public record Finding(String variable, double statistic, double pValue, int referenceSize, int recentSize,
            boolean drift) {}

    /** Hipparchus uses the exact distribution below this n x m (its default). */
    static final long EXACT_LIMIT = 10_000;

    public DriftDetector {
        if (!(level > 0 && level < 1) || minSamples < 2) {
            throw new IllegalArgumentException("need 0 < level < 1 and minSamples >= 2");
        }
    }

    public Finding test(String variable, double[] reference, double[] recent) {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(reference, recent);
        // strict = false: the p-value is P(D >= d), the usual two-sided definition (R ks.test).
        double p = ks.kolmogorovSmirnovTest(reference, recent, false);
        if (d == 1.0 && reference.length * (long) recent.length < EXACT_LIMIT) {
            // Hipparchus 3.1's exact distribution returns 0 at D = 1; the exact value for two
            // fully separated samples is the two orderings out of C(n + m, n) equally likely ones.
            p = Math.min(1.0, 2.0 / binomial(reference.length + recent.length, reference.length));
        }
        return new Finding(variable, d, p, reference.length, recent.length, p < level);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Tests every variable present on both sides with enough values; in the reference map's order. */
    public List<Finding> testAll(Map<String, double[]> reference, Map<String, double[]> recent) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : reference.entrySet()) {
            double[] now = recent.get(e.getKey());
            if (now != null && e.getValue().length >= minSamples && now.length >= minSamples) {
                out.add(test(e.getKey(), e.getValue(), now));
            }
        }
        return out;
    }
}
