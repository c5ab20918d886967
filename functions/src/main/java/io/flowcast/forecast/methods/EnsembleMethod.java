package io.flowcast.forecast.methods;

import io.flowcast.forecast.Combination;
import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Median of ETS, Theta and damped trend: a small robust combination in the spirit of the M4
 * "Comb" benchmark (Makridakis et al. 2020) and Petropoulos &amp; Svetunkov (2020). Members
 * that cannot be fitted (too short) are left out; with none left the fit fails and the
 * {@link io.flowcast.forecast.Forecaster} falls back.
 */
public final class EnsembleMethod implements ForecastMethod {
    public static final String NAME = "ensemble";

    private final List<ForecastMethod> members;

    public EnsembleMethod(List<ForecastMethod> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int minLength(int period) {
        return members.stream().mapToInt(m -> m.minLength(period)).min().orElse(1);
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        List<FittedModel> fitted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ForecastMethod member : members) {
            if (y.length < member.minLength(period)) {
                continue;
            }
            fitted.add(member.fit(y, period));
            names.add(member.name());
        }
        if (fitted.isEmpty()) {
            throw new IllegalArgumentException("no ensemble member can be fitted");
        }
        return (horizon, levels) -> {
            List<Forecast> forecasts = new ArrayList<>();
            for (FittedModel model : fitted) {
                forecasts.add(model.forecast(horizon, levels));
            }
            return combine(forecasts, names);
        };
    }

    /** The member methods, so a caller that already has their forecasts can reuse them. */
    public List<ForecastMethod> members() {
        return members;
    }

    /** The ensemble of already computed member forecasts (point-wise median). */
    public static Forecast combine(List<Forecast> memberForecasts, List<String> memberNames) {
        return Combination.combine(NAME, memberForecasts, Combination.Rule.MEDIAN)
                .withDetail(String.join("+", memberNames));
    }
}
