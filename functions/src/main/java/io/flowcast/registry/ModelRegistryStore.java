package io.flowcast.registry;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry tables (model_registry, model_performance_history, drift_events,
 * training_requests) over one JDBC connection. Each public method is one transaction; version
 * numbers are taken under a per-name advisory lock so two trainings never get the same one.
 */
public final class ModelRegistryStore {

    private static final String COLUMNS = "name, version, kind, stage, metrics::text, training_from, training_to, "
            + "series_count, artifact, artifact_sha256, stage_reason, created_at, promoted_at, promoted_by";

    private final Connection connection;

    public ModelRegistryStore(Connection connection) {
        this.connection = connection;
    }

    /** Registers a new candidate version (max + 1) and returns its version number. */
    public int registerCandidate(String name, String kind, String metricsJson, LocalDate trainingFrom,
            LocalDate trainingTo, int seriesCount, byte[] artifact, String artifactSha256) throws SQLException {
        return inTransaction(() -> {
            lock(name);
            int version;
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT coalesce(max(version), 0) + 1 FROM flowcast.model_registry WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO flowcast.model_registry (name, version, kind, stage, metrics, training_from, training_to, "
                            + "series_count, artifact, artifact_sha256) VALUES (?, ?, ?, 'candidate', ?::jsonb, ?, ?, ?, ?, ?)")) {
                st.setString(1, name);
                st.setInt(2, version);
                st.setString(3, kind);
                st.setString(4, metricsJson);
                setDate(st, 5, trainingFrom);
                setDate(st, 6, trainingTo);
                st.setInt(7, seriesCount);
                st.setBytes(8, artifact);
                st.setString(9, artifactSha256);
                st.executeUpdate();
            }
            return version;
        });
    }

    public Optional<RegisteredModel> production(String name) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM flowcast.model_registry WHERE name = ? AND stage = 'production'", name, null);
    }

    public Optional<RegisteredModel> find(String name, int version) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM flowcast.model_registry WHERE name = ? AND version = ?", name, version);
    }

    /**
     * Applies a promotion decision to a candidate: promoted -> the previous production version is
     * archived ("replaced by vN") and this one becomes production; otherwise archived with the
     * decision's reason.
     */
    public void conclude(String name, int version, PromotionPolicy.Decision decision, String by) throws SQLException {
        inTransaction(() -> {
            lock(name);
            if (decision.promote()) {
                try (PreparedStatement st = connection.prepareStatement(
                        "UPDATE flowcast.model_registry SET stage = 'archived', stage_reason = ? "
                                + "WHERE name = ? AND stage = 'production'")) {
                    st.setString(1, "replaced by version " + version);
                    st.setString(2, name);
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE flowcast.model_registry SET stage = ?, stage_reason = ?, "
                            + "promoted_at = CASE WHEN ? THEN now() END, promoted_by = CASE WHEN ? THEN ? END "
                            + "WHERE name = ? AND version = ? AND stage = 'candidate'")) {
                st.setString(1, decision.stage().sql());
                st.setString(2, decision.reason());
                st.setBoolean(3, decision.promote());
                st.setBoolean(4, decision.promote());
                st.setString(5, by);
                st.setString(6, name);
                st.setInt(7, version);
                if (st.executeUpdate() != 1) {
                    throw new SQLException(RegisteredModel.label(name, version) + " is not a candidate");
                }
            }
            return null;
        });
    }

    /** One evaluation of a version (source 'training' or 'stream'). */
    public void recordPerformance(String name, int version, String source, int seriesCount, int origins,
            double mase, double smape, double rmsse, double owa, String detailsJson) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO flowcast.model_performance_history (name, version, source, series_count, origins, mase, smape, "
                            + "rmsse, owa, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                st.setString(1, name);
                st.setInt(2, version);
                st.setString(3, source);
                st.setInt(4, seriesCount);
                st.setInt(5, origins);
                setDouble(st, 6, mase);
                setDouble(st, 7, smape);
                setDouble(st, 8, rmsse);
                setDouble(st, 9, owa);
                st.setString(10, detailsJson);
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A drift finding: one drift_events row and one pending training_requests row pointing at it.
     * @return the drift id
     */
    public long recordDrift(String modelName, int modelVersion, DriftDetector.Finding finding, LocalDate referenceFrom,
            LocalDate referenceTo, LocalDate recentFrom, LocalDate recentTo) throws SQLException {
        return inTransaction(() -> {
            long id;
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO flowcast.drift_events (model_name, model_version, feature, statistic, p_value, reference_size, "
                            + "recent_size, reference_from, reference_to, recent_from, recent_to) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING drift_id")) {
                st.setString(1, modelName);
                st.setInt(2, modelVersion);
                st.setString(3, finding.variable());
                st.setDouble(4, finding.statistic());
                st.setDouble(5, finding.pValue());
                st.setInt(6, finding.referenceSize());
                st.setInt(7, finding.recentSize());
                setDate(st, 8, referenceFrom);
                setDate(st, 9, referenceTo);
                setDate(st, 10, recentFrom);
                setDate(st, 11, recentTo);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO flowcast.training_requests (model_name, reason, drift_id) VALUES (?, ?, ?)")) {
                st.setString(1, modelName);
                st.setString(2, String.format(java.util.Locale.ROOT, "drift in %s (KS D=%.3f, p=%.2g)",
                        finding.variable(), finding.statistic(), finding.pValue()));
                st.setLong(3, id);
                st.executeUpdate();
            }
            return id;
        });
    }

    /** Ids of the pending training requests of a model. */
    public List<Long> pendingTrainingRequests(String modelName) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT request_id FROM flowcast.training_requests WHERE model_name = ? AND status = 'pending' ORDER BY request_id")) {
            st.setString(1, modelName);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Marks requests as handled by the training that produced {@code version}. */
    public void markHandled(List<Long> requestIds, int version) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE flowcast.training_requests SET status = 'done', handled_at = now(), handled_version = ? "
                            + "WHERE request_id = ?")) {
                for (long id : requestIds) {
                    st.setInt(1, version);
                    st.setLong(2, id);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    private Optional<RegisteredModel> one(String sql, String name, Integer version) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, name);
            if (version != null) {
                st.setInt(2, version);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date from = rs.getDate(6);
                Date to = rs.getDate(7);
                Timestamp created = rs.getTimestamp(12);
                Timestamp promoted = rs.getTimestamp(13);
                int series = rs.getInt(8);
                return Optional.of(new RegisteredModel(rs.getString(1), rs.getInt(2), rs.getString(3),
                        Stage.ofSql(rs.getString(4)), rs.getString(5), from == null ? null : from.toLocalDate(),
                        to == null ? null : to.toLocalDate(), rs.wasNull() ? null : series, rs.getBytes(9),
                        rs.getString(10), rs.getString(11), created.toInstant(),
                        promoted == null ? null : promoted.toInstant(), rs.getString(14)));
            }
        }
    }

    private void lock(String name) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            st.setString(1, "model_registry:" + name);
            st.execute();
        }
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static void setDate(PreparedStatement st, int i, LocalDate d) throws SQLException {
        if (d == null) {
            st.setNull(i, Types.DATE);
        } else {
            st.setDate(i, Date.valueOf(d));
        }
    }

    private static void setDouble(PreparedStatement st, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            st.setDouble(i, v);
        } else {
            st.setNull(i, Types.DOUBLE);
        }
    }
}
