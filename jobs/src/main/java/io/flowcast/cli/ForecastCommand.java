package io.flowcast.cli;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.PredictionInterval;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import io.flowcast.forecast.io.Timestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowcast forecast}: forecasts every series of a CSV (DESIGN.md section 5). */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast every series of a long CSV; writes series_id,method,step,ts,yhat,lo<L>,hi<L>.")
public final class ForecastCommand implements Callable<Integer> {
    static final String HEADER_PREFIX = "series_id,method,step,ts,yhat";

    @Mixin SeriesOptions options;

    @Mixin RouterOptions router;

    @Option(names = "--output", required = true, description = "Output CSV.")
    Path output;

    @Option(names = "--methods", defaultValue = "auto", description = "auto | all | comma list (auto always included); router / router_argmax train the "
            + "method router on this file's own backtests first, and auto then uses it when it won on validation.")
    String methods;

    @Option(names = "--level", defaultValue = "80", description = "Interval level in percent (default 80).")
    double level;

    @Mixin NeuralOptions neural;

    @Option(names = "--future", description = "Known-future covariates series_id,ts,<covariate> over the horizon "
            + "(e.g. planned promo); used by the mixer methods, with the same input column as history.")
    Path future;

    @Option(names = "--plot", description = "Directory for one PNG per series (history, forecasts, interval band).")
    Path plotDir;

    @Option(names = "--plot-series", defaultValue = "20", description = "Series plotted at most with --plot. "
            + "Default: ${DEFAULT-VALUE}")
    int plotSeries;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        MethodRegistry base = MethodRegistry.defaults();
        List<Series> series = SeriesCsvReader.read(options.input, options.target);
        String covariate = future == null ? null : Covariates.column(future);
        Map<String, double[][]> futures = future == null ? Map.of()
                : Covariates.future(future, covariate, options.horizon);
        List<double[][]> covariateHistory = future == null ? null : Covariates.history(options.input, covariate, series);
        if (RouterOptions.requested(methods)) {
            // Global method: learns from this file's own history (rolling origins) first.
            base = router.train(base, series, options, err);
        }
        List<String> methodNames = options.methods(methods, NeuralSetup.namesFor(methods, base));
        try (NeuralSetup neuralSetup = NeuralSetup.create(base, methodNames, neural,
                series.stream().map(Series::values).toList(), covariateHistory, err)) {
            Forecaster shared = new Forecaster(neuralSetup.registry());
            return run(s -> futures.containsKey(s.id())
                    ? new Forecaster(neuralSetup.registryFor(futures.get(s.id()))) : shared, methodNames, series, err);
        }
    }

    private int run(java.util.function.Function<Series, Forecaster> forecasterFor, List<String> methodNames,
            List<Series> series, PrintStream err) throws IOException {
        double[] levels = {level};
        int period = options.seasonalPeriod();
        ProgressBar bar = new ProgressBar(err, "forecast", series.size());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<List<Forecast>> results = inPool(options.threadCount(), () -> series.parallelStream().map(s -> {
            Forecaster forecaster = forecasterFor.apply(s);
            List<Forecast> perMethod = methodNames.stream()
                    .map(m -> forecaster.forecast(m, s.values(), period, options.horizon, levels)).toList();
            bar.update(done.incrementAndGet());
            return perMethod;
        }).toList());
        double seconds = (System.nanoTime() - start) / 1e9;
        write(series, results, levels[0]);
        printSummary(err, series, results, methodNames, seconds);
        if (plotDir != null) {
            int plotted = SeriesPlot.writeAll(plotDir, series, results, level, plotSeries, null);
            err.println(plotted + " plots in " + plotDir);
        }
        return 0;
    }

    private void write(List<Series> series, List<List<Forecast>> results, double lvl) throws IOException {
        String suffix = formatLevel(lvl);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            w.write(HEADER_PREFIX + ",lo" + suffix + ",hi" + suffix + "\n");
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                for (Forecast f : results.get(i)) {
                    PredictionInterval pi = f.interval(lvl).orElseThrow();
                    for (int k = 0; k < f.horizon(); k++) {
                        w.write(s.id() + "," + f.requestedMethod() + "," + (k + 1) + ","
                                + Timestamps.after(s.lastTimestamp(), k + 1, options.frequency) + ","
                                + num(f.meanAt(k)) + "," + num(pi.lowerAt(k)) + "," + num(pi.upperAt(k)) + "\n");
                    }
                }
            }
        }
    }

    static String formatLevel(double lvl) {
        return lvl == Math.rint(lvl) ? Long.toString((long) lvl) : Double.toString(lvl);
    }

    static String num(double v) {
        return Double.toString(v);
    }

    private static void printSummary(PrintStream err, List<Series> series, List<List<Forecast>> results,
            List<String> methodNames, double seconds) {
        Map<String, Integer> fallbacks = new TreeMap<>();
        Map<String, Integer> autoPicks = new TreeMap<>();
        int shown = 0;
        for (int i = 0; i < series.size(); i++) {
            for (Forecast f : results.get(i)) {
                if (f.fellBack()) {
                    fallbacks.merge(f.requestedMethod(), 1, Integer::sum);
                    if (shown++ < 10) {
                        err.println("fallback " + series.get(i).id() + " " + f.requestedMethod() + " -> "
                                + f.method() + ": " + f.fallbackReason());
                    }
                }
                if (f.requestedMethod().equals(MethodRegistry.AUTO)) {
                    autoPicks.merge(f.detail().isEmpty() ? f.method() : f.detail(), 1, Integer::sum);
                }
            }
        }
        err.printf(Locale.ROOT, "%d series, %d methods, %.2f s (%.1f series/s)%n", series.size(),
                methodNames.size(), seconds, series.size() / Math.max(seconds, 1e-9));
        err.printf("%-10s %10s%n", "method", "fallbacks");
        for (String m : methodNames) {
            err.printf("%-10s %10d%n", m, fallbacks.getOrDefault(m, 0));
        }
        err.println("auto picks: " + autoPicks);
    }

    static <T> T inPool(int threads, Callable<T> work) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
