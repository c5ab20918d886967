package io.flowcast.cli;

import io.flowcast.forecast.Accuracy;
import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.Gaps;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast backtest}: accuracy per method and for {@code auto}. With {@code --test}, every
 * series is forecast from the whole input and scored on the test file (the M4 way); without it,
 * on {@code --origins} rolling origins inside the input, each {@code --horizon} apart.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Accuracy (MASE, sMAPE, RMSSE, OWA vs naive2, interval coverage, time) per method and for auto.")
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "CSV (or .csv.gz): series_id,ts and the value column")
    Path input;

    @Option(names = "--horizon", required = true)
    int horizon;

    @Option(names = "--freq", required = true, description = "W or M")
    Frequency freq;

    @Option(names = "--test", description = "hold-out CSV that continues every series (scores one origin: the end of the input)")
    Path test;

    @Option(names = "--origins", defaultValue = "1", description = "rolling origins inside the input when there is no --test")
    int origins;

    @Option(names = "--methods", defaultValue = "all", description = "all | comma-separated names; auto and naive2 always run")
    String methods;

    @Option(names = "--target", defaultValue = "y")
    String target;

    @Option(names = "--level", defaultValue = "80")
    double level;

    @Option(names = "--season", description = "seasonal period for the methods (default: 52 for W, 12 for M; 1 = none)")
    Integer season;

    int seasonalPeriod() {
        return season != null ? season : freq.seasonalPeriod;
    }

    @Option(names = "--output", description = "per-series, per-method, per-origin errors (CSV): the router's training data")
    Path output;

    /** One scored forecast. */
    record Score(String series, int origin, String method, double mase, double smape, double rmsse, double coverage, long nanos) {}

    @Override
    public Integer call() throws Exception {
        Map<String, SeriesCsv.Series> train = SeriesCsv.read(input, target);
        Map<String, SeriesCsv.Series> holdout = test == null ? null : SeriesCsv.read(test, target);
        List<ForecastMethod> selected = ForecastCommand.selectMethods(methods);
        if (selected.stream().noneMatch(m -> m.name().equals("naive2"))) {
            selected.add(io.flowcast.forecast.Methods.byName("naive2"));
        }
        ConcurrentLinkedQueue<Score> scores = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        train.values().parallelStream().forEach(s -> {
            for (int origin = 0; origin < (holdout == null ? origins : 1); origin++) {
                double[] history;
                double[] actual;
                if (holdout != null) {
                    history = s.values();
                    SeriesCsv.Series future = holdout.get(s.id());
                    if (future == null) {
                        continue;
                    }
                    actual = Arrays.copyOf(future.values(), Math.min(horizon, future.values().length));
                } else {
                    int cut = s.values().length - (origins - origin) * horizon;
                    if (cut < 1) {
                        continue;
                    }
                    history = Arrays.copyOf(s.values(), cut);
                    actual = Arrays.copyOfRange(s.values(), cut, cut + horizon);
                }
                double[] insample = Gaps.fill(history);
                for (ForecastMethod method : selected) {
                    long t0 = System.nanoTime();
                    // Naive2 is the M4 reference, so it uses M4's period (1 for weekly data).
                    int period = method.name().equals("naive2") ? freq.masePeriod : seasonalPeriod();
                    Forecast f = ForecastRunner.safeForecast(method, history, period, actual.length, level / 100);
                    long nanos = System.nanoTime() - t0;
                    scores.add(new Score(s.id(), origin, method.name(),
                            Accuracy.mase(insample, actual, f.mean(), freq.masePeriod),
                            Accuracy.smape(actual, f.mean()),
                            Accuracy.rmsse(insample, actual, f.mean(), freq.masePeriod),
                            Accuracy.coverage(actual, f.lower(), f.upper()),
                            nanos));
                }
            }
            Progress.tick(done.incrementAndGet(), train.size());
        });
        System.err.println();
        printSummary(scores, (System.nanoTime() - start) / 1e9, train.size());
        if (output != null) {
            try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                out.write("series_id,origin,method,mase,smape,rmsse,coverage,micros\n");
                for (Score s : scores) {
                    out.write(String.format(Locale.ROOT, "%s,%d,%s,%.6g,%.6g,%.6g,%.4f,%d%n", s.series(), s.origin(), s.method(),
                            s.mase(), s.smape(), s.rmsse(), s.coverage(), s.nanos() / 1000));
                }
            }
        }
        return 0;
    }

    private void printSummary(Iterable<Score> scores, double seconds, int seriesCount) {
        Map<String, List<Score>> byMethod = new LinkedHashMap<>();
        for (Score s : scores) {
            byMethod.computeIfAbsent(s.method(), k -> new ArrayList<>()).add(s);
        }
        double naive2Smape = mean(byMethod.get("naive2"), Score::smape);
        double naive2Mase = mean(byMethod.get("naive2"), Score::mase);
        System.out.printf("%s: %d series, horizon %d, %s; %.1f s%n", input.getFileName(), seriesCount, horizon,
                test != null ? "scored on " + test.getFileName() : origins + " rolling origin(s)", seconds);
        System.out.printf("%-10s %8s %8s %8s %7s %9s %10s%n", "method", "sMAPE", "MASE", "RMSSE", "OWA", "cover" + (int) level, "ms/series");
        byMethod.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    List<Score> list = e.getValue();
                    double smape = mean(list, Score::smape);
                    double mase = mean(list, Score::mase);
                    System.out.printf(Locale.ROOT, "%-10s %8.3f %8.3f %8.3f %7.3f %8.1f%% %10.3f%n", e.getKey(), smape, mase,
                            mean(list, Score::rmsse), Accuracy.owa(smape, mase, naive2Smape, naive2Mase),
                            100 * mean(list, Score::coverage), list.stream().mapToLong(Score::nanos).average().orElse(0) / 1e6);
                });
    }

    /** Mean over the scores where the measure is defined (MASE is not on a constant history). */
    private static double mean(List<Score> scores, java.util.function.ToDoubleFunction<Score> measure) {
        return scores.stream().mapToDouble(measure).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
