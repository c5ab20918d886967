package io.flowcast.cli;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench forecast}: series per second of every method (fit + forecast with
 * 80/95% intervals), single-threaded and on all cores, after a JIT warm-up pass.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Series/s per method and for auto, 1 thread and all cores.")
public final class BenchForecastCommand implements Callable<Integer> {
    @Mixin SeriesOptions options;

    @Option(names = "--methods", defaultValue = "all", description = "auto | all | comma list.")
    String methods;

    @Option(names = "--warmup", defaultValue = "100", description = "Series forecast once per method before timing.")
    int warmup;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        MethodRegistry registry = MethodRegistry.defaults();
        Forecaster forecaster = new Forecaster(registry);
        List<String> names = options.methods(methods, registry);
        List<Series> series = SeriesCsvReader.read(options.input, options.target);
        int period = options.seasonalPeriod();
        int cores = options.threadCount();
        out.printf("%-9s %14s %14s  (%d series, h=%d, period=%d, %d cores)%n", "method", "1 thread s/s",
                cores + " threads s/s", series.size(), options.horizon, period, cores);
        for (String method : names) {
            run(forecaster, method, series.subList(0, Math.min(warmup, series.size())), period, 1);
            double single = run(forecaster, method, series, period, 1);
            double all = run(forecaster, method, series, period, cores);
            out.printf(Locale.ROOT, "%-9s %14.1f %14.1f%n", method, single, all);
        }
        return 0;
    }

    /** Series per second of fit + forecast of {@code method} over {@code series}. */
    private double run(Forecaster forecaster, String method, List<Series> series, int period, int threads) {
        long start = System.nanoTime();
        double checksum = ForecastCommand.inPool(threads, () -> series.parallelStream()
                .mapToDouble(s -> forecaster.forecast(method, s.values(), period, options.horizon,
                        Forecaster.DEFAULT_LEVELS).meanAt(0))
                .sum());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException(method + " produced NaN forecasts");
        }
        return series.size() / seconds;
    }
}
