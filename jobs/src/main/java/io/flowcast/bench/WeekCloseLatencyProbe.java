package io.flowcast.bench;

import io.flowcast.aggregate.RedisKeys;
import io.flowcast.aggregate.WeeklyHistory;
import io.flowcast.cdc.CdcDecoder;
import io.flowcast.cdc.DecodeResult;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.jobs.DemandForecastJob;
import io.flowcast.kafka.KafkaLoad;
import io.flowcast.records.CdcMessage;
import io.flowcast.cdc.MirrorChange;
import java.net.URI;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import redis.clients.jedis.RedisClient;

/**
 * Week close -> forecast visible. The live history is sent at a steady rate; a week closes when
 * the watermark (largest order time seen minus the out-of-orderness) passes its end, so the first
 * message whose order time reaches the next week's start plus the out-of-orderness is the one
 * that closes it. The clock starts when that message is handed to the producer. Both source
 * subtasks must see such a message before the watermark moves, so this start is early, never
 * late: the latencies are upper bounds. A series' forecast is visible once its
 * {@code prediction_results} row for the week is readable in PostgreSQL and its
 * {@code ml:forecast} key in Redis holds that week (or a later one); both are polled every
 * {@value #POLL_MILLIS} ms.
 *
 * <p>Week closes are measured one at a time, as in production, where they are a week apart: the
 * message closing the next week waits until the previous week's forecasts have stopped appearing
 * for {@link Pacing#quietPeriod()} (the other messages keep flowing meanwhile).
 */
final class WeekCloseLatencyProbe implements LiveProbe {

    /**
     * @param ratePerSecond messages per second between week closes
     * @param historyWeeks week closes sent first as fast as the job takes them, so the measured
     *     forecasts fit series of this length (a method's cost grows with the history; auto
     *     falls back to simple methods on short ones)
     * @param weekCloses week closes measured
     * @param warmUpCloses week closes sent first and not counted (job start, JIT)
     * @param quietPeriod a week is complete once no forecast of it appeared for this long
     * @param maxWait longest wait for a week's forecasts before the next week is closed anyway
     */
    record Pacing(double ratePerSecond, int historyWeeks, int weekCloses, int warmUpCloses, Duration quietPeriod, Duration maxWait) {}

    static final long POLL_MILLIS = 10;
    private static final Duration CATCH_UP_WAIT = Duration.ofMinutes(5);
    private static final int LONG_QUIET_FACTOR = 10;

    private final Pacing pacing;
    private final boolean details;

    WeekCloseLatencyProbe(Pacing pacing, boolean details) {
        this.pacing = pacing;
        this.details = details;
    }

    @Override
    public String title() {
        return "week close -> forecast visible in PG prediction_results and Redis ml:forecast";
    }

    /** The live history and, by message index, the week (epoch day of its Monday) each message closes. */
    record Plan(List<ProducerRecord<byte[], byte[]>> messages, Map<Integer, Long> closes) {}

    static Plan plan(Iterator<ProducerRecord<byte[], byte[]>> history, Duration outOfOrderness, Duration maxFutureSkew, int limit) {
        CdcDecoder decoder = new CdcDecoder(DemandForecastJob.NAME, maxFutureSkew);
        long delay = outOfOrderness.toMillis();
        List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
        Map<Integer, Long> closes = new HashMap<>();
        long nextToClose = Long.MIN_VALUE;
        while (history.hasNext()) {
            ProducerRecord<byte[], byte[]> record = history.next();
            DecodeResult decoded = decoder.decode(new CdcMessage(record.topic(), 0, messages.size(), 0L, record.key(), record.value()));
            if (decoded instanceof DecodeResult.Change c && c.change().table() == MirrorTable.SALES_ORDERS && !c.change().isDelete()) {
                long orderedAt = c.change().eventTime().toEpochMilli();
                if (nextToClose == Long.MIN_VALUE) {
                    nextToClose = WeeklyHistory.weekOf(orderedAt);
                }
                // Every week before the one holding (orderedAt - delay) is closed; only the newest gets forecasts.
                long closed = WeeklyHistory.weekOf(orderedAt - delay) - 7;
                if (closed >= nextToClose) {
                    if (closes.size() == limit) {
                        // The messages after the last measured close are sent too: both source
                        // subtasks must see one past the week's end before the watermark moves.
                        break;
                    }
                    closes.put(messages.size(), closed);
                    nextToClose = closed + 7;
                }
            }
            messages.add(record);
        }
        return new Plan(messages, closes);
    }

