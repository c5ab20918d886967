package io.flowcast.cli;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.backtest.BacktestConfig;
import io.flowcast.forecast.backtest.BacktestEngine;
import io.flowcast.forecast.backtest.MethodSummary;
import io.flowcast.forecast.backtest.ScoreRow;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import io.flowcast.forecast.metrics.Accuracy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * {@code flowcast backtest}: accuracy per method and for auto. With {@code --test}, forecasts from
 * the full input are scored on the test file (how the M4 / carparts / PBS figures are made);
 * without it, {@code --origins} rolling origins inside the input.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score methods by rolling origin (or against --test); prints a summary table.")
public final class BacktestCommand implements Callable<Integer> {
    static final String REPORT_HEADER =
            "series_id,method,origin,used_method,mase,smape,rmsse,mae,bias,coverage80,coverage95,pinball80,millis,fallback";

    @Mixin SeriesOptions options;

    @Option(names = "--origins", defaultValue = "3", description = "Rolling origins (default 3).")
    int origins;

    @Option(names = "--test", description = "Test CSV continuing each series; score one origin against it.")
    Path test;

    @Option(names = "--output", description = "Per-series, per-method scores CSV (router training table).")
    Path output;

    @Option(names = "--methods", defaultValue = "all", description = "auto | all | comma list (auto always included).")
    String methods;

    @Mixin NeuralOptions neural;

    @Override
    public Integer call() throws IOException {
        MethodRegistry base = MethodRegistry.defaults();
        List<String> methodNames = options.methods(methods, NeuralSetup.namesFor(methods, base));
        List<Series> series = SeriesCsvReader.read(options.input, options.target);
        // mixer fine-tunes only on what every origin's forecast may see: the whole input with
        // --test, else each series up to its earliest rolling origin.
        List<double[]> histories = series.stream().map(s -> test != null ? s.values()
                : Arrays.copyOf(s.values(), Math.max(0, s.length() - origins * options.horizon))).toList();
        try (NeuralSetup neuralSetup = NeuralSetup.create(base, methodNames, neural, histories, System.err)) {
            return run(new BacktestEngine(new Forecaster(neuralSetup.registry())), methodNames, series);
        }
    }

    private int run(BacktestEngine engine, List<String> methodNames, List<Series> series) throws IOException {
        PrintStream out = System.out;
        BacktestConfig config = new BacktestConfig(options.horizon, options.seasonalPeriod(),
                options.frequency.scaleLag(), origins, methodNames, options.threadCount());
        ProgressBar bar = new ProgressBar(System.err, "backtest", series.size());
        long start = System.nanoTime();
        List<ScoreRow> rows;
        if (test != null) {
            Map<String, Series> testSeries = SeriesCsvReader.read(test, options.target).stream()
                    .collect(Collectors.toMap(Series::id, Function.identity()));
            rows = engine.againstTest(series, testSeries, config, bar::update);
        } else {
            rows = engine.rollingOrigin(series, config, bar::update);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (output != null) {
            writeRows(rows);
        }
        List<MethodSummary> summary = BacktestEngine.summarise(rows);
        printTable(out, summary);
        out.printf(Locale.ROOT, "%d series, %s, %.1f s wall on %d threads%n", series.size(),
                test != null ? "scored against " + test.getFileName() : origins + " rolling origins",
                seconds, config.threads());
        return 0;
    }

    static void printTable(PrintStream out, List<MethodSummary> summary) {
        out.printf("%-9s %7s %8s %7s %7s %7s %7s %7s %9s %6s %8s%n", "method", "n", "sMAPE", "MASE", "OWA",
                "RMSSE", "cov80", "cov95", "pinball80", "fallbk", "seconds");
        for (MethodSummary s : summary) {
            out.printf(Locale.ROOT, "%-9s %7d %8.3f %7.3f %7.3f %7.3f %7.3f %7.3f %9.4f %6d %8.2f%n", s.method(),
                    s.forecasts(), s.smape(), s.mase(), s.owa(), s.rmsse(), s.coverage80(), s.coverage95(),
                    s.pinball80(), s.fallbacks(), s.seconds());
        }
    }

    private void writeRows(List<ScoreRow> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            w.write(REPORT_HEADER + "\n");
            for (ScoreRow r : rows) {
                Accuracy a = r.accuracy();
                w.write(String.join(",", r.seriesId(), r.method(), Integer.toString(r.origin()), r.usedMethod(),
                        num(a.mase()), num(a.smape()), num(a.rmsse()), num(a.mae()), num(a.bias()),
                        num(a.coverage80()), num(a.coverage95()), num(a.pinball80()),
                        num(r.nanos() / 1e6), '"' + r.fallbackReason().replace('"', '\'') + '"') + "\n");
            }
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
