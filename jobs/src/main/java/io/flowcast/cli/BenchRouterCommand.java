package io.flowcast.cli;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import io.flowcast.router.MethodRouter;
import io.flowcast.router.OriginSample;
import io.flowcast.router.RouterBacktest;
import io.flowcast.router.RouterEvaluation;
import io.flowcast.router.RouterFeatures;
import io.flowcast.router.RouterSelection;
import io.flowcast.router.RouterTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench router}: the router trained on the training file's rolling origins and
 * scored on the test file next to every pool method, Naive2 and the rule-based auto (MASE, sMAPE,
 * RMSSE, OWA; weighted and argmax), plus training time and scoring throughput.
 */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "Router accuracy on a test set vs the pool and auto; training time; scoring series/s.")
public final class BenchRouterCommand implements Callable<Integer> {
    @Mixin SeriesOptions options;

    @Mixin RouterOptions router;

    @Option(names = "--test", required = true, description = "Test CSV (the next horizon values of each series).")
    Path test;

    @Option(names = "--max-series", description = "Use the first N series only.")
    Integer maxSeries;

    @Option(names = "--score-rows", defaultValue = "200000", description = "Feature vectors scored in the throughput run.")
    int scoreRows;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        MethodRegistry registry = MethodRegistry.defaults();
        Forecaster forecaster = new Forecaster(registry);
        List<Series> train = SeriesCsvReader.read(options.input, options.target);
        if (maxSeries != null && maxSeries < train.size()) {
            train = train.subList(0, maxSeries);
        }
        Map<String, Series> testSeries = SeriesCsvReader.read(test, options.target).stream()
                .collect(Collectors.toMap(Series::id, Function.identity()));
        int threads = options.threadCount();
        RouterBacktest backtest = new RouterBacktest(forecaster, RouterSelection.DEFAULT_POOL, options.horizon,
                options.seasonalPeriod(), options.frequency.scaleLag());

        long t0 = System.nanoTime();
        List<OriginSample> samples = backtest.rollingOrigins(train, router.origins, threads, n -> {});
        double backtestSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        MethodRouter trained = new RouterTrainer(router.params(threads)).train(backtest.pool(), samples);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        out.printf(Locale.ROOT, "training: %d series x %d origins = %d samples; backtests %.1f s, boosting %.1f s, "
                + "total %.1f s (%d threads, error %s)%n", train.size(), router.origins, samples.size(), backtestSeconds,
                trainSeconds, backtestSeconds + trainSeconds, threads, router.labelError);

        List<OriginSample> testSamples = backtest.againstTest(train, testSeries, threads, n -> {});
        RouterEvaluation eval = RouterEvaluation.of(trained, testSamples);
        double autoMase = autoOnTest(forecaster, train, testSeries, testSamples, threads);
        out.printf("%-14s %8s %8s %8s %8s   (test set, %d series)%n", "method", "MASE", "sMAPE", "RMSSE", "OWA",
                testSamples.size());
        for (RouterEvaluation.Row row : eval.rows()) {
            out.printf(Locale.ROOT, "%-14s %8.3f %8.3f %8.3f %8.3f%n", row.method(), row.mase(), row.smape(),
                    row.rmsse(), row.owa());
        }
        out.printf(Locale.ROOT, "%-14s %8.3f%n", "auto (rules)", autoMase);
        RouterEvaluation.Row best = eval.bestSingle(backtest.pool(), OriginSample.LabelError.MASE);
        out.printf(Locale.ROOT, "router MASE %.3f vs best single method %s %.3f (ratio %.3f); argmax %.3f%n",
                eval.row(RouterEvaluation.WEIGHTED).mase(), best.method(), best.mase(),
                eval.row(RouterEvaluation.WEIGHTED).mase() / best.mase(), eval.row(RouterEvaluation.ARGMAX).mase());

        double[][] features = new double[scoreRows][];
        for (int i = 0; i < scoreRows; i++) {
            OriginSample s = samples.get(i % samples.size());
            features[i] = RouterFeatures.vector(s.shape(), trained.clusters());
        }
        trained.weights(java.util.Arrays.copyOf(features, Math.min(1000, scoreRows))); // warm-up
        long t2 = System.nanoTime();
        double[][] w = trained.weights(features);
        double scoreSeconds = (System.nanoTime() - t2) / 1e9;
        long t3 = System.nanoTime();
        for (OriginSample s : samples) {
            RouterFeatures.vector(s.shape(), trained.clusters());
        }
        double clusterSeconds = (System.nanoTime() - t3) / 1e9;
        out.printf(Locale.ROOT, "scoring: %d feature vectors in %.3f s = %.0f series/s (weights of %d methods; "
                + "cluster assignment %.0f series/s; checksum %.3f)%n", scoreRows, scoreSeconds, scoreRows / scoreSeconds,
                w[0].length, samples.size() / clusterSeconds, w[0][0]);
        trained.close();
        return 0;
    }

    /** Mean MASE of the rule-based auto on the same test samples. */
    private double autoOnTest(Forecaster forecaster, List<Series> train, Map<String, Series> test,
            List<OriginSample> samples, int threads) {
        Map<String, Series> byId = train.stream().collect(Collectors.toMap(Series::id, Function.identity()));
        return ForecastCommand.inPool(threads, () -> samples.parallelStream().mapToDouble(s -> {
            double[] f = forecaster.forecast(MethodRegistry.AUTO, byId.get(s.seriesId()).values(),
                    options.seasonalPeriod(), options.horizon, Forecaster.DEFAULT_LEVELS).mean();
            return s.mase(f);
        }).filter(Double::isFinite).average().orElse(Double.NaN));
    }
}
