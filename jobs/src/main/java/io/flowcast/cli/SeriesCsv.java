package io.flowcast.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Long-format series files of the CLI contract (DESIGN section 5): header with {@code series_id},
 * {@code ts} and a value column ({@code y} by default), one row per series and period, sorted by
 * series then time; {@code .gz} accepted. Empty values read as gaps (NaN).
 */
final class SeriesCsv {

    /** One series: its timestamps as written and its values. */
    record Series(String id, List<String> ts, double[] values) {

        /** Timestamp of step {@code h} after the last observation: ISO date + h periods, or index + h. */
        String futureTs(int h, char freq) {
            String last = ts.get(ts.size() - 1);
            if (last.contains("-")) {
                LocalDate date = LocalDate.parse(last);
                return (freq == 'M' ? date.plusMonths(h) : date.plusWeeks(h)).toString();
            }
            return Long.toString(Long.parseLong(last) + h);
        }
    }

    private SeriesCsv() {}

    static Map<String, Series> read(Path file, String valueColumn) throws IOException {
        Map<String, List<String>> ts = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            String[] columns = header.trim().split(",");
            int id = index(columns, "series_id", file);
            int time = index(columns, "ts", file);
            int value = index(columns, valueColumn, file);
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < columns.length) {
                    throw new IOException(file + ":" + lineNumber + ": expected " + columns.length + " columns");
                }
                String seriesId = cells[id];
                ts.computeIfAbsent(seriesId, k -> new ArrayList<>()).add(cells[time]);
                String cell = cells[value].trim();
                values.computeIfAbsent(seriesId, k -> new ArrayList<>()).add(cell.isEmpty() || cell.equals("NA") ? Double.NaN : Double.parseDouble(cell));
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        ts.forEach((key, times) -> series.put(key, new Series(key, times,
                values.get(key).stream().mapToDouble(Double::doubleValue).toArray())));
        return series;
    }

    private static int index(String[] columns, String name, Path file) throws IOException {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].trim().equals(name)) {
                return i;
            }
        }
        throw new IOException(file + " has no column '" + name + "' (header: " + String.join(",", columns) + ")");
    }
}
