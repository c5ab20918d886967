package io.flowcast.cli;

import io.flowcast.forecast.Forecast;
import io.flowcast.forecast.ForecastMethod;
import io.flowcast.forecast.Methods;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowcast forecast}: the forecasting engine on a CSV file (DESIGN section 5). */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast every series of a long-format CSV (series_id,ts,y); output series_id,method,step,ts,yhat,lo80,hi80.")
public final class ForecastCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "CSV (or .csv.gz) with series_id,ts and the value column")
    Path input;

    @Option(names = "--horizon", required = true, description = "steps ahead")
    int horizon;

    @Option(names = "--freq", required = true, description = "W or M")
    Frequency freq;

    @Option(names = "--output", required = true, description = "output CSV")
    Path output;

    @Option(names = "--methods", defaultValue = "auto", description = "auto | all | comma-separated names (${COMPLETION-CANDIDATES}); auto is always written")
    String methods;

    @Option(names = "--target", defaultValue = "y", description = "value column (e.g. scripts or cost for PBS)")
    String target;

    @Option(names = "--level", defaultValue = "80", description = "interval coverage in percent")
    double level;

    @Option(names = "--season", description = "seasonal period (default: 52 for W, 12 for M; 1 = none)")
    Integer season;

    @Override
    public Integer call() throws Exception {
        Map<String, SeriesCsv.Series> series = SeriesCsv.read(input, target);
        List<ForecastMethod> selected = selectMethods(methods);
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        Map<String, List<Forecast>> results = new TreeMap<>();
        series.values().parallelStream().forEach(s -> {
            List<Forecast> forecasts = new ArrayList<>();
            for (ForecastMethod method : selected) {
                forecasts.add(ForecastRunner.safeForecast(method, s.values(), season != null ? season : freq.seasonalPeriod, horizon, level / 100));
            }
            synchronized (results) {
                results.put(s.id(), forecasts);
            }
            Progress.tick(done.incrementAndGet(), series.size());
        });
        Map<String, Integer> notes = new TreeMap<>();
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String lo = "lo" + (int) level;
            String hi = "hi" + (int) level;
            out.write("series_id,method,step,ts,yhat," + lo + "," + hi + "\n");
            for (SeriesCsv.Series s : series.values()) {
                for (Forecast f : results.get(s.id())) {
                    if (f.note() != null && f.method().equals("auto")) {
                        notes.merge(f.note().replaceAll("\\(\\d+\\)", "(n)").replaceAll("last \\d+", "last k"), 1, Integer::sum);
                    }
                    for (int h = 0; h < f.horizon(); h++) {
                        out.write(String.format(Locale.ROOT, "%s,%s,%d,%s,%.6g,%.6g,%.6g%n", s.id(), f.method(), h + 1,
                                s.futureTs(h + 1, freq.code()), f.mean()[h], f.lower()[h], f.upper()[h]));
                    }
                }
            }
        }
        System.err.println();
        System.out.printf("%d series x %d method(s) -> %s in %.1f s%n", series.size(), selected.size(), output,
                (System.nanoTime() - start) / 1e9);
        System.out.println("auto choices:");
        notes.forEach((note, count) -> System.out.printf("  %6d  %s%n", count, note));
        return 0;
    }

    static List<ForecastMethod> selectMethods(String spec) {
        List<ForecastMethod> selected = new ArrayList<>();
        selected.add(Methods.byName("auto"));
        if (spec.equals("all")) {
            Methods.all().values().stream().filter(m -> !m.name().equals("auto")).forEach(selected::add);
        } else if (!spec.equals("auto")) {
            for (String name : spec.split(",")) {
                if (!name.isBlank() && !name.trim().equals("auto")) {
                    selected.add(Methods.byName(name.trim()));
                }
            }
        }
        return selected;
    }
}
