package io.flowcast.bench;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.jobs.RetentionJob;
import io.flowcast.retention.RetentionOutcome;
import io.flowcast.records.PredictionRow;
import io.flowcast.sinks.PredictionResultsTable;
import io.flowcast.sinks.UnnestSink;
import io.flowcast.sql.SchemaMigrator;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RetentionJob over a large {@code prediction_results} in a scratch database: the default
 * policies' dry run (time to the report) and execution (rows deleted per second), while a writer
 * upserts forecasts the way DemandForecastJob's sink does; the writer's latency during the
 * execution is printed next to its latency before it (the baseline of the same run).
 */
public final class RetentionBenchmark {

    private static final String[] REGIONS = {"SP", "GO", "MG", "EX", "RS", "PR"};
    private static final int STEPS = 26;
    private static final int ROWS_PER_ORIGIN_AND_SERIES = 2 * STEPS;
    private static final LocalDate FIRST_ORIGIN = LocalDate.of(2024, 1, 1);

    /** What to run: rows to load, origin weeks, the writer's batch and pace, the scratch database. */
    public record Settings(String serverUrl, String user, String password, String database, long rows, int origins,
            int writerSeries, long writerIntervalMillis, long baselineSeconds, long pauseMillis) {}

    private final Settings s;
    private final PrintStream out;

    public RetentionBenchmark(Settings settings, PrintStream out) {
        this.s = settings;
        this.out = out;
    }

    public void run() throws Exception {
        String url = s.serverUrl() + s.database();
        recreate();
        new SchemaMigrator(url, s.user(), s.password()).migrate();
        int products = (int) Math.ceil((double) s.rows() / (REGIONS.length * s.origins() * ROWS_PER_ORIGIN_AND_SERIES));
        try (Connection c = DriverManager.getConnection(url, s.user(), s.password())) {
            load(c, products);
        }
        FlowcastConfig config = FlowcastConfig.load(null, List.of("postgres.url=" + url, "postgres.user=" + s.user(),
                "retention.pause-ms=" + s.pauseMillis()));

        long t0 = System.nanoTime();
        List<RetentionOutcome> dry = RetentionJob.run(config, false, Set.of(), out);
        double drySeconds = (System.nanoTime() - t0) / 1e9;
        long toDelete = dry.stream().mapToLong(RetentionOutcome::rowsMatched).sum();

        try (Writer writer = new Writer(url, products)) {
            writer.start();
            Thread.sleep(s.baselineSeconds() * 1000);
            double[] baseline = writer.drain();
            t0 = System.nanoTime();
            List<RetentionOutcome> executed = RetentionJob.run(config, true, Set.of(), out);
            double executeSeconds = (System.nanoTime() - t0) / 1e9;
            double[] during = writer.drain();
            writer.stop();
            long deleted = executed.stream().mapToLong(RetentionOutcome::rowsDeleted).sum();
            long maxBatch = executed.stream().filter(o -> o.maxBatchMillis() != null)
                    .mapToLong(RetentionOutcome::maxBatchMillis).max().orElse(0);
            out.println();
            out.println("== retention benchmark ==");
            out.printf("table: %,d prediction_results rows (%d products x %d regions x %d origins x %d rows), %s%n",
                    count(url, "SELECT count(*) FROM flowcast.prediction_results") - writer.rowsWritten(), products,
                    REGIONS.length, s.origins(), ROWS_PER_ORIGIN_AND_SERIES, "plus request answers");
            out.printf("dry run (all default policies): %.2f s, %,d rows to delete (target <= 10 s)%n", drySeconds, toDelete);
            out.printf("execute: %,d rows deleted in %.2f s = %,.0f rows/s (target >= 200,000), longest batch %d ms%n",
                    deleted, executeSeconds, deleted / executeSeconds, maxBatch);
            out.printf("deleted = dry run's count: %s%n", deleted == toDelete);
            out.printf("origins left per scheduled series: %s (policy keeps %d; the writer adds newer ones)%n",
                    originsLeft(url), 30);
            out.printf("writer (%d series x %d rows upserted every %d ms, one transaction each):%n", s.writerSeries(),
                    ROWS_PER_ORIGIN_AND_SERIES, s.writerIntervalMillis());
            printLatency("  before (baseline)", baseline);
            printLatency("  during execution ", during);
            out.printf("  writes slower than 1 s during execution: %d of %d%n",
                    Arrays.stream(during).filter(ms -> ms > 1000).count(), during.length);
        }
    }

