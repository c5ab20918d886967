package io.flowcast.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.features.DemandFeatures;
import io.flowcast.records.DemandProfile;
import io.flowcast.records.PredictionRow;
import io.flowcast.records.WeeklyPoint;
import java.math.BigDecimal;
import io.flowcast.sql.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The set-based upserts of DemandForecastJob's tables against a real PostgreSQL scratch database. */
class UnnestSinkITCase {

    private static final long ORIGIN = LocalDate.of(2025, 3, 3).toEpochDay();
    private static ScratchDatabase db;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = ScratchDatabase.create("predictionsink");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static List<PredictionRow> forecast(String request, double level) {
        List<PredictionRow> rows = new ArrayList<>();
        for (int step = 1; step <= 26; step++) {
            double yhat = level + step / 3.0;
            rows.add(new PredictionRow("P1", "SP", ORIGIN, "units", step, ORIGIN + 7L * step, "dotm", "rules-1",
                    yhat, yhat - 0.1, yhat + 0.1, "pattern smooth; method dotm", request));
        }
        return rows;
    }

    private static void upsert(Connection c, List<PredictionRow> rows) throws Exception {
        PredictionResultsTable table = new PredictionResultsTable();
        UnnestSink.upsert(c, table, table.statement(), rows);
    }

    @Test
    void upsertsEveryStepExactlyAndARewriteReplacesTheValues() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            upsert(c, forecast("", 10));
            upsert(c, forecast("42", 5));
            c.commit();
            upsert(c, forecast("", 20));
            c.commit();

            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT request_id, step, target_week, yhat, lo80, hi80, explanation"
                            + " FROM flowcast.prediction_results ORDER BY request_id, step")) {
                List<PredictionRow> expected = new ArrayList<>(forecast("", 20));
                expected.addAll(forecast("42", 5));
                int i = 0;
                while (rs.next()) {
                    PredictionRow e = expected.get(i++);
                    assertThat(rs.getString(1)).isEqualTo(e.requestId());
                    assertThat(rs.getInt(2)).isEqualTo(e.step());
                    assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.ofEpochDay(e.targetWeekEpochDay()));
                    // Bit-exact: the float8 arrays' text form round-trips.
                    assertThat(rs.getDouble(4)).isEqualTo(e.yhat());
                    assertThat(rs.getDouble(5)).isEqualTo(e.lo80());
                    assertThat(rs.getDouble(6)).isEqualTo(e.hi80());
                    assertThat(rs.getString(7)).isEqualTo(e.explanation());
                }
                assertThat(i).isEqualTo(52);
            }
        }
    }

    @Test
    void weeklySalesCountsCorrectionsAndClassificationsWriteAnUndefinedAdiAsNull() throws Exception {
        long week = ORIGIN;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            WeeklySalesTable weekly = new WeeklySalesTable();
            UnnestSink.upsert(c, weekly, weekly.statement(), List.of(
                    new WeeklyPoint("P1", "SP", week, new BigDecimal("2.500"), new BigDecimal("25.0000001"), false),
                    new WeeklyPoint("P1", "GO", week, BigDecimal.ZERO, BigDecimal.ZERO, false)));
            UnnestSink.upsert(c, weekly, weekly.statement(), List.of(
                    new WeeklyPoint("P1", "SP", week, new BigDecimal("3.500"), new BigDecimal("35"), true),
                    new WeeklyPoint("P1", "GO", week, BigDecimal.ZERO, BigDecimal.ZERO, false)));
            ClassificationResultsTable classes = new ClassificationResultsTable();
            DemandFeatures none = new DemandFeatures(3, 0, 0, Double.POSITIVE_INFINITY, 0, 1, 0, 0, 0, 0.1);
            UnnestSink.upsert(c, classes, classes.statement(), List.of(
                    new DemandProfile("P1", "GO", week, none, "NO_DEMAND", "X", "{}", "h", true)));
            c.commit();

            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT region, units, revenue, corrections FROM flowcast.weekly_sales ORDER BY region")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("GO");
                assertThat(rs.getInt(4)).as("rewritten unchanged").isZero();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("3.5");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("35");
                assertThat(rs.getInt(4)).as("rewritten with new totals").isEqualTo(1);
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pattern, adi, cv2 FROM flowcast.classification_results")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("NO_DEMAND");
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getDouble(3)).isZero();
            }
        }
    }
}
