package io.flowcast.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Applies all migrations to a brand-new database on the tests' PostgreSQL server, twice. */
class SchemaMigratorTest {

    private static final String SERVER = ScratchDatabase.SERVER;
    private static final String USER = ScratchDatabase.USER;

    private final String database = "flowcast_migtest_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void createsDatabaseAndAppliesEveryMigrationThenIsIdempotent() throws Exception {
        SchemaMigrator migrator = new SchemaMigrator(SERVER + database, USER, null);

        int first = migrator.migrate();
        int second = migrator.migrate();

        assertThat(first).isGreaterThanOrEqualTo(2);
        assertThat(second).isZero();
        assertThat(tables())
                .contains(
                        "ml_product_master",
                        "ml_inventory_transactions",
                        "ml_stock_levels",
                        "ml_sales_orders",
                        "ml_purchases",
                        "dead_letter",
                        "data_quality_events",
                        "inventory_alerts",
                        "weekly_sales",
                        "feature_store",
                        "classification_results",
                        "v_current_classification",
                        "v_data_quality_summary",
                        "v_dead_letter_summary");
        assertThat(migrator.ensureDatabase()).as("database already exists").isFalse();
    }

    @Test
    void migratesAgainAfterTheSchemaWasDroppedWithItsPublicationLeftBehind() throws Exception {
        SchemaMigrator migrator = new SchemaMigrator(SERVER + database, USER, null);
        migrator.migrate();
        try (Connection c = DriverManager.getConnection(SERVER + database, USER, null);
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA flowcast CASCADE");
            assertThat(count(st, "SELECT count(*) FROM pg_publication WHERE pubname = 'flowcast_forecast_requests'"))
                    .as("the publication outlives the schema").isEqualTo(1);
        }

        assertThat(migrator.migrate()).isGreaterThanOrEqualTo(9);

        try (Connection c = DriverManager.getConnection(SERVER + database, USER, null);
                Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'flowcast_forecast_requests'"
                    + " AND schemaname = 'flowcast' AND tablename = 'forecast_requests'")).isEqualTo(1);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SERVER + database, USER, null);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'flowcast'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