    @Override
    public void run(Live live) throws Exception {
        Plan plan = plan(live.history().get(), live.options().eventTime().outOfOrderness(), live.options().eventTime().maxFutureSkew(),
                pacing.historyWeeks() + pacing.warmUpCloses() + pacing.weekCloses());
        Poller poller = new Poller(live);
        Thread pollThread = new Thread(poller, "bench-week-close-poller");
        pollThread.setDaemon(true);
        pollThread.start();
        long started = System.nanoTime();
        List<Long> measured = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KafkaLoad.producer(live.bootstrap())) {
            long resumed = System.nanoTime();
            long sentSinceResume = 0;
            Long previousWeek = null;
            int closesSeen = 0;
            for (int i = 0; i < plan.messages().size(); i++) {
                Long closes = plan.closes().get(i);
                boolean history = closes != null && ++closesSeen < pacing.historyWeeks();
                if (closes != null && !history) {
                    if (previousWeek != null) {
                        // The history sent unpaced is caught up with once its last week's forecasts are in.
                        poller.awaitComplete(previousWeek, measured.isEmpty() ? CATCH_UP_WAIT.plus(pacing.maxWait()) : pacing.maxWait());
                    } else {
                        producer.flush();
                        started = System.nanoTime();
                    }
                    poller.closing(closes, System.nanoTime());
                    if (closesSeen > pacing.historyWeeks()) {
                        measured.add(closes);
                    }
                    previousWeek = closes;
                    resumed = System.nanoTime();
                    sentSinceResume = 0;
                    producer.send(plan.messages().get(i), (metadata, error) -> {
                        if (error == null) {
                            poller.acks.put(closes, System.nanoTime());
                        }
                    });
                } else {
                    producer.send(plan.messages().get(i));
                }
                sentSinceResume++;
                if (previousWeek != null && sentSinceResume % 50 == 0) {
                    long aheadNanos = (long) (sentSinceResume / pacing.ratePerSecond() * 1e9) - (System.nanoTime() - resumed);
                    if (aheadNanos > 5_000_000) {
                        Thread.sleep(aheadNanos / 1_000_000);
                    }
                }
            }
            producer.flush();
            if (previousWeek != null) {
                poller.awaitComplete(previousWeek, pacing.maxWait());
            }
        } finally {
            poller.stop();
            pollThread.join(5_000);
        }
        poller.rethrow();
        List<Long> counted = measured.subList(Math.min(pacing.warmUpCloses(), measured.size()), measured.size());
        report(live, poller, counted, BenchSupport.secondsSince(started));
    }

    private void report(Live live, Poller poller, List<Long> weeks, double seconds) throws Exception {
        List<Double> lastSeries = new ArrayList<>();
        List<Double> firstSeries = new ArrayList<>();
        List<Double> eachSeries = new ArrayList<>();
        long unobserved = 0;
        long timedOut = 0;
        Map<Long, Long> finalCounts = poller.finalCounts(weeks);
        for (long week : weeks) {
            long trigger = poller.triggers.get(week);
            List<Long> visible = poller.visibleTimes(week);
            unobserved += finalCounts.getOrDefault(week, 0L) - visible.size();
            if (visible.isEmpty()) {
                timedOut++;
                continue;
            }
            double first = Double.MAX_VALUE;
            double last = 0;
            for (long at : visible) {
                double ms = (at - trigger) / 1e6;
                eachSeries.add(ms);
                first = Math.min(first, ms);
                last = Math.max(last, ms);
            }
            firstSeries.add(first);
            lastSeries.add(last);
            if (details) {
                live.out().printf(java.util.Locale.ROOT, "    week %s: %d series, first %.0f ms, last %.0f ms, closing message acknowledged after %.0f ms%n",
                        LocalDate.ofEpochDay(week), visible.size(), first, last, (poller.acks.getOrDefault(week, trigger) - trigger) / 1e6);
            }
        }
        live.out().printf("    %d week closes measured (after %d weeks of history sent unpaced and %d warm-up closes) in %.0f s,"
                        + " %,.0f series each on average; live rate between closes %,.0f messages/s%n",
                weeks.size(), pacing.historyWeeks(), pacing.warmUpCloses(), seconds, eachSeries.size() / (double) Math.max(1, lastSeries.size()),
                pacing.ratePerSecond());
        live.out().printf("    week close -> all its series' forecasts visible: %s week closes%n", summary(lastSeries).describe());
        live.out().printf("    week close -> first series' forecast visible:   %s week closes%n", summary(firstSeries).describe());
        live.out().printf("    week close -> each series' forecast visible:    %s series-weeks%n", summary(eachSeries).describe());
        if (unobserved > 0 || timedOut > 0) {
            live.out().printf("    NOT MEASURED: %,d series-weeks in PG never seen with their Redis key within %s; %d week closes with no forecast%n",
                    unobserved, pacing.maxWait(), timedOut);
        }
    }

    private static LatencySummary summary(List<Double> millis) {
        return LatencySummary.of(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Polls PG and Redis for the forecasts of closed weeks and notes when each series' became visible. */
    private final class Poller implements Runnable {
        private final Live live;
        final Map<Long, Long> triggers = new ConcurrentHashMap<>();
        final Map<Long, Long> acks = new ConcurrentHashMap<>();
        private final Map<Long, CompletableFuture<Void>> complete = new ConcurrentHashMap<>();
        /** week -> series -> when its PG row was first seen. */
        private final Map<Long, Map<String, Long>> inPg = new ConcurrentHashMap<>();
        /** week -> series -> when PG row and Redis key were both seen. */
        private final Map<Long, Map<String, Long>> visible = new ConcurrentHashMap<>();
        private final Map<Long, Long> lastGrowth = new ConcurrentHashMap<>();
        private int largestWeek;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean running = true;

        Poller(Live live) {
            this.live = live;
        }

        void closing(long week, long atNanos) {
            inPg.put(week, new ConcurrentHashMap<>());
            visible.put(week, new ConcurrentHashMap<>());
            complete.put(week, new CompletableFuture<>());
            triggers.put(week, atNanos);
        }

        void awaitComplete(long week, Duration maxWait) throws Exception {
            try {
                complete.get(week).get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Reported as series-weeks not measured; the next week closes anyway.
            }
            rethrow();
        }

        List<Long> visibleTimes(long week) {
            return new ArrayList<>(visible.get(week).values());
        }

        void stop() {
            running = false;
        }

        void rethrow() throws Exception {
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        @Override
        public void run() {
            try (Connection c = live.pg().connect(); RedisClient redis = RedisClient.create(URI.create(live.redisUrl()))) {
                c.setAutoCommit(true);
                PreparedStatement rows = c.prepareStatement("SELECT product_code, region, origin_week FROM flowcast.prediction_results"
                        + " WHERE channel = 'units' AND step = 1 AND origin_week >= ?");
                while (running) {
                    poll(rows, redis);
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (Exception e) {
                failure.set(e);
                complete.values().forEach(f -> f.complete(null));
            }
        }

        private void poll(PreparedStatement rows, RedisClient redis) throws Exception {
            List<Long> pending = complete.entrySet().stream().filter(e -> !e.getValue().isDone()).map(Map.Entry::getKey).sorted().toList();
            if (pending.isEmpty()) {
                return;
            }
            // A statement reads the rows committed when it starts: that instant is when they were visible by.
            long pgAt = System.nanoTime();
            rows.setDate(1, Date.valueOf(LocalDate.ofEpochDay(pending.get(0))));
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    long week = rs.getObject(3, LocalDate.class).toEpochDay();
                    Map<String, Long> seen = inPg.get(week);
                    if (seen != null && pending.contains(week)) {
                        seen.putIfAbsent(rs.getString(1) + ":" + rs.getString(2), pgAt);
                    }
                }
            }
            long redisAt = System.nanoTime();
            for (long week : pending) {
                Map<String, Long> shown = visible.get(week);
                List<String> waiting = inPg.get(week).keySet().stream().filter(s -> !shown.containsKey(s)).toList();
                if (!waiting.isEmpty()) {
                    String[] keys = waiting.stream().map(s -> RedisKeys.forecast(s.split(":")[0], s.split(":")[1])).toArray(String[]::new);
                    List<String> values = redis.mget(keys);
                    for (int i = 0; i < keys.length; i++) {
                        if (values.get(i) != null && originWeek(values.get(i)) >= week) {
                            shown.put(waiting.get(i), Math.max(inPg.get(week).get(waiting.get(i)), redisAt));
                            lastGrowth.put(week, redisAt);
                        }
                    }
                }
                long quiet = System.nanoTime() - lastGrowth.getOrDefault(week, Long.MAX_VALUE);
                // Series only join between closes (an idle one is dropped after weeks), so a week is
                // complete once it has as many as the largest earlier one and nothing came for a
                // while; a long silence ends it anyway.
                if (!shown.isEmpty() && quiet >= pacing.quietPeriod().toNanos()
                        && (shown.size() >= largestWeek || quiet >= LONG_QUIET_FACTOR * pacing.quietPeriod().toNanos())) {
                    largestWeek = Math.max(largestWeek, shown.size());
                    complete.get(week).complete(null);
                }
            }
        }

        /** Series with a forecast row per week, read once the run is over. */
        Map<Long, Long> finalCounts(List<Long> weeks) throws Exception {
            Map<Long, Long> counts = new HashMap<>();
            try (Connection c = live.pg().connect(); PreparedStatement st = c.prepareStatement(
                    "SELECT origin_week, count(*) FROM flowcast.prediction_results WHERE channel = 'units' AND step = 1 GROUP BY origin_week")) {
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long week = rs.getObject(1, LocalDate.class).toEpochDay();
                        if (weeks.contains(week)) {
                            counts.put(week, rs.getLong(2));
                        }
                    }
                }
                c.commit();
            }
            return counts;
        }
    }

    /** {@code origin_week} of an {@code ml:forecast} JSON value, as an epoch day. */
    static long originWeek(String json) {
        int at = json.indexOf("\"origin_week\":\"") + "\"origin_week\":\"".length();
        return LocalDate.parse(json.substring(at, at + 10)).toEpochDay();
    }
}
