package io.flowcast.forecast.neural;

import io.flowcast.forecast.Forecaster;
import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import io.flowcast.generator.DemandModel;
import io.flowcast.generator.GeneratorConfig;
import io.flowcast.generator.SeriesProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Training series from long CSV files (the CLI contract: series_id, ts, value columns) and from
 * the CDC generator's synthetic weekly demand. The first value column is units, the second (when
 * there is one, e.g. PBS's cost) revenue; a {@code promo} column becomes the known-future
 * covariate and a {@code region} column the categorical input.
 */
public final class TrainingData {
    public static final String PROMO = "promo";
    public static final String REGION = "region";

    private TrainingData() {}

    /** Every .csv / .csv.gz under each path (files taken as they are), sorted by name. */
    public static List<Path> csvFiles(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".csv.gz"))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    public static List<TrainingSeries> fromCsv(Path file) throws IOException {
        List<String> columns = header(file);
        List<String> values = columns.stream().filter(c -> !c.equals(SeriesCsvReader.SERIES_ID)
                && !c.equals(SeriesCsvReader.TS) && !c.equals(PROMO) && !c.equals(REGION)).limit(2).toList();
        if (values.isEmpty()) {
            throw new IOException(file + ": no value column");
        }
        List<Series> units = SeriesCsvReader.read(file, values.get(0));
        Map<String, Series> revenue = values.size() > 1 ? byId(SeriesCsvReader.read(file, values.get(1))) : Map.of();
        Map<String, Series> promo = columns.contains(PROMO) ? byId(SeriesCsvReader.read(file, PROMO)) : Map.of();
        List<TrainingSeries> out = new ArrayList<>();
        for (Series s : units) {
            double[] u = repaired(s.values());
            if (u.length == 0) {
                continue;
            }
            double[][] channels = revenue.containsKey(s.id())
                    ? new double[][] {u, aligned(repaired(revenue.get(s.id()).values()), u.length)}
                    : new double[][] {u};
            double[][] covariates = null;
            if (promo.containsKey(s.id())) {
                double[] p = promo.get(s.id()).values();
                covariates = new double[u.length][1];
                int offset = p.length - u.length;
                for (int t = 0; t < u.length; t++) {
                    double v = p[t + offset];
                    covariates[t][0] = Double.isFinite(v) ? v : 0;
                }
            }
            out.add(new TrainingSeries(s.id(), channels, null, covariates));
        }
        return out;
    }

    /**
     * Weekly units of the generator's product x region series (promotion weeks as the covariate,
     * the region as the categorical value): shop-floor patterns the public sets lack.
     */
    public static List<TrainingSeries> synthetic(int products, int weeks, long seed) {
        GeneratorConfig config = GeneratorConfig.builder().seed(seed).products(products).weeks(weeks).build();
        List<TrainingSeries> out = new ArrayList<>();
        for (SeriesProfile p : DemandModel.create(config, new SplittableRandom(seed)).series()) {
            double[] y = new double[p.weeks()];
            double[][] promo = new double[p.weeks()][1];
            for (int t = 0; t < y.length; t++) {
                y[t] = p.demand(t);
                promo[t][0] = p.promotion(t) ? 1 : 0;
            }
            out.add(new TrainingSeries(p.productCode() + "@" + p.region(), new double[][] {y}, p.region(), promo));
        }
        return out;
    }

    /** Leading missing values dropped, gaps interpolated: the same repair the statistical engine does. */
    static double[] repaired(double[] raw) {
        return Forecaster.repair(raw);
    }

    private static double[] aligned(double[] v, int length) {
        return v.length >= length ? Arrays.copyOfRange(v, v.length - length, v.length) : pad(v, length);
    }

    private static double[] pad(double[] v, int length) {
        double[] out = new double[length];
        System.arraycopy(v, 0, out, length - v.length, v.length);
        return out;
    }

    private static Map<String, Series> byId(List<Series> series) {
        Map<String, Series> m = new HashMap<>();
        series.forEach(s -> m.put(s.id(), s));
        return m;
    }

    private static List<String> header(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (line == null) {
                throw new IOException(file + ": empty file");
            }
            return Arrays.stream(line.split(",", -1)).map(String::trim).map(c -> c.replace("\"", "")).toList();
        }
    }
}
