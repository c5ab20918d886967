package io.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.registry.Stage;
import io.flowcast.router.MethodRouter;
import io.flowcast.sql.ScratchDatabase;
import io.flowcast.training.TrainingOutcome;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * TrainingJob in a MiniCluster against a scratch database: the first run promotes version 1;
 * then the demand turns intermittent, and the second run detects the drift (drift_events,
 * training_requests handled by the new version) and is judged against version 1 on the same
 * origins; a production artifact that no longer matches its checksum is not used as the bar.
 */
class TrainingJobITCase {

    static final LocalDate FIRST_WEEK = LocalDate.parse("2023-01-02");
    static final int SERIES = 24;

    @Test
    void trainsRegistersPromotesAndDetectsDrift() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("training"); Connection c = db.connect()) {
            Random random = new Random(17);
            insertWeeks(c, random, 0, 80, false);
            insertClassification(c, FIRST_WEEK.plusWeeks(78));
            FlowcastConfig config = FlowcastConfig.load(null, List.of("postgres.url=" + db.url(),
                    "models.training.origins=3", "models.training.horizon=8", "models.router.rounds=20"));

            long start = System.nanoTime();
            TrainingOutcome first = TrainingJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), config);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.stage()).isEqualTo(Stage.PRODUCTION);
            assertThat(first.series()).isEqualTo(SERIES);
            assertThat(first.samples()).isEqualTo(SERIES * 3);
            assertThat(first.drifted()).isZero();
            assertThat(seconds).isLessThan(60);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT stage, artifact, artifact_sha256, training_to, metrics->'candidate'->'router'->>'mase' "
                            + "FROM flowcast.model_registry WHERE name = 'router' AND version = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("production");
                byte[] artifact = rs.getBytes(2);
                assertThat(MethodRouter.sha256(artifact)).isEqualTo(rs.getString(3));
                try (MethodRouter loaded = MethodRouter.fromBytes(artifact)) {
                    assertThat(loaded.methods()).contains("croston", "theta");
                }
                assertThat(rs.getDate(4).toLocalDate()).isEqualTo(FIRST_WEEK.plusWeeks(78)); // last week left out
                assertThat(Double.parseDouble(rs.getString(5))).isPositive();
            }
            assertThat(count(c, "SELECT count(*) FROM flowcast.classification_results "
                    + "WHERE kmeans_cluster IS NOT NULL AND cluster_model_version = 1")).isEqualTo(SERIES);

            // Demand turns sporadic: 40 more weeks, mostly zeros.
            insertWeeks(c, random, 80, 40, true);
            TrainingOutcome second = TrainingJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), config);
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.drifted()).isPositive();
            assertThat(second.productionError()).isFinite();
            assertThat(second.reason()).containsAnyOf("better:", "worse:", "not better by the margin:");
            assertThat(count(c, "SELECT count(*) FROM flowcast.drift_events WHERE feature = 'zero_share' "
                    + "AND p_value < 0.05 AND model_version = 1")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM flowcast.training_requests WHERE status = 'done' "
                    + "AND handled_version = 2")).isEqualTo(second.drifted());
            assertThat(count(c, "SELECT count(*) FROM flowcast.model_performance_history")).isEqualTo(3);
            assertThat(count(c, "SELECT count(*) FROM flowcast.model_registry WHERE stage = 'production'")).isEqualTo(1);

            // A production artifact that fails its checksum is no bar to clear: the candidate is promoted.
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE flowcast.model_registry SET artifact = '\\x00' WHERE stage = 'production'");
            }
            TrainingOutcome third = TrainingJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), config);
            assertThat(third.stage()).isEqualTo(Stage.PRODUCTION);
            assertThat(third.reason()).startsWith("no comparable production model");
        }
    }

    static void insertWeeks(Connection c, Random random, int fromWeek, int weeks, boolean sporadic) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO flowcast.weekly_sales "
                + "(product_code, region, week_start, units, revenue) VALUES (?, ?, ?, ?, ?)")) {
            for (int s = 0; s < SERIES; s++) {
                boolean intermittent = s % 2 == 0;
                for (int w = fromWeek; w < fromWeek + weeks; w++) {
                    double units;
                    if (sporadic) {
                        units = random.nextDouble() < 0.1 ? 5 + random.nextInt(10) : 0;
                    } else if (intermittent) {
                        units = random.nextDouble() < 0.3 ? 5 + random.nextInt(10) : 0;
                    } else {
                        units = Math.round(40 + 0.5 * w + 10 * Math.sin(w / 4.0) + 3 * random.nextGaussian());
                    }
                    if (units == 0) {
                        continue; // weekly_sales has rows for weeks with sales only
                    }
                    st.setString(1, "P" + s);
                    st.setString(2, "SP");
                    st.setDate(3, Date.valueOf(FIRST_WEEK.plusWeeks(w)));
                    st.setDouble(4, units);
                    st.setDouble(5, units * 10);
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    static void insertClassification(Connection c, LocalDate week) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO flowcast.classification_results "
                + "(product_code, region, as_of_week, xyz, pattern, cv2, cv) VALUES (?, 'SP', ?, 'X', 'SMOOTH', 0, 0)")) {
            for (int s = 0; s < SERIES; s++) {
                st.setString(1, "P" + s);
                st.setDate(2, Date.valueOf(week));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
