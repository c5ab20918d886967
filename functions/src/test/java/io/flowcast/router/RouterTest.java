package io.flowcast.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A planted rule: intermittent series (croston is right), trending series (holt is right). The
 * router has to learn the rule from backtest errors alone and pick by it on unseen series.
 */
class RouterTest {

    static final List<String> POOL = List.of("naive", "croston", "holt");
    static final int HORIZON = 8;
    static final Forecaster FORECASTER = new Forecaster(MethodRegistry.defaults());
    static final RouterBacktest BACKTEST = new RouterBacktest(FORECASTER, POOL, HORIZON, 1, 1);
    /** Croston estimates the mean demand rate: it wins on squared error (MAE favours zero). */
    static final RouterParams PARAMS = RouterParams.defaults().withLabelError(OriginSample.LabelError.RMSSE);
    static MethodRouter router;

    @BeforeAll
    static void train() {
        List<OriginSample> samples = BACKTEST.rollingOrigins(planted(60, new Random(1)), 3, 2, n -> {});
        router = new RouterTrainer(PARAMS).train(POOL, samples);
    }

    static List<Series> planted(int perKind, Random random) {
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            out.add(series("int" + i, intermittent(80, random)));
            out.add(series("trend" + i, trending(80, random)));
        }
        return out;
    }

    static double[] intermittent(int n, Random random) {
        double[] y = new double[n];
        double size = 5 + random.nextInt(20);
        double p = 0.15 + 0.2 * random.nextDouble();
        for (int t = 0; t < n; t++) {
            y[t] = random.nextDouble() < p ? size : 0;
        }
        y[n - 1] = size; // naive then forecasts a full order every week
        return y;
    }

    static double[] trending(int n, Random random) {
        double[] y = new double[n];
        double slope = 1 + 3 * random.nextDouble();
        for (int t = 0; t < n; t++) {
            y[t] = 50 + slope * t + random.nextGaussian();
        }
        return y;
    }

    static Series series(String id, double[] y) {
        List<String> ts = new ArrayList<>();
        for (int t = 0; t < y.length; t++) {
            ts.add(Integer.toString(t + 1));
        }
        return new Series(id, ts, y);
    }

    @Test
    void learnsThePlantedRuleAndPicksByIt() {
        Random random = new Random(99);
        int crostonPicks = 0;
        int holtPicks = 0;
        for (int i = 0; i < 20; i++) {
            double[] w = router.weights(router.features(intermittent(80, random)));
            crostonPicks += POOL.get(MethodRouter.argmax(w)).equals("croston") ? 1 : 0;
            double[] v = router.weights(router.features(trending(80, random)));
            holtPicks += POOL.get(MethodRouter.argmax(v)).equals("holt") ? 1 : 0;
        }
        assertThat(crostonPicks).isGreaterThanOrEqualTo(18);
        assertThat(holtPicks).isGreaterThanOrEqualTo(18);
    }

    @Test
    void weightsAreAProbabilityVector() {
        double[] w = router.weights(router.features(trending(80, new Random(5))));
        assertThat(w).hasSize(POOL.size());
        assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Arrays.stream(w).allMatch(x -> x >= 0)).isTrue();
    }

    @Test
    void routerBeatsEverySingleMethodOnUnseenMixedSeries() {
        List<OriginSample> unseen = BACKTEST.rollingOrigins(planted(15, new Random(7)), 1, 2, n -> {});
        RouterEvaluation eval = RouterEvaluation.of(router, unseen);
        double best = eval.bestSingle(POOL, OriginSample.LabelError.RMSSE).rmsse();
        assertThat(eval.row(RouterEvaluation.WEIGHTED).rmsse()).isLessThan(best);
        assertThat(eval.row(RouterEvaluation.ARGMAX).rmsse()).isLessThan(best);
    }

    @Test
    void forecastExplainsTheTopMethodsAndSurvivesARoundTrip() {
        MethodRouter reloaded = MethodRouter.fromBytes(router.toBytes());
        double[] y = intermittent(80, new Random(3));
        assertThat(reloaded.weights(reloaded.features(y))).containsExactly(router.weights(router.features(y)),
                org.assertj.core.data.Offset.offset(1e-6));
        RouterMethod method = new RouterMethod(reloaded, FORECASTER, RouterMethod.Mode.WEIGHTED);
        Forecast f = method.fit(y, 1).forecast(HORIZON, Forecaster.DEFAULT_LEVELS);
        assertThat(f.method()).isEqualTo("router");
        assertThat(f.detail()).startsWith("router: croston ");
        assertThat(f.interval(80)).isPresent();
        assertThat(Arrays.stream(f.mean()).allMatch(v -> v >= 0 && v <= 30)).isTrue();
    }

    @Test
    void corruptArtifactsAreRejected() {
        byte[] good = router.toBytes();
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        byte[] flipped = good.clone();
        for (int i = good.length - 200; i < good.length - 100; i++) {
            flipped[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> MethodRouter.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodRouter.fromBytes(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodRouter.fromBytes(flipped)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MethodRouter.sha256(good)).hasSize(64).isNotEqualTo(MethodRouter.sha256(flipped));
    }

    @Test
    void aDamagedModelBlockNeverReachesTheNativeLoader() {
        // One flipped byte inside the XGBoost model used to crash the JVM in RegTree::LoadModel.
        byte[] good = router.toBytes();
        for (int at : new int[] {good.length / 2, good.length - 40, good.length - 1}) {
            byte[] damaged = good.clone();
            damaged[at] ^= 0x55;
            assertThatThrownBy(() -> MethodRouter.fromBytes(damaged))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("damaged");
        }
    }
}
