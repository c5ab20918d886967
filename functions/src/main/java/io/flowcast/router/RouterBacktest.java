package io.flowcast.router;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.metrics.Metrics;
import io.flowcast.forecast.io.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Rolling-origin backtests of every pool method (the router's labels), as the backtest command's
 * engine does them (Tashman 2000: origin o trains on all but the last o x horizon points), but
 * keeping each method's forecast so a combination can be scored on the same origins later.
 * Series run in parallel; each method goes through {@link Forecaster}, fallbacks included.
 *
 * @param forecaster the engine (its registry must know every pool method)
 * @param pool method names, in the router's output order
 * @param horizon steps per origin
 * @param period seasonal period for the methods
 * @param scaleLag MASE / Naive2 lag
 */
public record RouterBacktest(Forecaster forecaster, List<String> pool, int horizon, int period, int scaleLag) {

    public RouterBacktest {
        pool = List.copyOf(pool);
        pool.forEach(m -> forecaster.registry().get(m));
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1");
        }
    }

    /** Origins 1..origins inside each series; an origin leaving fewer than 2 points is skipped. */
    public List<OriginSample> rollingOrigins(List<Series> series, int origins, int threads, IntConsumer progress) {
        return parallel(series.size(), threads, progress, i -> {
            Series s = series.get(i);
            double[] y = s.values();
            List<OriginSample> out = new ArrayList<>();
            for (int o = origins; o >= 1; o--) {
                int trainEnd = y.length - o * horizon;
                if (trainEnd < 2) {
                    continue;
                }
                out.add(sample(s.id(), o, Arrays.copyOf(y, trainEnd), Arrays.copyOfRange(y, trainEnd, trainEnd + horizon)));
            }
            return out;
        });
    }

    /** One origin per series: the whole training series against its test values. */
    public List<OriginSample> againstTest(List<Series> train, Map<String, Series> test, int threads,
            IntConsumer progress) {
        return parallel(train.size(), threads, progress, i -> {
            Series s = train.get(i);
            Series t = test.get(s.id());
            if (t == null || t.length() < horizon) {
                return List.of();
            }
            return List.of(sample(s.id(), 1, s.values(), Arrays.copyOf(t.values(), horizon)));
        });
    }

    /** Scores one origin: features of {@code history}, each method's forecast, Naive2, scale. */
    public OriginSample sample(String id, int origin, double[] history, double[] actual) {
        double[] clean = finiteOrZero(history);
        double[][] forecasts = new double[pool.size()][];
        for (int j = 0; j < pool.size(); j++) {
            forecasts[j] = forecaster.forecast(pool.get(j), history, period, horizon, Forecaster.DEFAULT_LEVELS).mean();
        }
        return new OriginSample(id, origin, RouterFeatures.shape(clean), forecasts,
                Metrics.naive2(clean, scaleLag, horizon), actual, Metrics.maseScale(clean, scaleLag),
                Metrics.rmsseScale(clean, scaleLag));
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
        List<OriginSample> run(int index);
    }

    private static List<OriginSample> parallel(int count, int threads, IntConsumer progress, SeriesTask task) {
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool workers = new ForkJoinPool(threads);
        try {
            return workers.submit(() -> IntStream.range(0, count).parallel().mapToObj(i -> {
                List<OriginSample> rows = task.run(i);
                progress.accept(done.incrementAndGet());
                return rows;
            }).flatMap(List::stream).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("router backtest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("router backtest failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdown();
        }
    }
}
