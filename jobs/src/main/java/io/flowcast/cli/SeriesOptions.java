package io.flowcast.cli;

import io.flowcast.forecast.Frequency;
import io.flowcast.forecast.MethodRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by forecast, backtest and bench (picocli mixin). */
final class SeriesOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--input", required = true, description = "Long CSV (series_id,ts,y[,...]); .gz accepted.")
    Path input;

    @Option(names = "--horizon", required = true, description = "Steps to forecast.")
    int horizon;

    @Option(names = "--freq", required = true, description = "Frequency: ${COMPLETION-CANDIDATES}.")
    Frequency frequency;

    @Option(names = "--target", description = "Value column (default y, else the first column after ts).")
    String target;

    @Option(names = "--period", description = "Override the seasonal period of --freq (e.g. 1 = non-seasonal).")
    Integer period;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    int seasonalPeriod() {
        return period != null ? period : frequency.period();
    }

    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** auto | all | comma list; auto is always included first. */
    /** Checks the options and resolves the method list (auto first); usage errors as picocli's. */
    List<String> methods(String methodSpec, MethodRegistry registry) {
        if (horizon < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--horizon must be >= 1, got " + horizon);
        }
        if ((period != null && period < 1) || (threads != null && threads < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--period and --threads must be >= 1");
        }
        try {
            return resolveMethods(methodSpec, registry);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static List<String> resolveMethods(String spec, MethodRegistry registry) {
        List<String> out = new ArrayList<>();
        out.add(MethodRegistry.AUTO);
        if (spec == null || spec.isBlank() || spec.equals(MethodRegistry.AUTO)) {
            return out;
        }
        List<String> requested = spec.equals("all") ? registry.names() : Arrays.stream(spec.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String name : requested) {
            registry.get(name); // fail fast on a typo
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
