package io.flowcast.forecast.backtest;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.metrics.Accuracy;
import io.flowcast.forecast.metrics.Metrics;
import io.flowcast.forecast.io.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Rolling-origin evaluation (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF
 * 16(4)) of every method on every series, series processed in parallel on a ForkJoin pool.
 * A Naive2 reference row is scored alongside so OWA can be computed on exactly the same rows.
 */
public final class BacktestEngine {

    private final Forecaster forecaster;

    public BacktestEngine(Forecaster forecaster) {
        this.forecaster = forecaster;
    }

    /** Rolling origins inside each series: origin o trains on all but the last o*horizon points. */
    public List<ScoreRow> rollingOrigin(List<Series> series, BacktestConfig config, IntConsumer progress) {
        return parallel(series.size(), config.threads(), progress, i -> {
            Series s = series.get(i);
            double[] y = s.values();
            List<ScoreRow> rows = new ArrayList<>();
            for (int o = config.origins(); o >= 1; o--) {
                int trainEnd = y.length - o * config.horizon();
                if (trainEnd < 1) {
                    continue;
                }
                double[] train = Arrays.copyOf(y, trainEnd);
                double[] actual = Arrays.copyOfRange(y, trainEnd, trainEnd + config.horizon());
                rows.addAll(scoreAll(s.id(), o, train, actual, config));
            }
            return rows;
        });
    }

    /** One origin per series: forecast from the full training series, score on the test series. */
    public List<ScoreRow> againstTest(List<Series> train, Map<String, Series> test, BacktestConfig config,
            IntConsumer progress) {
        return parallel(train.size(), config.threads(), progress, i -> {
            Series s = train.get(i);
            Series t = test.get(s.id());
            if (t == null) {
                return List.of();
            }
            double[] actual = Arrays.copyOf(t.values(), Math.min(config.horizon(), t.length()));
            BacktestConfig own = actual.length == config.horizon() ? config
                    : new BacktestConfig(actual.length, config.period(), config.scaleLag(), 1, config.methods(), 1);
            return scoreAll(s.id(), 1, s.values(), actual, own);
        });
    }

    private List<ScoreRow> scoreAll(String id, int origin, double[] train, double[] actual, BacktestConfig config) {
        double[] insample = finiteOrZero(train);
        List<ScoreRow> rows = new ArrayList<>(config.methods().size() + 1);
        long start = System.nanoTime();
        double[] naive2 = Metrics.naive2(insample, config.scaleLag(), actual.length);
        Forecast naive2Forecast = Forecast.of(ScoreRow.NAIVE2, naive2, List.of());
        rows.add(new ScoreRow(id, ScoreRow.NAIVE2, origin, ScoreRow.NAIVE2, "",
                Metrics.score(insample, actual, naive2Forecast, config.scaleLag()), System.nanoTime() - start));
        for (String method : config.methods()) {
            long t0 = System.nanoTime();
            Forecast f = forecaster.forecast(method, train, config.period(), actual.length, Forecaster.DEFAULT_LEVELS);
            long nanos = System.nanoTime() - t0;
            Accuracy accuracy = Metrics.score(insample, actual, f, config.scaleLag());
            rows.add(new ScoreRow(id, method, origin, f.method(), f.fallbackReason(), accuracy, nanos));
        }
        return rows;
    }

    private static double[] finiteOrZero(double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }

    interface SeriesTask {
        List<ScoreRow> run(int index);
    }

    private static List<ScoreRow> parallel(int count, int threads, IntConsumer progress, SeriesTask task) {
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<List<ScoreRow>> perSeries = pool.submit(() -> java.util.stream.IntStream.range(0, count)
                    .parallel()
                    .mapToObj(i -> {
                        List<ScoreRow> rows = task.run(i);
                        progress.accept(done.incrementAndGet());
                        return rows;
                    })
                    .toList()).get();
            return perSeries.stream().flatMap(List::stream).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backtest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("backtest failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Per-method averages in first-seen order, with OWA against the Naive2 rows. */
    public static List<MethodSummary> summarise(List<ScoreRow> rows) {
        Map<String, List<ScoreRow>> byMethod = rows.stream()
                .collect(Collectors.groupingBy(ScoreRow::method, LinkedHashMap::new, Collectors.toList()));
        List<ScoreRow> naive2 = byMethod.getOrDefault(ScoreRow.NAIVE2, List.of());
        double naive2Smape = mean(naive2, a -> a.smape());
        double naive2Mase = mean(naive2, a -> a.mase());
        List<MethodSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<ScoreRow>> e : byMethod.entrySet()) {
            List<ScoreRow> r = e.getValue();
            double smape = mean(r, a -> a.smape());
            double mase = mean(r, a -> a.mase());
            int fallbacks = (int) r.stream().filter(x -> !x.fallbackReason().isEmpty()).count();
            double seconds = r.stream().mapToLong(ScoreRow::nanos).sum() / 1e9;
            out.add(new MethodSummary(e.getKey(), r.size(), smape, mase,
                    Metrics.owa(smape, mase, naive2Smape, naive2Mase),
                    mean(r, a -> a.rmsse()), mean(r, a -> a.mae()), mean(r, a -> a.bias()),
                    mean(r, a -> a.coverage80()), mean(r, a -> a.coverage95()), mean(r, a -> a.pinball80()),
                    fallbacks, seconds));
        }
        return out;
    }

    private static double mean(List<ScoreRow> rows, java.util.function.ToDoubleFunction<Accuracy> measure) {
        return rows.stream().mapToDouble(r -> measure.applyAsDouble(r.accuracy()))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
