package io.flowcast.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.sql.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The registry's SQL against a migrated scratch database on the real PostgreSQL. */
class ModelRegistryStoreITCase {

    @Test
    void candidatesArePromotedOrArchivedAndOneProductionRemains() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.create("registry"); Connection c = db.connect()) {
            ModelRegistryStore store = new ModelRegistryStore(c);
            PromotionPolicy policy = new PromotionPolicy(0.01);
            byte[] art = {1, 2, 3};
            int v1 = store.registerCandidate("router", "xgboost-router", "{\"mase\": 1.0}",
                    LocalDate.parse("2024-01-01"), LocalDate.parse("2025-06-30"), 900, art, "abc");
            assertThat(v1).isEqualTo(1);
            store.conclude("router", v1, policy.decide(1.0, OptionalDouble.empty(), ""), "test");
            int v2 = store.registerCandidate("router", "xgboost-router", "{}", null, null, 900, art, "abc");
            store.conclude("router", v2, policy.decide(1.2, OptionalDouble.of(1.0), ""), "test");
            int v3 = store.registerCandidate("router", "xgboost-router", "{}", null, null, 900, art, "abc");
            store.conclude("router", v3, policy.decide(0.8, OptionalDouble.of(1.0), ""), "test");

            RegisteredModel production = store.production("router").orElseThrow();
            assertThat(production.version()).isEqualTo(3);
            assertThat(production.label()).isEqualTo("router-3");
            assertThat(production.promotedBy()).isEqualTo("test");
            assertThat(production.artifact()).containsExactly(1, 2, 3);
            assertThat(store.find("router", 1).orElseThrow().stage()).isEqualTo(Stage.ARCHIVED);
            assertThat(store.find("router", 1).orElseThrow().stageReason()).isEqualTo("replaced by version 3");
            assertThat(store.find("router", 2).orElseThrow().stageReason()).startsWith("worse:");
            assertThatThrownBy(() -> store.conclude("router", 2, policy.decide(0.1, OptionalDouble.empty(), ""), "x"))
                    .hasMessageContaining("not a candidate");
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM flowcast.model_registry WHERE stage = 'production'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void driftWritesAnEventAndATrainingRequest() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.create("drift"); Connection c = db.connect()) {
            ModelRegistryStore store = new ModelRegistryStore(c);
            DriftDetector.Finding f = new DriftDetector(0.05, 5).test("cv",
                    new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
            long id = store.recordDrift("router", 3, f, null, null, LocalDate.parse("2025-01-06"), null);
            assertThat(store.pendingTrainingRequests("router")).hasSize(1);
            store.markHandled(store.pendingTrainingRequests("router"), 4);
            assertThat(store.pendingTrainingRequests("router")).isEmpty();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT feature, p_value, r.reason, r.handled_version FROM flowcast.drift_events d "
                            + "JOIN flowcast.training_requests r USING (drift_id) WHERE drift_id = " + id)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("cv");
                assertThat(rs.getDouble(2)).isEqualTo(f.pValue());
                assertThat(rs.getString(3)).startsWith("drift in cv (KS D=1.000");
                assertThat(rs.getInt(4)).isEqualTo(4);
            }
        }
    }
}
