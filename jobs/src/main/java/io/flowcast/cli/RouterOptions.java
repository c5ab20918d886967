package io.flowcast.cli;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.MethodRegistry;
import io.flowcast.forecast.io.Series;
import io.flowcast.router.OriginSample;
import io.flowcast.router.RouterBacktest;
import io.flowcast.router.RouterEvaluation;
import io.flowcast.router.RouterMethod;
import io.flowcast.router.RouterParams;
import io.flowcast.router.RouterSelection;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options of the method router for commands that train one on their input (picocli mixin). */
final class RouterOptions {

    @Option(names = "--router-origins", defaultValue = "4",
            description = "Rolling origins the router learns from (origin 1 validates it; default 4).")
    int origins;

    @Option(names = "--router-error", defaultValue = "MASE",
            description = "Backtest error the router's weights minimise: ${COMPLETION-CANDIDATES} (default MASE).")
    OriginSample.LabelError labelError;

    @Option(names = "--router-rounds", defaultValue = "60", description = "Boosting rounds (default 60).")
    int rounds;

    /** True when the method list asks for the router (it then has to be trained first). */
    static boolean requested(String methodSpec) {
        return methodSpec != null && Arrays.stream(methodSpec.split(","))
                .map(String::trim)
                .anyMatch(m -> m.equals(RouterMethod.NAME) || m.equals(RouterMethod.ARGMAX_NAME));
    }

    RouterParams params(int threads) {
        return RouterParams.defaults().withThreads(threads).withRounds(rounds).withLabelError(labelError);
    }

    /** Trains on the series' own backtests, prints the validation, returns the registry with the router. */
    MethodRegistry train(MethodRegistry base, List<Series> series, SeriesOptions options, PrintStream err) {
        RouterBacktest backtest = new RouterBacktest(new Forecaster(base), RouterSelection.DEFAULT_POOL,
                options.horizon, options.seasonalPeriod(), options.frequency.scaleLag());
        ProgressBar bar = new ProgressBar(err, "router backtests", series.size());
        long start = System.nanoTime();
        RouterSelection.Result result = RouterSelection.trainAndValidate(series, backtest, origins,
                params(options.threadCount()), options.threadCount(), bar::update);
        err.printf(Locale.ROOT, "router trained on %d series x %d origins in %.1f s; validation (origin 1):%n",
                series.size(), origins, (System.nanoTime() - start) / 1e9);
        printValidation(err, result);
        return RouterSelection.registryWith(base, result);
    }

    static void printValidation(PrintStream err, RouterSelection.Result result) {
        err.printf("%-14s %8s %8s %8s %8s%n", "method", "MASE", "sMAPE", "RMSSE", "OWA");
        for (RouterEvaluation.Row row : result.validation().rows()) {
            err.printf(Locale.ROOT, "%-14s %8.3f %8.3f %8.3f %8.3f%n", row.method(), row.mase(), row.smape(),
                    row.rmsse(), row.owa());
        }
        err.printf(Locale.ROOT, "%-14s %8.3f%n", "auto (rules)", result.rulesValidationMase());
        err.println("auto uses: " + (result.routerValidationMase() < result.rulesValidationMase() ? "router" : "rules"));
    }
}
