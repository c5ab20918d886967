package io.flowcast.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Polling a live job's PostgreSQL output from an ITCase. */
public final class PgWait {

    private PgWait() {}

    /** Until {@code booleanQuery} returns true, polled every 50 ms; fails after {@code wait}. */
    public static void waitFor(Connection c, String what, String booleanQuery, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(booleanQuery)) {
                if (rs.next() && rs.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Until weekly_sales and prediction_results have not changed for 3 s (or {@code wait} passed). */
    public static void waitForQuiescence(Connection c, Duration wait) throws Exception {
        String counts = "SELECT (SELECT count(*) FROM flowcast.weekly_sales) * 1000000 + (SELECT count(*) FROM flowcast.prediction_results)";
        long deadline = System.nanoTime() + wait.toNanos();
        long last = -1;
        int stable = 0;
        while (System.nanoTime() < deadline && stable < 6) {
            long now = scalar(c, counts);
            stable = now == last ? stable + 1 : 0;
            last = now;
            Thread.sleep(500);
        }
    }

    public static long scalar(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
