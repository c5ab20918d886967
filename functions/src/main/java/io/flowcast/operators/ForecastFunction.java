package io.flowcast.operators;

import io.flowcast.classify.DemandClassifier;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.PredictionInterval;
import io.flowcast.forecast.methods.NaiveMethod;
import io.flowcast.records.ModelRef;
import io.flowcast.records.RoutedSnapshot;
import io.flowcast.records.SeriesForecast;
import io.flowcast.records.SeriesSnapshot;
import io.flowcast.registry.RegisteredRouters;
import io.flowcast.router.RouterMethod;
import io.flowcast.sinks.PostgresOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Forecasts both channels of a series at each week close (or for a forecast request, with the
 * request's horizon) with the forecasting engine (by default
 * its {@code auto} method; fallbacks for short, constant or gappy histories are the engine's),
 * on a small thread pool behind Flink's async operator: the stream keeps flowing while models fit,
 * and the operator's capacity bounds how many forecasts are in flight (back pressure, not memory).
 *
 * <p>A snapshot assigned a registered model ({@link io.flowcast.operators.ModelAssigner}, hot
 * swap) is forecast by that router version, loaded from model_registry on first use; its
 * {@code model_version} is the registry label (e.g. {@code router-3}). Without one, the
 * configured method of the rule-based engine ({@link #MODEL_VERSION}).
 *
 * <p>Metrics: {@code forecastLatencyMicros} (histogram), {@code forecasts}, {@code forecastFallbacks}.
 */
public final class ForecastFunction extends RichAsyncFunction<RoutedSnapshot, SeriesForecast> {

    private static final long serialVersionUID = 1L;

    /** Identifies the rule-based engine until a trained router takes over. */
    public static final String MODEL_VERSION = "rules-1";
    private static final double[] LEVELS = {80};
    private static final int LATENCY_WINDOW = 1024;

    private final String method;
    private final int horizon;
    private final int threads;
    private final PostgresOptions registry;

    private transient ExecutorService pool;
    private transient RegisteredRouters routers;
    private transient Forecaster forecaster;
    private transient Histogram latency;
    private transient Counter forecasts;
    private transient Counter fallbacks;

    /** @param registry where registered models are read from (null: snapshots never carry one) */
    public ForecastFunction(String method, int horizon, int threads, PostgresOptions registry) {
        this.method = method;
        this.horizon = horizon;
        this.threads = threads;
        this.registry = registry;
    }

    @Override
    public void open(OpenContext openContext) {
        pool = Executors.newFixedThreadPool(threads);
        forecaster = new Forecaster(MethodRegistry.defaults());
        forecaster.registry().get(method);
        routers = registry == null ? null : new RegisteredRouters(registry);
        latency = getRuntimeContext().getMetricGroup().histogram("forecastLatencyMicros", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
        forecasts = getRuntimeContext().getMetricGroup().counter("forecasts");
        fallbacks = getRuntimeContext().getMetricGroup().counter("forecastFallbacks");
    }

    @Override
    public void asyncInvoke(RoutedSnapshot routed, ResultFuture<SeriesForecast> result) {
        CompletableFuture.supplyAsync(() -> {
                    SeriesSnapshot snapshot = routed.snapshot();
                    ModelRef model = routed.model();
                    if (model == null) {
                        return List.of(
                                forecast(snapshot, forecaster, "units", snapshot.units(), method, MODEL_VERSION, ""),
                                forecast(snapshot, forecaster, "revenue", snapshot.revenue(), method, MODEL_VERSION, ""));
                    }
                    Forecaster engine = routers.forecaster(model);
                    String note = "; model " + model.label() + (routed.arm().isEmpty() ? "" : " (A/B " + routed.arm() + ")");
                    return List.of(
                            forecast(snapshot, engine, "units", snapshot.units(), RouterMethod.NAME, model.label(), note),
                            forecast(snapshot, engine, "revenue", snapshot.revenue(), RouterMethod.NAME, model.label(), note));
                }, pool)
                .whenComplete((list, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(list);
                    }
                });
    }

    /**
     * A forecast slower than the operator's timeout is replaced by the naive method's (microseconds,
     * computed here in the task thread), so a week close or a request is always answered; the
     * explanation says so and {@code forecastFallbacks} counts it. The late result is ignored.
     */
    @Override
    public void timeout(RoutedSnapshot routed, ResultFuture<SeriesForecast> result) {
        fallbacks.inc();
        SeriesSnapshot snapshot = routed.snapshot();
        String version = routed.model() == null ? MODEL_VERSION : routed.model().label();
        String why = "; fallback: " + (routed.model() == null ? method : version) + " exceeded forecast-timeout";
        result.complete(List.of(
                forecast(snapshot, forecaster, "units", snapshot.units(), NaiveMethod.NAME, version, why),
                forecast(snapshot, forecaster, "revenue", snapshot.revenue(), NaiveMethod.NAME, version, why)));
    }

    private SeriesForecast forecast(SeriesSnapshot s, Forecaster engine, String channel, double[] history,
            String methodName, String modelVersion, String timedOut) {
        long start = System.nanoTime();
        Forecast f = engine.forecast(methodName, history, io.flowcast.forecast.Weeks.SEASON, s.horizon() > 0 ? s.horizon() : horizon, LEVELS);
        latency.update((System.nanoTime() - start) / 1_000);
        forecasts.inc();
        if (f.fellBack()) {
            fallbacks.inc();
        }
        PredictionInterval interval = f.interval(LEVELS[0]).orElseThrow();
        // The series' pattern (of its units) from the features computed once at the close.
        String pattern = DemandClassifier.pattern(s.features()).name().toLowerCase(java.util.Locale.ROOT);
        String explanation = "pattern " + pattern + "; method " + f.method()
                + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")")
                + (f.fellBack() ? "; fallback: " + f.fallbackReason() : "") + timedOut;
        return new SeriesForecast(s.productCode(), s.region(), s.weekStartEpochDay(), channel, f.method(), modelVersion,
                f.mean(), interval.lower(), interval.upper(), explanation, s.requestId());
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
