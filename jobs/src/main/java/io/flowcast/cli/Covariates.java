package io.flowcast.cli;

import io.flowcast.forecast.io.Series;
import io.flowcast.forecast.io.SeriesCsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Known-future covariates for {@code forecast --future FILE} ({@code series_id,ts,<covariate>}
 * over the horizon) and the same column's history in the input, for the mixer (one covariate
 * channel: the first column after ts, e.g. {@code promo}). Missing cells count as 0.
 */
final class Covariates {
    private Covariates() {}

    /** The covariate column of a future file: its first column other than series_id and ts. */
    static String column(Path future) throws IOException {
        for (String c : header(future)) {
            if (!c.equals(SeriesCsvReader.SERIES_ID) && !c.equals(SeriesCsvReader.TS)) {
                return c;
            }
        }
        throw new IOException(future + ": no covariate column after series_id,ts");
    }

    /** series_id -> {@code [step][0]} for the first {@code horizon} future rows of each series. */
    static Map<String, double[][]> future(Path file, String column, int horizon) throws IOException {
        Map<String, double[][]> out = new HashMap<>();
        for (Series s : SeriesCsvReader.read(file, column)) {
            double[][] f = new double[horizon][1];
            double[] v = s.values();
            for (int k = 0; k < horizon && k < v.length; k++) {
                f[k][0] = Double.isFinite(v[k]) ? v[k] : 0;
            }
            out.put(s.id(), f);
        }
        return out;
    }

    /**
     * Per input series (same order), the column's history {@code [t][0]}; null when the input has
     * no such column (the model then sees zeros, as for data without promotions).
     */
    static List<double[][]> history(Path input, String column, List<Series> series) throws IOException {
        if (!header(input).contains(column)) {
            return null;
        }
        Map<String, double[]> byId = new HashMap<>();
        SeriesCsvReader.read(input, column).forEach(s -> byId.put(s.id(), s.values()));
        return series.stream().map(s -> {
            double[] v = byId.getOrDefault(s.id(), new double[s.length()]);
            double[][] h = new double[s.length()][1];
            for (int t = 0; t < h.length && t < v.length; t++) {
                h[t][0] = Double.isFinite(v[t]) ? v[t] : 0;
            }
            return h;
        }).toList();
    }

    private static List<String> header(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return line == null ? List.of() : Arrays.stream(line.split(",", -1)).map(String::trim).toList();
        }
    }
}
