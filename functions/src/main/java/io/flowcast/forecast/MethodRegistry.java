package io.flowcast.forecast;

import io.flowcast.forecast.methods.AdidaMethod;
import io.flowcast.forecast.methods.AutoMethod;
import io.flowcast.forecast.methods.CrostonMethod;
import io.flowcast.forecast.methods.DynamicThetaMethod;
import io.flowcast.forecast.methods.EnsembleMethod;
import io.flowcast.forecast.methods.EtsMethod;
import io.flowcast.forecast.methods.MeanMethod;
import io.flowcast.forecast.methods.MovingAverageMethod;
import io.flowcast.forecast.methods.NaiveMethod;
import io.flowcast.forecast.methods.SeasonalNaiveMethod;
import io.flowcast.forecast.methods.ThetaMethod;
import io.flowcast.forecast.methods.TsbMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Methods by name, and for each the next method to try when it cannot forecast a series
 * (the explicit fallback chain; every chain ends at naive -> mean).
 */
public final class MethodRegistry {

    public static final String AUTO = AutoMethod.NAME;

    private final List<String> order;
    private final Map<String, ForecastMethod> methods;
    private final Map<String, String> fallbacks;

    private MethodRegistry(List<String> order, Map<String, ForecastMethod> methods, Map<String, String> fallbacks) {
        this.order = order;
        this.methods = methods;
        this.fallbacks = fallbacks;
    }

    /** All built-in methods in the documented order, auto last. */
    public static MethodRegistry defaults() {
        return withAuto(AutoMethod.DEFAULT_ORIGINS, AutoMethod.DEFAULT_TOP_K);
    }

    /** Built-in methods with a tuned auto chooser (validation origins, size of the combination). */
    public static MethodRegistry withAuto(int autoOrigins, int autoTopK) {
        Map<String, ForecastMethod> m = new LinkedHashMap<>();
        Map<String, String> fb = new LinkedHashMap<>();
        ForecastMethod naive = new NaiveMethod();
        ForecastMethod ets = EtsMethod.automatic();
        ForecastMethod theta = new ThetaMethod();
        ForecastMethod damped = EtsMethod.damped();
        ForecastMethod ses = EtsMethod.ses();
        ForecastMethod dotm = new DynamicThetaMethod();
        ForecastMethod croston = CrostonMethod.croston();
        ForecastMethod sba = CrostonMethod.sba();
        ForecastMethod tsb = new TsbMethod();
        ForecastMethod adida = new AdidaMethod();
        ForecastMethod mean = new MeanMethod();
        register(m, fb, naive, MeanMethod.NAME);
        register(m, fb, new SeasonalNaiveMethod(), NaiveMethod.NAME);
        register(m, fb, mean, null);
        register(m, fb, new MovingAverageMethod(), NaiveMethod.NAME);
        register(m, fb, ses, NaiveMethod.NAME);
        ForecastMethod holt = EtsMethod.holt();
        register(m, fb, holt, "ses");
        register(m, fb, damped, "ses");
        register(m, fb, EtsMethod.holtWintersAdditive(), "damped");
        register(m, fb, EtsMethod.holtWintersMultiplicative(), "hw_add");
        register(m, fb, ets, "ses");
        register(m, fb, theta, "ses");
        register(m, fb, dotm, ThetaMethod.NAME);
        register(m, fb, croston, MeanMethod.NAME);
        register(m, fb, sba, MeanMethod.NAME);
        register(m, fb, tsb, MeanMethod.NAME);
        register(m, fb, adida, MeanMethod.NAME);
        ForecastMethod ensemble = new EnsembleMethod(List.of(ets, theta, damped));
        register(m, fb, ensemble, ThetaMethod.NAME);
        // Pools chosen by rolling-origin validation inside the training parts of M4 Weekly,
        // carparts and PBS (docs/forecasting-benchmarks.md), never on their test parts.
        register(m, fb, new AutoMethod(
                List.of(ensemble, ets, theta, dotm, damped, holt),
                List.of(croston, sba, tsb, adida, ses, mean, naive, m.get(MovingAverageMethod.NAME)),
                autoOrigins, autoTopK), ThetaMethod.NAME);
        return new MethodRegistry(List.copyOf(m.keySet()), Map.copyOf(m), Map.copyOf(fb));
    }

    private static void register(Map<String, ForecastMethod> m, Map<String, String> fb,
            ForecastMethod method, String fallback) {
        m.put(method.name(), method);
        if (fallback != null) {
            fb.put(method.name(), fallback);
        }
    }

    /**
     * A copy with {@code method} added or replacing the one of the same name (e.g. a tuned auto
     * chooser or, later, a trained router), falling back to {@code fallback} (may be null).
     */
    public MethodRegistry with(ForecastMethod method, String fallback) {
        Map<String, ForecastMethod> m = new LinkedHashMap<>();
        order.forEach(name -> m.put(name, methods.get(name)));
        Map<String, String> fb = new LinkedHashMap<>(fallbacks);
        register(m, fb, method, fallback);
        if (fallback == null) {
            fb.remove(method.name());
        }
        return new MethodRegistry(List.copyOf(m.keySet()), Map.copyOf(m), Map.copyOf(fb));
    }

    /** Method names in documentation order (auto last). */
    public List<String> names() {
        return order;
    }

    public Optional<ForecastMethod> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    public ForecastMethod get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown method '" + name + "'; known: " + String.join(", ", order)));
    }

    /** The method tried next when {@code name} cannot forecast a series; empty at the end. */
    public Optional<String> fallbackOf(String name) {
        return Optional.ofNullable(fallbacks.get(name));
    }
}
