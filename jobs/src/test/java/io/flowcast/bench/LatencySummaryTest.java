package io.flowcast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesInterpolateBetweenRanksLikePercentileCont() {
        // 1..100 ms in shuffled order: percentile_cont(0.95) over them is 95.05.
        double[] latencies = new double[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (i * 37) % 100 + 1;
        }
        LatencySummary summary = LatencySummary.of(latencies);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isCloseTo(50.5, within(1e-9));
        assertThat(summary.p95()).isCloseTo(95.05, within(1e-9));
        assertThat(summary.p99()).isCloseTo(99.01, within(1e-9));
        assertThat(summary.max()).isEqualTo(100);
        assertThat(latencies[0]).as("the input is not sorted in place").isEqualTo(1);
        assertThat(latencies[1]).isEqualTo(38);
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSampleIsReportedAsSuch() {
        LatencySummary one = LatencySummary.of(new double[] {42});
        assertThat(one.p50()).isEqualTo(42);
        assertThat(one.p99()).isEqualTo(42);
        assertThat(LatencySummary.of(new double[0]).describe()).isEqualTo("no samples");
    }
}
