package io.flowcast.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.sql.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RetentionRunner with the default policies (V20) on a scratch database: the dry run counts
 * exactly what execution then deletes, in batches of one page; the scheduled forecasts keep the
 * last 30 origins of each series and go to the archive first; answers, errors and dead letters
 * keep their days; history rows per policy and run; a broken policy fails alone.
 */
class RetentionRunnerITCase {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    /** Origins per series: series A has 40, B has 31, C has 12 (under the 30 kept). */
    private static final Map<String, Integer> ORIGINS = Map.of("A", 40, "B", 31, "C", 12);
    private static final int ROWS_PER_ORIGIN = 2 * 3;

    private ScratchDatabase db;
    private Connection c;

    @BeforeEach
    void load() throws Exception {
        db = ScratchDatabase.create("retention_it");
        c = db.connect();
        try (Statement st = c.createStatement()) {
            for (var series : ORIGINS.entrySet()) {
                st.execute("INSERT INTO flowcast.prediction_results (product_code, region, origin_week, channel, step,"
                        + " target_week, method, model_version, yhat, lo80, hi80, explanation, request_id)"
                        + " SELECT 'P" + series.getKey() + "', 'SP', DATE '" + FIRST + "' + 7 * o, ch, s, DATE '" + FIRST
                        + "' + 7 * (o + s), 'dotm', 'rules-1', o + s, o, o + 2 * s, 'origin ' || o, ''"
                        + " FROM generate_series(0, " + (series.getValue() - 1) + ") o, unnest(ARRAY['units', 'revenue']) ch,"
                        + " generate_series(1, 3) s");
            }
            // Answers to requests 1..10; the odd ones written 45 days ago (the policy keeps 30).
            st.execute("INSERT INTO flowcast.prediction_results (product_code, region, origin_week, channel, step,"
                    + " target_week, method, model_version, yhat, lo80, hi80, request_id, created_at)"
                    + " SELECT 'PA', 'SP', DATE '" + FIRST + "', 'units', s, DATE '" + FIRST + "' + 7 * s, 'dotm', 'rules-1',"
                    + " 1, 0, 2, q::text, now() - make_interval(days => CASE WHEN q % 2 = 1 THEN 45 ELSE 2 END)"
                    + " FROM generate_series(1, 10) q, generate_series(1, 4) s");
            // Forecast errors over 160 weeks: the policy keeps 728 days back from the newest week.
            st.execute("INSERT INTO flowcast.forecast_errors (product_code, region, target_week, channel, origin_week,"
                    + " lead_weeks, method, model_version, actual, forecast)"
                    + " SELECT 'PA', 'SP', DATE '2022-01-03' + 7 * w, 'units', DATE '2022-01-03' + 7 * (w - 1), 1, 'dotm',"
                    + " 'rules-1', w, w + 1 FROM generate_series(0, 159) w");
            // Dead letters 0.5 .. 119.5 days old: the policy keeps 90 days.
            st.execute("INSERT INTO flowcast.dead_letter (job, source_topic, source_partition, source_offset, reason,"
                    + " payload_bytes, created_at) SELECT 'it', 't', 0, d, 'BAD', 1,"
                    + " now() - make_interval(days => d, hours => 12) FROM generate_series(0, 119) d");
            // One page per batch: many batches over these small tables.
            st.execute("UPDATE flowcast.retention_policies SET batch_pages = 1");
            st.execute("UPDATE flowcast.retention_policies SET archive = true WHERE policy_name = 'scheduled-forecasts'");
        }
    }

