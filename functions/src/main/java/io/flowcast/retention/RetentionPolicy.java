package io.flowcast.retention;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code retention_policies}: exactly one of {@code keepDays} and {@code keepLastOrigins} is set. */
public record RetentionPolicy(String name, String family, Integer keepDays, Integer keepLastOrigins,
        boolean archive, boolean enabled, int batchPages) {

    public RetentionPolicy {
        if ((keepDays == null) == (keepLastOrigins == null)) {
            throw new IllegalArgumentException("policy " + name + ": set exactly one of keep_days and keep_last_origins");
        }
        if (batchPages < 1) {
            throw new IllegalArgumentException("policy " + name + ": batch_pages must be positive");
        }
    }

    /** The rule in words, as retention_history records it. */
    public String rule() {
        return (keepDays != null ? "keep " + keepDays + " days" : "keep the last " + keepLastOrigins + " origins per series")
                + (archive ? ", archive" : "");
    }

    public static List<RetentionPolicy> load(Connection c) throws SQLException {
        List<RetentionPolicy> policies = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT policy_name, family, keep_days, keep_last_origins, archive, enabled,"
                        + " batch_pages FROM flowcast.retention_policies ORDER BY policy_name")) {
            while (rs.next()) {
                policies.add(new RetentionPolicy(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7)));
            }
        }
        return policies;
    }
}
