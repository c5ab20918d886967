package io.flowcast.cluster;

import io.flowcast.generator.WarehouseSqlWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The local source warehouse database that Debezium reads (demo, {@code generate --warehouse-create}). */
public final class WarehouseDatabase {

    private WarehouseDatabase() {}

    /** Creates the database of {@code jdbcUrl} when it does not exist, then its tables (idempotent). */
    public static void create(String jdbcUrl, String user, String password) throws SQLException, IOException {
        String database = jdbcUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("warehouse database name '" + database + "' must be a plain identifier");
        }
        String server = jdbcUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1");
        try (Connection c = DriverManager.getConnection(server, user, password);
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            WarehouseSqlWriter.createTables(c);
        }
    }
}
