package io.flowcast.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    final PromotionPolicy policy = new PromotionPolicy(0.02);

    @Test
    void betterByTheMarginIsPromoted() {
        PromotionPolicy.Decision d = policy.decide(0.90, OptionalDouble.of(1.00), "");
        assertThat(d.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(d.reason()).startsWith("better: candidate 0.9000 vs production 1.0000");
    }

    @Test
    void worseIsArchivedWithTheReason() {
        PromotionPolicy.Decision d = policy.decide(1.10, OptionalDouble.of(1.00), "");
        assertThat(d.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(d.reason()).startsWith("worse: candidate 1.1000");
    }

    @Test
    void aTieOrAGainInsideTheMarginKeepsProduction() {
        assertThat(policy.decide(1.00, OptionalDouble.of(1.00), "").stage()).isEqualTo(Stage.ARCHIVED);
        PromotionPolicy.Decision small = policy.decide(0.99, OptionalDouble.of(1.00), "");
        assertThat(small.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(small.reason()).startsWith("not better by the margin");
        // exactly at the margin counts as better
        assertThat(policy.decide(0.98, OptionalDouble.of(1.00), "").promote()).isTrue();
    }

    @Test
    void aCorruptArtifactIsNeverPromoted() {
        PromotionPolicy.Decision d = policy.decide(0.10, OptionalDouble.of(1.00), "unreadable router artifact: EOF");
        assertThat(d.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(d.reason()).isEqualTo("corrupt artifact: unreadable router artifact: EOF");
        assertThat(policy.decide(0.10, OptionalDouble.empty(), "bad sha").promote()).isFalse();
    }

    @Test
    void aFirstRouterIsJudgedAgainstTheRules() {
        PromotionPolicy.Decision d = policy.decide(1.05, OptionalDouble.of(1.00), "rules-1", "");
        assertThat(d.stage()).isEqualTo(Stage.ARCHIVED);
        assertThat(d.reason()).isEqualTo("worse: candidate 1.0500 vs rules-1 1.0000, margin 2.0%");
    }

    @Test
    void theFirstModelIsPromotedUnlessItsErrorIsUndefined() {
        assertThat(policy.decide(1.3, OptionalDouble.empty(), "").promote()).isTrue();
        assertThat(policy.decide(Double.NaN, OptionalDouble.empty(), "").promote()).isFalse();
    }
}
