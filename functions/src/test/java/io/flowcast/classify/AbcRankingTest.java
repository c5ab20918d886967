package io.flowcast.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AbcRankingTest {

    private final AbcRanking ranking = new AbcRanking(0.80, 0.95);

    @Test
    void paretoClassesByCumulativeRevenueShare() {
        // Shares 60, 25, 10, 4, 1 (%): cumulative before each product 0, 60, 85, 95, 99.
        Map<String, Character> classes = ranking.classes(Map.of("P1", 600.0, "P2", 250.0, "P3", 100.0, "P4", 40.0, "P5", 10.0));
        assertThat(classes).containsExactly(
                Map.entry("P1", 'A'), Map.entry("P2", 'A'), Map.entry("P3", 'B'), Map.entry("P4", 'C'), Map.entry("P5", 'C'));
        assertThat(ranking.rank(Map.of("P1", 3.0, "P2", 1.0)).get(0).revenueShare()).isEqualTo(0.75);
    }

    @Test
    void tiesAreBrokenByProductCodeAndNoRevenueIsAllC() {
        assertThat(ranking.classes(Map.of("P2", 5.0, "P1", 5.0, "P3", 1.0)).keySet()).containsExactly("P1", "P2", "P3");
        assertThat(ranking.classes(Map.of("P1", 0.0, "P2", 0.0)).values()).containsOnly('C');
    }
}
