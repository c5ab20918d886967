package io.flowcast.bench;

import io.flowcast.jobs.ReplicationSlots;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On-demand request -> answer. Runs after {@link WeekCloseLatencyProbe}, so the live history is in
 * the job's state and its stream has ended: requests are measured with the job otherwise quiet.
 * Requests are inserted with SQL as users do ({@code INSERT ... RETURNING request_id}) for series
 * whose scheduled forecast of the newest closed week exists (series the job holds in state). The
 * clock starts just before the INSERT and stops when the statement polling every
 * {@value WeekCloseLatencyProbe#POLL_MILLIS} ms first reads all {@code 2 x horizon} answer rows
 * (both channels) in {@code prediction_results}. Requests go one at a time (the next once the
 * previous is answered), then in bursts inserted by one statement.
 *
 * <p>The WAL sender decodes every change of the database, the job's own writes included, before
 * it reaches a request's commit; the probe waits until it has caught up with the week-close
 * probe's writes, so the figures are those of a job not busy with a week close.
 */
final class RequestLatencyProbe implements LiveProbe {

    /**
     * @param requests requests measured one at a time
     * @param warmUp requests sent first and not counted (request path JIT, first checkpoint of the CDC source)
     * @param burstSize requests per burst
     * @param bursts bursts measured
     * @param horizon weeks asked for in every request
     * @param maxWait longest wait for one request's (or burst's) answers
     * @param slotName the job's replication slot
     */
    record Load(int requests, int warmUp, int burstSize, int bursts, int horizon, Duration maxWait, String slotName) {}

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration CATCH_UP_WAIT = Duration.ofMinutes(3);

    private final Load load;

    RequestLatencyProbe(Load load) {
        this.load = load;
    }

    @Override
    public String title() {
        return "on-demand request (INSERT INTO forecast_requests) -> all answer rows visible in PG prediction_results";
    }

    @Override
    public void run(Live live) throws Exception {
        try (Connection c = live.pg().connect()) {
            c.setAutoCommit(true);
            List<String[]> series = knownSeries(c);
            if (series.isEmpty()) {
                live.out().println("    NOT MEASURED: no scheduled forecast in prediction_results, so no series known to the job");
                return;
            }
            long quietStart = System.nanoTime();
            awaitQuiet(c);
            long lagBytes = ReplicationSlots.senderLagBytes(c, load.slotName());
            ReplicationSlots.awaitSenderCaughtUp(c, load.slotName(), CATCH_UP_WAIT);
            live.out().printf(Locale.ROOT, "    %d series with a forecast of the newest closed week; job quiet and WAL sender caught up"
                            + " (%,d bytes behind) after %.1f s; horizon %d (%d answer rows per request), PG sink flush every %d ms%n",
                    series.size(), lagBytes, BenchSupport.secondsSince(quietStart), load.horizon(), 2 * load.horizon(),
                    live.options().postgres().flushIntervalMillis());

            List<Long> singleIds = new ArrayList<>();
            List<Double> single = new ArrayList<>();
            int notAnswered = 0;
            for (int i = 0; i < load.warmUp() + load.requests(); i++) {
                String[] s = series.get(i % series.size());
                long start = System.nanoTime();
                List<Long> ids = insert(c, List.<String[]>of(s));
                Map<Long, Long> answered = awaitAnswers(c, ids);
                if (i < load.warmUp()) {
                    continue;
                }
                singleIds.addAll(ids);
                Long at = answered.get(ids.get(0));
                if (at == null) {
                    notAnswered++;
                } else {
                    single.add((at - start) / 1e6);
                }
            }
            report(live, c, String.format("one at a time (after %d warm-up requests)", load.warmUp()), single, singleIds, notAnswered);

            List<Long> burstIds = new ArrayList<>();
            List<Double> eachInBurst = new ArrayList<>();
            List<Double> wholeBurst = new ArrayList<>();
            notAnswered = 0;
            int next = 0;
            for (int b = 0; b < load.bursts(); b++) {
                List<String[]> batch = new ArrayList<>();
                for (int i = 0; i < load.burstSize(); i++) {
                    batch.add(series.get(next++ % series.size()));
                }
                long start = System.nanoTime();
                List<Long> ids = insert(c, batch);
                Map<Long, Long> answered = awaitAnswers(c, ids);
                burstIds.addAll(ids);
                long last = 0;
                for (long id : ids) {
                    Long at = answered.get(id);
                    if (at == null) {
                        notAnswered++;
                    } else {
                        eachInBurst.add((at - start) / 1e6);
                        last = Math.max(last, at);
                    }
                }
                if (answered.size() == ids.size()) {
                    wholeBurst.add((last - start) / 1e6);
                }
            }
            report(live, c, String.format("bursts of %d inserted by one statement, each request", load.burstSize()),
                    eachInBurst, burstIds, notAnswered);
            live.out().printf("    burst of %d -> all its answers visible: %s bursts%n", load.burstSize(), summary(wholeBurst).describe());
        }
    }

    private void report(Live live, Connection c, String what, List<Double> measured, List<Long> ids, int notAnswered) throws SQLException {
        live.out().printf("    %s: %s requests%n", what, summary(measured).describe());
        List<Double> viewed = new ArrayList<>();
        Map<String, Integer> statuses = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status, extract(epoch FROM latency) * 1000"
                + " FROM flowcast.v_forecast_requests WHERE request_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.merge(rs.getString(1), 1, Integer::sum);
                    double ms = rs.getDouble(2);
                    if (!rs.wasNull()) {
                        viewed.add(ms);
                    }
                }
            }
        }
        live.out().printf("      v_forecast_requests.latency (requested_at -> last answer row's created_at, both now() of their"
                + " transactions): %s requests; status %s%n", summary(viewed).describe(), statuses);
        if (notAnswered > 0) {
            live.out().printf("      NOT MEASURED: %d requests without all %d answer rows within %s%n", notAnswered, 2 * load.horizon(), load.maxWait());
        }
    }

    /** Series whose scheduled forecast of the newest closed week exists: the job holds their history. */
    private static List<String[]> knownSeries(Connection c) throws SQLException {
        List<String[]> series = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT product_code, region FROM flowcast.prediction_results WHERE request_id = '' AND channel = 'units' AND step = 1"
                        + " AND origin_week = (SELECT max(origin_week) FROM flowcast.prediction_results WHERE request_id = '')"
                        + " ORDER BY product_code, region")) {
            while (rs.next()) {
                series.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return series;
    }

    private List<Long> insert(Connection c, List<String[]> series) throws SQLException {
        String[] products = series.stream().map(s -> s[0]).toArray(String[]::new);
        String[] regions = series.stream().map(s -> s[1]).toArray(String[]::new);
        Integer[] horizons = series.stream().map(s -> load.horizon()).toArray(Integer[]::new);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO flowcast.forecast_requests (product_code, region, horizon)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::int[]) RETURNING request_id")) {
            ps.setArray(1, c.createArrayOf("text", products));
            ps.setArray(2, c.createArrayOf("text", regions));
            ps.setArray(3, c.createArrayOf("int4", horizons));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Request id -> when all its answer rows were first read (a statement reads what was committed when it started). */
    private Map<Long, Long> awaitAnswers(Connection c, List<Long> ids) throws Exception {
        Map<Long, Long> answered = new HashMap<>();
        String[] keys = ids.stream().map(String::valueOf).toArray(String[]::new);
        long deadline = System.nanoTime() + load.maxWait().toNanos();
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, count(*) FROM flowcast.prediction_results"
                + " WHERE request_id = ANY (?) GROUP BY request_id")) {
            Array array = c.createArrayOf("text", keys);
            while (answered.size() < ids.size() && System.nanoTime() < deadline) {
                long at = System.nanoTime();
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(2) >= 2L * load.horizon()) {
                            answered.putIfAbsent(Long.parseLong(rs.getString(1)), at);
                        }
                    }
                }
                if (answered.size() < ids.size()) {
                    Thread.sleep(WeekCloseLatencyProbe.POLL_MILLIS);
                }
            }
        }
        return answered;
    }

    /** Until prediction_results and weekly_sales stop changing for {@link #QUIET} (the live history has ended). */
    private static void awaitQuiet(Connection c) throws Exception {
        String counts = "SELECT (SELECT count(*) FROM flowcast.weekly_sales) * 1000000 + (SELECT count(*) FROM flowcast.prediction_results)";
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < QUIET.toNanos()) {
            long now = scalar(c, counts);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private static long scalar(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static LatencySummary summary(List<Double> millis) {
        return LatencySummary.of(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
