package io.flowcast.router;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Trains a router on a set of series' own history and decides on validation whether it should
 * drive {@code auto}: the router is trained on origins 2..K, scored on origin 1 next to the
 * rule-based auto on exactly the same cut, then retrained on all K origins for forecasting.
 * Only history before each origin is ever used (no look-ahead into the forecast period).
 */
public final class RouterSelection {

    /** Pool the router weighs: every single method of the engine (combinations left out). */
    public static final List<String> DEFAULT_POOL = List.of("naive", "snaive", "mean", "ma", "ses", "holt", "damped",
            "ets", "theta", "dotm", "croston", "sba", "tsb", "adida");

    /**
     * @param router trained on all origins (what forecasts use)
     * @param validation the router trained on origins 2..K, scored on origin 1 (every pool method too)
     * @param rulesValidationMase rule-based auto's mean MASE on the same origin-1 samples
     */
    public record Result(MethodRouter router, RouterEvaluation validation, double rulesValidationMase) {
        public double routerValidationMase() {
            return validation.row(RouterEvaluation.WEIGHTED).mase();
        }
    }

    private RouterSelection() {}

    public static Result trainAndValidate(List<Series> series, RouterBacktest backtest, int origins,
            RouterParams params, int threads, IntConsumer progress) {
        if (origins < 2) {
            throw new IllegalArgumentException("router selection needs >= 2 origins (one for validation)");
        }
        List<OriginSample> samples = backtest.rollingOrigins(series, origins, threads, progress);
        List<OriginSample> fit = samples.stream().filter(s -> s.origin() > 1).toList();
        List<OriginSample> validation = samples.stream().filter(s -> s.origin() == 1).toList();
        if (fit.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("series too short for " + origins + " origins of "
                    + backtest.horizon());
        }
        RouterEvaluation eval;
        try (MethodRouter validationRouter = new RouterTrainer(params).train(backtest.pool(), fit)) {
            eval = RouterEvaluation.of(validationRouter, validation);
        }
        double rules = rulesMase(series, validation, backtest);
        MethodRouter router = new RouterTrainer(params).train(backtest.pool(), samples);
        return new Result(router, eval, rules);
    }

    /** Mean MASE of the rule-based auto on the origin-1 cut of each validation sample's series. */
    static double rulesMase(List<Series> series, List<OriginSample> validation, RouterBacktest backtest) {
        Map<String, Series> byId = series.stream().collect(Collectors.toMap(Series::id, s -> s, (a, b) -> a));
        Forecaster forecaster = backtest.forecaster();
        return validation.parallelStream().mapToDouble(s -> {
            double[] y = byId.get(s.seriesId()).values();
            double[] history = Arrays.copyOf(y, y.length - backtest.horizon());
            double[] f = forecaster.forecast(MethodRegistry.AUTO, history, backtest.period(), backtest.horizon(),
                    Forecaster.DEFAULT_LEVELS).mean();
            return s.mase(f);
        }).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /**
     * The engine's registry with {@code router} and {@code router_argmax} added and {@code auto}
     * driven by the router when it won on validation (else the rules, with the figures).
     */
    public static MethodRegistry registryWith(MethodRegistry base, Result result) {
        Forecaster members = new Forecaster(base);
        RouterMethod weighted = new RouterMethod(result.router(), members, RouterMethod.Mode.WEIGHTED);
        RouterMethod argmax = new RouterMethod(result.router(), members, RouterMethod.Mode.ARGMAX);
        RoutedAuto auto = new RoutedAuto(weighted, base.get(MethodRegistry.AUTO), result.routerValidationMase(),
                result.rulesValidationMase());
        return base.with(weighted, MethodRegistry.AUTO).with(argmax, MethodRegistry.AUTO).with(auto, "theta");
    }
}
