package io.flowcast.forecast.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the long CSV format of the CLI contract: header with series_id, ts and a target column
 * (default {@code y}, else the first column after ts), one row per series and period, optional
 * extra columns ignored. Files ending in .gz are decompressed. Empty, NA and NaN cells are
 * missing values. Rows may come in any order; each series is sorted by ts (integer or ISO date).
 */
public final class SeriesCsvReader {

    public static final String SERIES_ID = "series_id";
    public static final String TS = "ts";
    public static final String DEFAULT_TARGET = "y";

    private SeriesCsvReader() {}

    public static List<Series> read(Path path, String target) throws IOException {
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, target, path.toString());
        }
    }

    static List<Series> read(BufferedReader reader, String target, String source) throws IOException {
        String header = reader.readLine();
        if (header == null) {
            throw new IOException(source + ": empty file");
        }
        List<String> columns = Arrays.stream(header.split(",", -1)).map(SeriesCsvReader::unquote).toList();
        int idColumn = columns.indexOf(SERIES_ID);
        int tsColumn = columns.indexOf(TS);
        if (idColumn < 0 || tsColumn < 0) {
            throw new IOException(source + ": header must contain series_id and ts, got " + header);
        }
        int valueColumn = targetColumn(columns, target, tsColumn, source);
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length <= Math.max(idColumn, Math.max(tsColumn, valueColumn))) {
                throw new IOException(source + ":" + lineNumber + ": too few columns");
            }
            rows.computeIfAbsent(unquote(cells[idColumn]), k -> new ArrayList<>())
                    .add(new String[] {unquote(cells[tsColumn]), unquote(cells[valueColumn])});
        }
        List<Series> out = new ArrayList<>(rows.size());
        for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
            List<String[]> points = e.getValue();
            points.sort(Comparator.comparing((String[] p) -> p[0], SeriesCsvReader::compareTimestamps));
            double[] values = new double[points.size()];
            List<String> ts = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                ts.add(points.get(i)[0]);
                values[i] = parseValue(points.get(i)[1]);
            }
            out.add(new Series(e.getKey(), ts, values));
        }
        return out;
    }

    private static int targetColumn(List<String> columns, String target, int tsColumn, String source) throws IOException {
        if (target != null && !target.isBlank()) {
            int i = columns.indexOf(target);
            if (i < 0) {
                throw new IOException(source + ": no column '" + target + "' in " + columns);
            }
            return i;
        }
        int y = columns.indexOf(DEFAULT_TARGET);
        if (y >= 0) {
            return y;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > tsColumn && !columns.get(i).equals(SERIES_ID)) {
                return i;
            }
        }
        throw new IOException(source + ": no value column after ts");
    }

    static int compareTimestamps(String a, String b) {
        if (isInteger(a) && isInteger(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b); // ISO dates sort lexicographically
    }

    static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || (i == 0 && c == '-' && s.length() > 1))) {
                return false;
            }
        }
        return true;
    }

    static double parseValue(String cell) {
        String s = cell.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN") || s.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
