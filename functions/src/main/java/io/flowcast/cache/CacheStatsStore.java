package io.flowcast.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes a survey to PostgreSQL in one transaction: a {@code cache_stats} row per family plus one
 * for the server ({@code family = '*'}), and its checks as {@code data_quality_events} rows of job
 * {@code CacheMonitor} (the table the mirror's data-quality alerts already use). Keyed by the
 * survey time, so writing the same report twice changes nothing.
 */
public final class CacheStatsStore {

    public static final String JOB = "CacheMonitor";
    public static final String SERVER_FAMILY = "*";

    static final String STATS_SQL = "INSERT INTO flowcast.cache_stats (taken_at, family, window_start, keys, keys_without_ttl,"
            + " keys_over_ttl, ttl_policy_s, min_ttl_s, max_ttl_s, sampled, memory_bytes, max_memory_bytes, hits, misses,"
            + " hit_ratio, evicted_keys, expired_keys, latency_p50_us, latency_p99_us)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (taken_at, family) DO NOTHING";

    static final String CHECK_SQL = "INSERT INTO flowcast.data_quality_events (job, check_name, table_name, window_start,"
            + " window_end, passed, observed, threshold, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, jsonb_build_object('detail', ?::text))"
            + " ON CONFLICT (job, check_name, table_name, window_start) DO NOTHING";

    private CacheStatsStore() {}

    public static void write(Connection connection, CacheReport report, List<CacheCheck> checks) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Timestamp takenAt = Timestamp.from(report.takenAt());
            Timestamp windowStart = report.windowStart() == null ? null : Timestamp.from(report.windowStart());
            try (PreparedStatement st = connection.prepareStatement(STATS_SQL)) {
                ServerStats server = report.server();
                bindCommon(st, takenAt, SERVER_FAMILY, windowStart, server.keys());
                nulls(st, 5, 10);
                st.setLong(11, server.usedMemoryBytes());
                st.setLong(12, server.maxMemoryBytes());
                st.setLong(13, server.hits());
                st.setLong(14, server.misses());
                setDouble(st, 15, server.hitRatio());
                st.setLong(16, server.evictedKeys());
                st.setLong(17, server.expiredKeys());
                setDouble(st, 18, server.pingP50Micros());
                setDouble(st, 19, server.pingP99Micros());
                st.addBatch();
                for (FamilyStats family : report.families()) {
                    bindCommon(st, takenAt, family.family(), windowStart, family.keys());
                    st.setLong(5, family.keysWithoutTtl());
                    st.setLong(6, family.keysOverTtl());
                    st.setLong(7, family.ttlPolicySeconds());
                    st.setLong(8, family.minTtlSeconds());
                    st.setLong(9, family.maxTtlSeconds());
                    st.setInt(10, family.sampled());
                    st.setLong(11, family.memoryBytes());
                    nulls(st, 12, 17);
                    setDouble(st, 18, family.readP50Micros());
                    setDouble(st, 19, family.readP99Micros());
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = connection.prepareStatement(CHECK_SQL)) {
                for (CacheCheck check : checks) {
                    st.setString(1, JOB);
                    st.setString(2, check.check());
                    st.setString(3, check.target());
                    st.setTimestamp(4, windowStart == null ? takenAt : windowStart);
                    st.setTimestamp(5, takenAt);
                    st.setBoolean(6, check.passed());
                    setDouble(st, 7, check.observed());
                    setDouble(st, 8, check.threshold());
                    st.setString(9, check.detail());
                    st.addBatch();
                }
                st.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void bindCommon(PreparedStatement st, Timestamp takenAt, String family, Timestamp windowStart, long keys)
            throws SQLException {
        st.setTimestamp(1, takenAt);
        st.setString(2, family);
        st.setTimestamp(3, windowStart);
        st.setLong(4, keys);
    }

    private static void nulls(PreparedStatement st, int from, int to) throws SQLException {
        for (int i = from; i <= to; i++) {
            st.setNull(i, Types.BIGINT);
        }
    }

    private static void setDouble(PreparedStatement st, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            st.setNull(index, Types.DOUBLE);
        } else {
            st.setDouble(index, value);
        }
    }
}