    @AfterEach
    void drop() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void dryRunCountsWhatExecutionDeletesInBatchesAndTheHistoryRecordsBoth() throws Exception {
        long scheduledBefore = scalar("SELECT count(*) FROM flowcast.prediction_results WHERE request_id = ''");
        long expectedScheduled = (40 - 30) * ROWS_PER_ORIGIN + (31 - 30) * ROWS_PER_ORIGIN;
        // 160 weeks from 2022-01-03: the newest is week 159; kept are the weeks within 728 days (104 weeks) of it.
        long expectedErrors = 160 - 105;
        long expectedDeadLetters = 120 - 90;

        Map<String, RetentionOutcome> dry = byPolicy(new RetentionRunner(c, 0, line -> { }).run(false, Set.of()));

        assertThat(dry.get("scheduled-forecasts").rowsMatched()).isEqualTo(expectedScheduled);
        assertThat(dry.get("scheduled-forecasts").rowsTotal()).isEqualTo(scheduledBefore);
        assertThat(dry.get("request-answers").rowsMatched()).isEqualTo(5 * 4);
        assertThat(dry.get("forecast-errors").rowsMatched()).isEqualTo(expectedErrors);
        assertThat(dry.get("dead-letters").rowsMatched()).isEqualTo(expectedDeadLetters);
        assertThat(dry.get("audit-log").status()).isEqualTo("disabled");
        assertThat(dry.values()).allSatisfy(o -> assertThat(o.status()).isIn("ok", "disabled"));
        assertThat(scalar("SELECT count(*) FROM flowcast.prediction_results WHERE request_id = ''"))
                .as("a dry run deletes nothing").isEqualTo(scheduledBefore);
        List<String> keptOrigins = newestOrigins(30);

        Map<String, RetentionOutcome> run = byPolicy(new RetentionRunner(c, 0, line -> { }).run(true, Set.of()));

        assertThat(run.get("scheduled-forecasts").rowsDeleted()).isEqualTo(expectedScheduled);
        assertThat(run.get("scheduled-forecasts").rowsArchived()).isEqualTo(expectedScheduled);
        assertThat(run.get("scheduled-forecasts").batches()).isGreaterThan(1);
        assertThat(run.get("request-answers").rowsDeleted()).isEqualTo(20);
        assertThat(run.get("forecast-errors").rowsDeleted()).isEqualTo(expectedErrors);
        assertThat(run.get("dead-letters").rowsDeleted()).isEqualTo(expectedDeadLetters);
        assertThat(newestOrigins(Integer.MAX_VALUE)).as("each series keeps its 30 newest origins, all of them when fewer")
                .isEqualTo(keptOrigins);
        assertThat(originsPerSeries()).isEqualTo(Map.of("PA", 30L, "PB", 30L, "PC", 12L));
        assertThat(scalar("SELECT count(*) FROM flowcast.prediction_results WHERE request_id <> ''"
                + " AND created_at < now() - interval '30 days'")).isZero();
        assertThat(scalar("SELECT count(*) FROM flowcast.prediction_results WHERE request_id <> ''")).isEqualTo(20);
        // The archive holds exactly the deleted rows, values intact.
        assertThat(scalar("SELECT count(*) FROM flowcast.prediction_results_archive a WHERE a.request_id = ''"
                + " AND a.yhat = (a.origin_week - DATE '" + FIRST + "') / 7 + a.step AND a.archive_run IS NOT NULL"))
                .isEqualTo(expectedScheduled);
        assertThat(scalar("SELECT count(*) FROM flowcast.prediction_results p JOIN flowcast.prediction_results_archive a"
                + " USING (product_code, region, origin_week, channel, step, method, model_version, request_id)")).isZero();

        // History: one row per policy and run, dry run and execution.
        assertThat(scalar("SELECT count(DISTINCT run_id) FROM flowcast.retention_history")).isEqualTo(2);
        assertThat(scalar("SELECT count(*) FROM flowcast.retention_history")).isEqualTo(2L * dry.size());
        assertThat(scalar("SELECT rows_matched FROM flowcast.retention_history WHERE mode = 'dry-run'"
                + " AND policy_name = 'scheduled-forecasts'")).isEqualTo(expectedScheduled);
        assertThat(scalar("SELECT rows_deleted FROM flowcast.retention_history WHERE mode = 'execute'"
                + " AND policy_name = 'scheduled-forecasts'")).isEqualTo(expectedScheduled);

        Map<String, RetentionOutcome> again = byPolicy(new RetentionRunner(c, 0, line -> { }).run(true, Set.of()));
        assertThat(again.values()).allSatisfy(o -> assertThat(o.rowsDeleted()).isZero());
    }

    @Test
    void aBrokenPolicyFailsAloneAndRunsAreExclusive() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO flowcast.retention_policies (policy_name, family, keep_days) VALUES ('bogus', 'no_such_family', 3)");
            st.execute("INSERT INTO flowcast.retention_policies (policy_name, family, keep_last_origins)"
                    + " VALUES ('wrong-rule', 'dead_letter', 3)");
        }
        Map<String, RetentionOutcome> run = byPolicy(new RetentionRunner(c, 0, line -> { }).run(true, Set.of()));
        assertThat(run.get("bogus").status()).isEqualTo("failed");
        assertThat(run.get("bogus").detail()).contains("unknown family");
        assertThat(run.get("wrong-rule").status()).isEqualTo("failed");
        assertThat(run.get("scheduled-forecasts").status()).isEqualTo("ok");
        assertThat(run.get("scheduled-forecasts").rowsDeleted()).isPositive();
        assertThat(scalar("SELECT count(*) FROM flowcast.retention_history WHERE status = 'failed'")).isEqualTo(2);

        try (Connection other = db.connect(); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + 0x666c6f7772657431L + ")");
            assertThatThrownBy(() -> new RetentionRunner(c, 0, line -> { }).run(false, Set.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another retention run");
        }
    }

    private static Map<String, RetentionOutcome> byPolicy(List<RetentionOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(RetentionOutcome::policy, o -> o));
    }

    /** Per series, its newest {@code n} distinct origins, as "series origin" lines. */
    private List<String> newestOrigins(int n) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT product_code, origin_week FROM (SELECT product_code, origin_week,"
                        + " dense_rank() OVER (PARTITION BY product_code ORDER BY origin_week DESC) r"
                        + " FROM flowcast.prediction_results WHERE request_id = '') x WHERE r <= " + n
                        + " GROUP BY 1, 2 ORDER BY 1, 2")) {
            while (rs.next()) {
                lines.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return lines;
    }

    private Map<String, Long> originsPerSeries() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT product_code, count(DISTINCT origin_week)"
                + " FROM flowcast.prediction_results WHERE request_id = '' GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private long scalar(String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
