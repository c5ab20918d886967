package io.flowcast.forecast.methods;

import io.flowcast.forecast.FittedModel;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.methods.EtsSpec.Error;
import io.flowcast.forecast.methods.EtsSpec.Season;
import io.flowcast.forecast.methods.EtsSpec.Trend;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential smoothing in state-space form. A fixed form gives the classical methods (SES =
 * ETS(A,N,N), Holt = ETS(A,A,N), damped = ETS(A,Ad,N) after Gardner &amp; McKenzie 1985,
 * Holt-Winters additive = ETS(A,A,A), multiplicative = ETS(M,A,M)); {@link #automatic()} fits
 * every admissible form and keeps the lowest AICc (Hyndman et al. 2002, section 4).
 */
public final class EtsMethod implements ForecastMethod {

    private final String name;
    private final List<EtsSpec> fixed;

    private EtsMethod(String name, List<EtsSpec> fixed) {
        this.name = name;
        this.fixed = fixed;
    }

    public static EtsMethod ses() {
        return of("ses", new EtsSpec(Error.A, Trend.N, Season.N));
    }

    public static EtsMethod holt() {
        return of("holt", new EtsSpec(Error.A, Trend.A, Season.N));
    }

    public static EtsMethod damped() {
        return of("damped", new EtsSpec(Error.A, Trend.AD, Season.N));
    }

    public static EtsMethod holtWintersAdditive() {
        return of("hw_add", new EtsSpec(Error.A, Trend.A, Season.A));
    }

    public static EtsMethod holtWintersMultiplicative() {
        return of("hw_mul", new EtsSpec(Error.M, Trend.A, Season.M));
    }

    /** Automatic selection over all admissible forms by AICc. */
    public static EtsMethod automatic() {
        return new EtsMethod("ets", List.of());
    }

    public static EtsMethod of(String name, EtsSpec spec) {
        return new EtsMethod(name, List.of(spec));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int minLength(int period) {
        if (fixed.isEmpty()) {
            return EtsModel.minLength(new EtsSpec(Error.A, Trend.N, Season.N), 1);
        }
        EtsSpec spec = fixed.get(0);
        return EtsModel.minLength(spec, spec.seasonal() ? Math.max(period, 2) : 1);
    }

    @Override
    public FittedModel fit(double[] y, int period) {
        if (!fixed.isEmpty()) {
            return EtsModel.fit(name, fixed.get(0), y, period);
        }
        return select(y, period);
    }

    /** Lowest-AICc model among the admissible forms; forms that cannot be fitted are skipped. */
    public EtsModel select(double[] y, int period) {
        EtsModel best = null;
        IllegalArgumentException lastFailure = null;
        for (EtsSpec spec : admissibleForms(y, period)) {
            try {
                EtsModel model = EtsModel.fit(name, spec, y, period);
                if (best == null || model.aicc() < best.aicc()) {
                    best = model;
                }
            } catch (IllegalArgumentException e) {
                lastFailure = e;
            }
        }
        if (best == null) {
            throw lastFailure != null ? lastFailure : new IllegalArgumentException("no ETS form fits");
        }
        return best;
    }

    /**
     * Forms R's ets() considers with restrict=TRUE: no additive error with multiplicative
     * season (numerically unstable), no multiplicative trend; multiplicative error or season
     * only for positive data; seasonal forms only for 2 <= m <= 24 with two full cycles.
     */
    static List<EtsSpec> admissibleForms(double[] y, int period) {
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        boolean seasonal = period >= 2 && period <= EtsModel.MAX_SEASONAL_PERIOD
                && y.length >= EtsModel.minLength(new EtsSpec(Error.A, Trend.N, Season.A), period);
        List<EtsSpec> forms = new ArrayList<>();
        for (Error error : Error.values()) {
            if (error == Error.M && !positive) {
                continue;
            }
            for (Trend trend : Trend.values()) {
                for (Season season : Season.values()) {
                    if (season != Season.N && !seasonal) {
                        continue;
                    }
                    if (season == Season.M && (error == Error.A || !positive)) {
                        continue;
                    }
                    forms.add(new EtsSpec(error, trend, season));
                }
            }
        }
        return forms;
    }
}