    private void printLatency(String label, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            out.printf("%s: no writes%n", label);
            return;
        }
        out.printf("%s: %d writes, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", label, sorted.length,
                LatencySummary.percentile(sorted, 0.50), LatencySummary.percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(s.serverUrl() + "postgres", s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + s.database() + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + s.database());
        }
    }

    /**
     * One INSERT .. SELECT per origin week, all series at once, as week closes write them (so the
     * heap holds origins in time order, as in production); then VACUUM ANALYZE, as autovacuum
     * would have left a table this old.
     */
    private void load(Connection c, int products) throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO flowcast.prediction_results (product_code, region,"
                + " origin_week, channel, step, target_week, method, model_version, yhat, lo80, hi80, explanation, request_id)"
                + " SELECT 'P' || lpad(p::text, 4, '0'), r, ?::date, ch, st, ?::date + 7 * st, 'dotm', 'rules-1',"
                + " 100 * random(), 50 * random(), 150 + 50 * random(), 'pattern smooth; method dotm', ''"
                + " FROM generate_series(1, ?) p, unnest(?::text[]) r, unnest(ARRAY['units', 'revenue']) ch,"
                + " generate_series(1, " + STEPS + ") st")) {
            for (int o = 0; o < s.origins(); o++) {
                String origin = FIRST_ORIGIN.plusWeeks(o).toString();
                ps.setString(1, origin);
                ps.setString(2, origin);
                ps.setInt(3, products);
                ps.setArray(4, c.createArrayOf("text", REGIONS));
                ps.executeUpdate();
                if ((o + 1) % 26 == 0) {
                    out.printf("loaded %d of %d origins (%.0f s)%n", o + 1, s.origins(), (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            // Request answers: half older than the 30 days the default policy keeps.
            st.execute("INSERT INTO flowcast.prediction_results (product_code, region, origin_week, channel, step,"
                    + " target_week, method, model_version, yhat, lo80, hi80, request_id, created_at)"
                    + " SELECT 'P0001', 'SP', DATE '" + FIRST_ORIGIN.plusWeeks(s.origins() - 1) + "', ch, st, DATE '"
                    + FIRST_ORIGIN.plusWeeks(s.origins() - 1) + "' + 7 * st, 'dotm', 'rules-1', 1, 0, 2, q::text,"
                    + " now() - make_interval(days => CASE WHEN q % 2 = 0 THEN 60 ELSE 1 END)"
                    + " FROM generate_series(1, 200) q, unnest(ARRAY['units', 'revenue']) ch, generate_series(1, 26) st");
            st.execute("VACUUM ANALYZE flowcast.prediction_results");
        }
        out.printf("loaded %,d rows in %.0f s%n", count(c, "SELECT count(*) FROM flowcast.prediction_results"),
                (System.nanoTime() - t0) / 1e9);
    }

    private String originsLeft(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, s.user(), s.password()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT min(n), max(n), count(*) FROM (SELECT count(DISTINCT origin_week) n"
                        + " FROM flowcast.prediction_results WHERE request_id = '' GROUP BY product_code, region) x")) {
            rs.next();
            return "min " + rs.getLong(1) + ", max " + rs.getLong(2) + " over " + rs.getLong(3) + " series";
        }
    }

    private long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, s.user(), s.password())) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Upserts the next origin's forecasts of {@code writerSeries} series per tick with the
     * production statement (PredictionSink), one transaction each, and records each one's latency.
     */
    private final class Writer implements AutoCloseable {
        private final Connection c;
        private final int products;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Double> latencies = new ArrayList<>();
        private Thread thread;
        private long written;
        private Exception failure;

        Writer(String url, int products) throws SQLException {
            this.c = DriverManager.getConnection(url, s.user(), s.password());
            this.products = products;
        }

        void start() {
            thread = new Thread(this::loop, "retention-bench-writer");
            thread.start();
        }

        private void loop() {
            long tick = 0;
            PredictionResultsTable table = new PredictionResultsTable();
            String statement = table.statement();
            try {
                while (running.get()) {
                    long started = System.nanoTime();
                    UnnestSink.upsert(c, table, statement, batch(tick++));
                    double millis = (System.nanoTime() - started) / 1e6;
                    synchronized (latencies) {
                        latencies.add(millis);
                    }
                    long sleep = s.writerIntervalMillis() - (long) millis;
                    if (sleep > 0) {
                        Thread.sleep(sleep);
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        /** The next origin's forecast of the next {@code writerSeries} series, cycling through them. */
        private List<PredictionRow> batch(long tick) {
            List<PredictionRow> rows = new ArrayList<>();
            for (int k = 0; k < s.writerSeries(); k++) {
                long series = tick * s.writerSeries() + k;
                long round = series / ((long) products * REGIONS.length);
                long origin = FIRST_ORIGIN.plusWeeks(s.origins() + round).toEpochDay();
                String product = String.format("P%04d", 1 + (series / REGIONS.length) % products);
                String region = REGIONS[(int) (series % REGIONS.length)];
                for (String channel : new String[] {"units", "revenue"}) {
                    for (int step = 1; step <= STEPS; step++) {
                        rows.add(new PredictionRow(product, region, origin, channel, step, origin + 7L * step, "dotm",
                                "rules-1", 10.0 + step, 5.0, 20.0 + step, "bench writer"));
                    }
                }
            }
            written += rows.size();
            return rows;
        }

        double[] drain() {
            synchronized (latencies) {
                double[] copy = latencies.stream().mapToDouble(Double::doubleValue).toArray();
                latencies.clear();
                return copy;
            }
        }

        long rowsWritten() {
            return written;
        }

        void stop() throws Exception {
            running.set(false);
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            if (thread != null) {
                thread.join();
            }
            c.close();
        }
    }
}
