package io.flowcast.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway database on the tests' real PostgreSQL server ({@link TestPostgres}) with every migration applied. Tests share the
 * server, never a database, so they cannot see each other's rows.
 */
public final class ScratchDatabase implements AutoCloseable {

    /** JDBC URL prefix of the tests' server ({@link TestPostgres}: their own unless told otherwise). */
    public static final String SERVER = TestPostgres.server();
    public static final String USER = System.getProperty("flowcast.test.pg.user", "postgres");

    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    /** Creates {@code flowcast_<prefix>_<random>} and migrates it. */
    public static ScratchDatabase create(String prefix) throws SQLException {
        ScratchDatabase db = new ScratchDatabase("flowcast_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
        new SchemaMigrator(db.url(), USER, null).migrate();
        return db;
    }

    public String name() {
        return name;
    }

    public String url() {
        return SERVER + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, null);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
