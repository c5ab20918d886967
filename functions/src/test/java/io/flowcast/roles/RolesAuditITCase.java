package io.flowcast.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowcast.sql.SchemaMigrator;
import io.flowcast.sql.ScratchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The roles of V21 and their audit trail, through login roles that are members of them (the way
 * people and jobs connect): an analyst reads views and writes nothing, an engineer writes
 * requests and policies but drops nothing and cannot touch the audit log, the jobs' writer role
 * fills job tables only; every change of an audited table leaves its audit row. Migrations of
 * several databases at once (roles are cluster-wide) all succeed.
 */
class RolesAuditITCase {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String ANALYST = "it_analyst_" + SUFFIX;
    private static final String ENGINEER = "it_engineer_" + SUFFIX;
    private static final String ADMIN = "it_admin_" + SUFFIX;
    private static final String WRITER = "it_writer_" + SUFFIX;

    private static ScratchDatabase db;

    @BeforeAll
    static void createLogins() throws Exception {
        db = ScratchDatabase.create("roles_it");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // The test server trusts local connections: no password needed (never one in code).
            st.execute("CREATE ROLE " + ANALYST + " LOGIN IN ROLE ml_analyst");
            st.execute("CREATE ROLE " + ENGINEER + " LOGIN IN ROLE ml_engineer");
            st.execute("CREATE ROLE " + ADMIN + " LOGIN IN ROLE ml_admin");
            st.execute("CREATE ROLE " + WRITER + " LOGIN IN ROLE flowcast_writer");
        }
    }

    @AfterAll
    static void dropLogins() throws Exception {
        if (db == null) {
            return;
        }
        db.close();
        try (Connection c = DriverManager.getConnection(ScratchDatabase.SERVER + "postgres", ScratchDatabase.USER, null);
                Statement st = c.createStatement()) {
            for (String role : List.of(ANALYST, ENGINEER, ADMIN, WRITER)) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void analystReadsViewsAndWritesNothing() throws Exception {
        try (Connection c = as(ANALYST); Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM flowcast.v_latest_forecast").close();
            st.executeQuery("SELECT count(*) FROM flowcast.v_forecast_requests").close();
            assertDenied(st, "INSERT INTO flowcast.forecast_requests (product_code, region) VALUES ('P1', 'SP')");
            assertDenied(st, "UPDATE flowcast.retention_policies SET keep_days = 1 WHERE policy_name = 'dead-letters'");
            assertDenied(st, "DELETE FROM flowcast.prediction_results");
            assertDenied(st, "SELECT count(*) FROM flowcast.prediction_results");
            assertDenied(st, "SELECT count(*) FROM flowcast.audit_log");
        }
    }

    @Test
    void engineerWritesRequestsAndPoliciesButDropsNothingAndEveryChangeIsAudited() throws Exception {
        long before = auditRows();
        try (Connection c = as(ENGINEER); Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM flowcast.prediction_results").close();
            st.execute("INSERT INTO flowcast.forecast_requests (product_code, region, horizon) VALUES ('P0001', 'SP', 8)");
            st.execute("UPDATE flowcast.forecast_requests SET horizon = 9 WHERE product_code = 'P0001'");
            st.execute("DELETE FROM flowcast.forecast_requests WHERE product_code = 'P0001'");
            st.execute("INSERT INTO flowcast.retention_policies (policy_name, family, keep_days) VALUES ('it', 'dead_letter', 7)");
            st.execute("UPDATE flowcast.retention_policies SET keep_days = 14 WHERE policy_name = 'it'");
            st.execute("DELETE FROM flowcast.retention_policies WHERE policy_name = 'it'");
            assertDenied(st, "DROP TABLE flowcast.prediction_results");
            assertDenied(st, "DROP TABLE flowcast.forecast_requests");
            assertDenied(st, "DROP SCHEMA flowcast CASCADE");
            assertDenied(st, "TRUNCATE flowcast.forecast_requests");
            assertDenied(st, "INSERT INTO flowcast.prediction_results (product_code, region, origin_week, channel, step,"
                    + " target_week, method, model_version, yhat, lo80, hi80) VALUES ('P', 'R', DATE '2025-01-06', 'units', 1,"
                    + " DATE '2025-01-13', 'm', 'v', 1, 0, 2)");
            assertDenied(st, "INSERT INTO flowcast.audit_log (table_name, operation, login_role, transaction_id)"
                    + " VALUES ('x', 'INSERT', 'nobody', 1)");
            assertDenied(st, "DELETE FROM flowcast.audit_log");
            assertDenied(st, "UPDATE flowcast.audit_log SET login_role = 'nobody'");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name, operation, login_role, coalesce(old_row ->> 'horizon', old_row ->> 'keep_days'),"
                        + " coalesce(new_row ->> 'horizon', new_row ->> 'keep_days')"
                        + " FROM flowcast.audit_log WHERE audit_id > " + before + " ORDER BY audit_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getString(4)),
                        String.valueOf(rs.getString(5))));
            }
            assertThat(rows).containsExactly(
                    "forecast_requests INSERT " + ENGINEER + " null 8",
                    "forecast_requests UPDATE " + ENGINEER + " 8 9",
                    "forecast_requests DELETE " + ENGINEER + " 9 null",
                    "retention_policies INSERT " + ENGINEER + " null 7",
                    "retention_policies UPDATE " + ENGINEER + " 7 14",
                    "retention_policies DELETE " + ENGINEER + " 14 null");
        }
    }

    @Test
    void adminTruncatesWithAnAuditRowAndRolesTakenWithSetRoleAreRecorded() throws Exception {
        long before = auditRows();
        try (Connection c = as(ADMIN); Statement st = c.createStatement()) {
            st.execute("SET ROLE ml_engineer");
            st.execute("INSERT INTO flowcast.forecast_requests (product_code, region) VALUES ('P0002', 'GO')");
            st.execute("RESET ROLE");
            st.execute("TRUNCATE flowcast.forecast_requests");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT operation, login_role, coalesce(acting_role, '-') FROM flowcast.audit_log WHERE audit_id > " + before
                        + " ORDER BY audit_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            assertThat(rows).containsExactly("INSERT " + ADMIN + " ml_engineer", "TRUNCATE " + ADMIN + " -");
        }
    }

    @Test
    void writerFillsJobTablesOnlyAndReadsRequestsAndPolicies() throws Exception {
        try (Connection c = as(WRITER); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flowcast.prediction_results (product_code, region, origin_week, channel, step,"
                    + " target_week, method, model_version, yhat, lo80, hi80) VALUES ('PW', 'SP', DATE '2025-01-06', 'units', 1,"
                    + " DATE '2025-01-13', 'm', 'v', 1, 0, 2)");
            st.execute("DELETE FROM flowcast.prediction_results WHERE product_code = 'PW'");
            st.execute("INSERT INTO flowcast.retention_history (run_id, policy_name, family, mode, status, rule, started_at,"
                    + " finished_at) VALUES (gen_random_uuid(), 'p', 'f', 'dry-run', 'ok', 'r', now(), now())");
            st.executeQuery("SELECT count(*) FROM flowcast.forecast_requests").close();
            st.executeQuery("SELECT count(*) FROM flowcast.retention_policies").close();
            assertDenied(st, "INSERT INTO flowcast.forecast_requests (product_code, region) VALUES ('P1', 'SP')");
            assertDenied(st, "UPDATE flowcast.retention_policies SET enabled = false");
            assertDenied(st, "SELECT count(*) FROM flowcast.audit_log");
            assertDenied(st, "DROP TABLE flowcast.weekly_sales");
        }
    }

    @Test
    void modelRegistryCreatedByALaterMigrationIsAudited() throws Exception {
        new SchemaMigrator(db.url(), ScratchDatabase.USER, null).migrate();
        long before = auditRows();
        try (Connection c = as(ENGINEER); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flowcast.training_requests (model_name, reason) VALUES ('router', 'by hand')");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(scalar(st, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'flowcast.model_registry'::regclass"
                    + " AND tgname IN ('audit_row_change', 'audit_truncate')")).isEqualTo(2);
            assertThat(scalar(st, "SELECT count(*) FROM flowcast.audit_log WHERE audit_id > " + before
                    + " AND table_name = 'training_requests' AND operation = 'INSERT' AND login_role = '" + ENGINEER + "'"))
                    .isEqualTo(1);
            assertThat(scalar(st, "SELECT count(*) FROM (SELECT has_table_privilege('ml_engineer', 'flowcast.model_registry', 'INSERT')"
                    + " AND NOT has_table_privilege('ml_analyst', 'flowcast.model_registry', 'SELECT') AS ok) x WHERE ok")).isEqualTo(1);
        }
    }

    @Test
    void severalDatabasesMigrateAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<ScratchDatabase> created = new ArrayList<>();
        try {
            List<Future<ScratchDatabase>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> ScratchDatabase.create("roles_par")));
            }
            for (Future<ScratchDatabase> f : futures) {
                created.add(f.get());
            }
            for (ScratchDatabase each : created) {
                try (Connection c = each.connect(); Statement st = c.createStatement()) {
                    assertThat(scalar(st, "SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_row_change'")).isEqualTo(4);
                }
            }
        } finally {
            pool.shutdown();
            for (ScratchDatabase each : created) {
                each.close();
            }
        }
    }

    private static Connection as(String role) throws SQLException {
        return DriverManager.getConnection(db.url(), role, null);
    }

    private static void assertDenied(Statement st, String sql) {
        assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo("42501"));
    }

    private static long auditRows() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            return scalar(st, "SELECT coalesce(max(audit_id), 0) FROM flowcast.audit_log");
        }
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
