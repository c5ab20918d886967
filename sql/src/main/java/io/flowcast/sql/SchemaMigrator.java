package io.flowcast.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies Flowcast's PostgreSQL migrations ({@code classpath:db/migration}) with Flyway.
 *
 * <p>Creates the database when it is missing (connecting to the {@code postgres} maintenance
 * database of the same server) and the {@code flowcast} schema. Running it again is a no-op.
 */
public final class SchemaMigrator {

    /** Schema that holds every Flowcast table. */
    public static final String SCHEMA = "flowcast";

    private static final Pattern JDBC_URL =
            Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");

    private final String url;
    private final String user;
    private final String password;

    public SchemaMigrator(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
    }

    /** Creates the database if needed, then migrates; returns the number of migrations applied. */
    public int migrate() throws SQLException {
        ensureDatabase();
        MigrateResult result =
                Flyway.configure()
                        .dataSource(url, user, password)
                        .schemas(SCHEMA)
                        .createSchemas(true)
                        // Version ranges belong to areas (V20s retention/roles, V40s models, ...)
                        // that land in any order: a database already past V40 must still take a
                        // V2x that arrives later. Each range only builds on lower, older ones.
                        .outOfOrder(true)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
        return result.migrationsExecuted;
    }

    /** Creates the database named in the JDBC URL when it does not exist. */
    public boolean ensureDatabase() throws SQLException {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/db URL: " + url);
        }
        String database = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            } catch (SQLException e) {
                // 42P04 duplicate_database: another process created it between our check and now.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
            return true;
        }
    }
}
