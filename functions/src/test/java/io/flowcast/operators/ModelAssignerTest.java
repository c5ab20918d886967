package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import io.flowcast.records.DeadLetterReason;
import io.flowcast.records.ModelAlert;
import io.flowcast.records.ModelChange;
import io.flowcast.records.ModelRef;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.registry.AbSplit;
import io.flowcast.router.MethodRouter;
import io.flowcast.router.RouterBacktest;
import io.flowcast.router.RouterParams;
import io.flowcast.router.RouterTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hot swap in broadcast state: activation, rejection of a corrupt artifact, restore, A/B split. */
class ModelAssignerTest {

    static byte[] artifact;
    static String sha;

    @BeforeAll
    static void trainTinyRouter() {
        List<String> pool = List.of("naive", "mean");
        Random r = new Random(4);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double[] y = new double[40];
            List<String> ts = new ArrayList<>();
            for (int t = 0; t < y.length; t++) {
                y[t] = i % 2 == 0 ? 10 + r.nextGaussian() : t + r.nextGaussian();
                ts.add(Integer.toString(t));
            }
            series.add(new Series("s" + i, ts, y));
        }
        RouterBacktest backtest = new RouterBacktest(new Forecaster(MethodRegistry.defaults()), pool, 4, 1, 1);
        try (MethodRouter router = new RouterTrainer(RouterParams.defaults().withRounds(5))
                .train(pool, backtest.rollingOrigins(series, 2, 1, n -> {}))) {
            artifact = router.toBytes();
            sha = MethodRouter.sha256(artifact);
        }
    }

    static BroadcastOperatorTestHarness<SeriesSnapshot, ModelChange, RoutedSnapshot> harness(double share)
            throws Exception {
        return new BroadcastOperatorTestHarness<>(new CoBroadcastWithNonKeyedOperator<>(
                new ModelAssigner("DemandForecastJob", "router", share), List.of(ModelAssigner.ACTIVE)), 1, 1, 0);
    }

    static SeriesSnapshot snapshot(String product) {
        return new SeriesSnapshot(product, "SP", 20_000, new double[] {1, 2, 3}, new double[] {1, 2, 3});
    }

    static ModelChange change(int version, String stage, byte[] bytes, String checksum) {
        return new ModelChange("router", version, stage, bytes, checksum, "v" + version);
    }

    @Test
    void aPromotionSwapsTheModelAndACorruptOneIsRejected() throws Exception {
        OperatorSubtaskState state;
        try (var h = harness(0)) {
            h.open();
            h.processElement(snapshot("P1"), 0);
            h.processBroadcastElement(change(1, "candidate", artifact, sha), 0); // no A/B: ignored
            h.processElement(snapshot("P1"), 0);
            h.processBroadcastElement(change(1, "production", artifact, sha), 0);
            h.processElement(snapshot("P1"), 0);
            byte[] corrupt = artifact.clone();
            corrupt[corrupt.length / 2] ^= 0x55;
            h.processBroadcastElement(change(2, "production", corrupt, sha), 0);
            h.processBroadcastElement(change(3, "production", new byte[] {1, 2}, MethodRouter.sha256(new byte[] {1, 2})), 0);
            h.processElement(snapshot("P1"), 0);

            List<RoutedSnapshot> out = h.extractOutputValues();
            assertThat(out).extracting(r -> r.model() == null ? "rules" : r.model().label())
                    .containsExactly("rules", "rules", "router-1", "router-1");
            List<ModelAlert> alerts = new ArrayList<>();
            h.getSideOutput(ModelAssigner.ALERTS).forEach(rec -> alerts.add(rec.getValue()));
            assertThat(alerts).extracting(ModelAlert::version, ModelAlert::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "activated"),
                            org.assertj.core.groups.Tuple.tuple(2, "rejected"),
                            org.assertj.core.groups.Tuple.tuple(3, "rejected"));
            assertThat(alerts.get(1).detail()).contains("router-1 stays active").contains("checksum mismatch");
            assertThat(alerts.get(2).detail()).contains("unreadable router artifact");
            assertThat(h.getSideOutput(ModelAssigner.DEAD_LETTERS)).hasSize(2)
                    .allSatisfy(rec -> assertThat(rec.getValue().reason()).isEqualTo(DeadLetterReason.CORRUPT_MODEL));
            state = h.snapshot(1, 1);
        }
        // A restore from the checkpoint resumes with the version that was active.
        try (var restored = harness(0)) {
            restored.initializeState(state);
            restored.open();
            restored.processElement(snapshot("P9"), 0);
            assertThat(restored.extractOutputValues()).extracting(r -> r.model().label()).containsExactly("router-1");
        }
    }

    @Test
    void aCandidateIsTheChallengerForItsShareOfSeriesUntilItIsConcluded() throws Exception {
        try (var h = harness(0.5)) {
            h.open();
            h.processBroadcastElement(change(1, "production", artifact, sha), 0);
            h.processBroadcastElement(change(2, "candidate", artifact, sha), 0);
            int challengers = 0;
            for (int p = 0; p < 200; p++) {
                h.processElement(snapshot("P" + p), 0);
            }
            for (RoutedSnapshot r : h.extractOutputValues()) {
                boolean challenger = AbSplit.inChallenger(r.snapshot().productCode(), "SP", 0.5);
                assertThat(r.arm()).isEqualTo(challenger ? AbSplit.CHALLENGER : AbSplit.CHAMPION);
                assertThat(r.model()).isEqualTo(new ModelRef("router", challenger ? 2 : 1, sha));
                challengers += challenger ? 1 : 0;
            }
            assertThat(challengers).isBetween(70, 130);
            h.processBroadcastElement(change(2, "archived", artifact, sha), 0);
            h.processElement(snapshot("P0"), 0);
            RoutedSnapshot last = h.extractOutputValues().get(200);
            assertThat(last.model().version()).isEqualTo(1);
            assertThat(last.arm()).isEmpty();
        }
    }
}
