package io.flowcast.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.PredictionRow;
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

/** The set-based prediction upsert against a real PostgreSQL scratch database. */
class PredictionSinkTest {

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

    @Test
    void upsertsEveryStepExactlyAndARewriteReplacesTheValues() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            PredictionSink.upsert(c, forecast("", 10));
            PredictionSink.upsert(c, forecast("42", 5));
            c.commit();
            PredictionSink.upsert(c, forecast("", 20));
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
}
