package io.flowcast.router;

import io.flowcast.forecast.Combination;
import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.Forecaster;
import java.util.ArrayList;
import java.util.List;

/**
 * The router as a forecasting method: weights the pool for this series and returns the weighted
 * combination (or, {@link Mode#ARGMAX}, the heaviest method alone). Members are forecast through
 * the engine's {@link Forecaster}, so each keeps its own fallback chain. The forecast's detail
 * names the heaviest methods and their weights.
 */
public final class RouterMethod implements ForecastMethod {

    public static final String NAME = "router";
    public static final String ARGMAX_NAME = "router_argmax";
    /** Weights below this are dropped (and the rest renormalised): they move no forecast. */
    public static final double MIN_WEIGHT = 0.01;
    /** Methods named in the explanation. */
    public static final int EXPLAIN_TOP = 3;

    public enum Mode { WEIGHTED, ARGMAX }

    private final MethodRouter router;
    private final Forecaster members;
    private final Mode mode;

    public RouterMethod(MethodRouter router, Forecaster members, Mode mode) {
        router.methods().forEach(m -> members.registry().get(m));
        this.router = router;
        this.members = members;
        this.mode = mode;
    }

    @Override
    public String name() {
        return mode == Mode.WEIGHTED ? NAME : ARGMAX_NAME;
    }

    @Override
    public int minLength(int period) {
        return 2;
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        double[] weights = router.weights(router.features(y));
        String explanation = name() + ": " + router.explain(weights, EXPLAIN_TOP);
        return (horizon, levels) -> {
            List<Forecast> forecasts = new ArrayList<>();
            List<Double> kept = new ArrayList<>();
            if (mode == Mode.ARGMAX) {
                int j = MethodRouter.argmax(weights);
                forecasts.add(members.forecast(router.methods().get(j), y, period, horizon, levels));
                kept.add(1.0);
            } else {
                for (int j = 0; j < weights.length; j++) {
                    if (weights[j] >= MIN_WEIGHT) {
                        forecasts.add(members.forecast(router.methods().get(j), y, period, horizon, levels));
                        kept.add(weights[j]);
                    }
                }
                if (forecasts.isEmpty()) { // a flat softmax over a very large pool
                    int j = MethodRouter.argmax(weights);
                    forecasts.add(members.forecast(router.methods().get(j), y, period, horizon, levels));
                    kept.add(1.0);
                }
            }
            double[] w = kept.stream().mapToDouble(Double::doubleValue).toArray();
            return Combination.weighted(name(), forecasts, w).withDetail(explanation);
        };
    }
}
