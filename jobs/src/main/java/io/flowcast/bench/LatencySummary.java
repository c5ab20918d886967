package io.flowcast.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of latencies measured in the benchmark process, interpolated between closest ranks
 * as PostgreSQL's {@code percentile_cont} does (what {@code bench mirror} reports its latencies with).
 */
record LatencySummary(int count, double p50, double p95, double p99, double max) {

    static LatencySummary of(double[] latenciesMillis) {
        if (latenciesMillis.length == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = latenciesMillis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The {@code fraction} percentile of ascending {@code sorted}: linear between the ranks around it. */
    static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    String describe() {
        return count == 0 ? "no samples"
                : String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms over %,d", p50, p95, p99, max, count);
    }
}
