package io.flowcast.router;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.methods.AutoMethod;

/**
 * {@code auto} once a router has been trained: the router when it beat the rule-based chooser
 * on validation origins, else the rules; either way the forecast's detail says which and why.
 */
public final class RoutedAuto implements ForecastMethod {

    private final ForecastMethod chosen;
    private final String reason;

    /**
     * @param router the trained router method
     * @param rules today's rule-based auto
     * @param routerValidationMase mean MASE of the router on the validation origins
     * @param rulesValidationMase mean MASE of the rules on the same origins
     */
    public RoutedAuto(ForecastMethod router, ForecastMethod rules, double routerValidationMase,
            double rulesValidationMase) {
        boolean routerWins = routerValidationMase < rulesValidationMase;
        this.chosen = routerWins ? router : rules;
        this.reason = String.format(java.util.Locale.ROOT, "%s (validation MASE router %.3f vs rules %.3f)",
                routerWins ? "router" : "rules", routerValidationMase, rulesValidationMase);
    }

    public boolean usesRouter() {
        return chosen != null && reason.startsWith("router");
    }

    public String reason() {
        return reason;
    }

    @Override
    public String name() {
        return AutoMethod.NAME;
    }

    @Override
    public int minLength(int period) {
        return chosen.minLength(period);
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        FittedModel inner = chosen.fit(y, period);
        return (horizon, levels) -> {
            var f = inner.forecast(horizon, levels);
            String detail = f.detail().isEmpty() ? reason : f.detail() + " | " + reason;
            return f.relabel(AutoMethod.NAME, detail);
        };
    }
}
