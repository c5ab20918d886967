package io.flowcast.cli;

import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.Gaps;
import io.flowcast.forecast.Methods;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench forecast}: series per second of each method, one thread and all cores,
 * on a series file (M4 weekly by default in the docs). The R comparison runs separately
 * ({@code jobs/bench/r/run-r-bench.sh}) on the same file, in the same session.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Forecasting speed per method (series/s), 1 thread and all cores.")
public final class BenchForecastCommand implements Callable<Integer> {

    @Option(names = "--input", required = true)
    Path input;

    @Option(names = "--horizon", defaultValue = "13")
    int horizon;

    @Option(names = "--freq", defaultValue = "W")
    Frequency freq;

    @Option(names = "--methods", defaultValue = "naive,ses,holt,damped,theta,croston,sba,tsb,ensemble,auto")
    String methods;

    @Option(names = "--rounds", defaultValue = "3", description = "timed rounds after one warm-up round; the best is reported")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<double[]> series = SeriesCsv.read(input, "y").values().stream().map(s -> Gaps.fill(s.values())).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%s: %d series, horizon %d, %d cores%n", input.getFileName(), series.size(), horizon, cores);
        System.out.printf("%-10s %14s %14s%n", "method", "1 thread", cores + " threads");
        for (String name : methods.split(",")) {
            ForecastMethod method = Methods.byName(name.trim());
            double single = best(() -> series.forEach(y -> run(method, y)), series.size());
            double parallel = best(() -> series.parallelStream().forEach(y -> run(method, y)), series.size());
            System.out.printf("%-10s %10.0f s/s %10.0f s/s%n", method.name(), single, parallel);
        }
        return 0;
    }

    private void run(ForecastMethod method, double[] y) {
        ForecastRunner.safeForecast(method, y, freq.seasonalPeriod, horizon, 0.8);
    }

    private double best(Runnable round, int count) {
        round.run();
        double bestRate = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            round.run();
            bestRate = Math.max(bestRate, count / ((System.nanoTime() - start) / 1e9));
        }
        return bestRate;
    }
}
