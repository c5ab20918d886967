package io.flowcast.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies the enabled {@code retention_policies}: a dry run counts what each would delete; an
 * execution deletes it in page-range batches (see {@link RetentionStatements}), each its own
 * transaction, archiving first where the policy says so. Every policy of every run leaves a
 * {@code retention_history} row, disabled and failed ones included; a failing policy does not stop
 * the others. One run at a time per database (an advisory lock).
 */
public final class RetentionRunner {

    /** Advisory lock key of retention runs (per database). */
    private static final long LOCK_KEY = 0x666c6f7772657431L;

    private final Connection c;
    private final Consumer<String> progress;
    private final long pauseMillis;

    /**
     * @param c connection in auto-commit mode (every batch commits on its own), to a server
     *     holding the schema; its user needs DELETE on the families' tables
     * @param pauseMillis sleep between batches, to leave writers more room
     */
    public RetentionRunner(Connection c, long pauseMillis, Consumer<String> progress) {
        this.c = c;
        this.pauseMillis = pauseMillis;
        this.progress = progress;
    }

    /** Runs the policies named in {@code only} (all when empty); returns one outcome per policy. */
    public List<RetentionOutcome> run(boolean execute, Set<String> only) throws SQLException, InterruptedException {
        if (!c.getAutoCommit()) {
            throw new IllegalArgumentException("the connection must be in auto-commit mode");
        }
        if (!tryLock()) {
            throw new IllegalStateException("another retention run holds the lock on this database");
        }
        try {
            UUID runId = UUID.randomUUID();
            List<RetentionOutcome> outcomes = new ArrayList<>();
            for (RetentionPolicy policy : RetentionPolicy.load(c)) {
                if (!only.isEmpty() && !only.contains(policy.name())) {
                    continue;
                }
                RetentionOutcome outcome = apply(policy, execute, runId);
                record(runId, outcome);
                outcomes.add(outcome);
            }
            return outcomes;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private RetentionOutcome apply(RetentionPolicy policy, boolean execute, UUID runId) throws InterruptedException {
        String mode = execute ? "execute" : "dry-run";
        Instant started = Instant.now();
        if (!policy.enabled()) {
            return new RetentionOutcome(policy.name(), policy.family(), mode, "disabled", policy.rule(), null, 0, 0, 0, 0,
                    null, started, Instant.now(), null);
        }
        try {
            RetentionFamily family = RetentionFamilies.find(policy.family()).orElseThrow(
                    () -> new IllegalArgumentException("unknown family " + policy.family() + "; known: "
                            + RetentionFamilies.all().stream().map(RetentionFamily::name).toList()));
            RetentionStatements sql = new RetentionStatements(family, policy);
            String cutoff = prepare(sql);
            try {
                return execute
                        ? delete(policy, sql, cutoff, runId, started)
                        : count(policy, sql, cutoff, started);
            } finally {
                if (sql.byOrigins()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP TABLE IF EXISTS " + RetentionStatements.CUTOFFS);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            progress.accept("policy " + policy.name() + " failed: " + e.getMessage());
            return new RetentionOutcome(policy.name(), policy.family(), mode, "failed", policy.rule(), null, 0, 0, 0, 0,
                    null, started, Instant.now(), e.getMessage());
        }
    }

    /** Builds the cut-offs; returns the keep-days cut-off time (null for keep-last-N or an empty family). */
    private String prepare(RetentionStatements sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (sql.byOrigins()) {
                st.execute("DROP TABLE IF EXISTS " + RetentionStatements.CUTOFFS);
                st.execute(sql.createCutoffs());
                st.execute("ANALYZE " + RetentionStatements.CUTOFFS);
                return null;
            }
            try (ResultSet rs = st.executeQuery(sql.daysCutoff())) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private RetentionOutcome count(RetentionPolicy policy, RetentionStatements sql, String cutoff, Instant started)
            throws SQLException {
        long total = 0;
        long matched = 0;
        if (sql.byOrigins() || cutoff != null) {
            try (PreparedStatement ps = c.prepareStatement(sql.count())) {
                if (!sql.byOrigins()) {
                    ps.setString(1, cutoff);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                    matched = rs.getLong(2);
                }
            }
        }
        return new RetentionOutcome(policy.name(), policy.family(), "dry-run", "ok", policy.rule(), total, matched, 0, 0, 0,
                null, started, Instant.now(), cutoffDetail(sql, cutoff));
    }

    private RetentionOutcome delete(RetentionPolicy policy, RetentionStatements sql, String cutoff, UUID runId,
            Instant started) throws SQLException, InterruptedException {
        if (!sql.byOrigins() && cutoff == null) {
            return new RetentionOutcome(policy.name(), policy.family(), "execute", "ok", policy.rule(), null, 0, 0, 0, 0,
                    null, started, Instant.now(), "empty family");
        }
        List<String> archiveColumns = policy.archive() ? archiveColumns(sql) : List.of();
        long pages;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.pages())) {
            rs.next();
            pages = rs.getLong(1);
        }
        long deleted = 0;
        int batches = 0;
        long maxBatchNanos = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.deleteBatch(archiveColumns))) {
            for (long first = 0; first < pages; first += policy.batchPages()) {
                int p = 1;
                ps.setString(p++, "(" + first + ",0)");
                ps.setString(p++, "(" + (first + policy.batchPages()) + ",0)");
                if (!sql.byOrigins()) {
                    ps.setString(p++, cutoff);
                }
                if (policy.archive()) {
                    ps.setObject(p, runId);
                }
                long t0 = System.nanoTime();
                deleted += ps.executeUpdate();
                maxBatchNanos = Math.max(maxBatchNanos, System.nanoTime() - t0);
                batches++;
                if (batches % 50 == 0) {
                    progress.accept(String.format("policy %s: %,d rows deleted, %,d of %,d pages", policy.name(), deleted,
                            Math.min(first + policy.batchPages(), pages), pages));
                }
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
        return new RetentionOutcome(policy.name(), policy.family(), "execute", "ok", policy.rule(), null, deleted, deleted,
                policy.archive() ? deleted : 0, batches, maxBatchNanos / 1_000_000, started, Instant.now(),
                cutoffDetail(sql, cutoff));
    }

    /** The source table's columns, which its archive must hold (created LIKE it). */
    private List<String> archiveColumns(RetentionStatements sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('" + sql.archiveTable() + "') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new IllegalStateException(sql.archiveTable() + " does not exist; as the schema owner: CREATE TABLE "
                        + sql.archiveTable() + " (LIKE " + sql.archiveTable().replace("_archive", "") + "); ALTER TABLE "
                        + sql.archiveTable() + " ADD COLUMN archived_at timestamptz NOT NULL DEFAULT now(),"
                        + " ADD COLUMN archive_run uuid");
            }
        }
        List<String> columns = new ArrayList<>();
        String table = sql.archiveTable().substring("flowcast.".length(), sql.archiveTable().length() - "_archive".length());
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'flowcast' AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private String cutoffDetail(RetentionStatements sql, String cutoff) throws SQLException {
        if (!sql.byOrigins()) {
            return cutoff == null ? "empty family" : "rows before " + cutoff;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), min(cutoff)::text, max(cutoff)::text FROM "
                        + RetentionStatements.CUTOFFS)) {
            rs.next();
            return rs.getLong(1) == 0 ? "no series with more origins than kept"
                    : rs.getLong(1) + " series with more origins than kept; oldest origin kept "
                            + rs.getString(2) + " .. " + rs.getString(3);
        }
    }

    private void record(UUID runId, RetentionOutcome o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO flowcast.retention_history (run_id, policy_name, family,"
                + " mode, status, rule, rows_total, rows_matched, rows_deleted, rows_archived, batches, max_batch_ms,"
                + " started_at, finished_at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int p = 1;
            ps.setObject(p++, runId);
            ps.setString(p++, o.policy());
            ps.setString(p++, o.family());
            ps.setString(p++, o.mode());
            ps.setString(p++, o.status());
            ps.setString(p++, o.rule());
            ps.setObject(p++, o.rowsTotal());
            ps.setLong(p++, o.rowsMatched());
            ps.setLong(p++, o.rowsDeleted());
            ps.setLong(p++, o.rowsArchived());
            ps.setInt(p++, o.batches());
            ps.setObject(p++, o.maxBatchMillis());
            ps.setTimestamp(p++, Timestamp.from(o.startedAt()));
            ps.setTimestamp(p++, Timestamp.from(o.finishedAt()));
            ps.setString(p, o.detail());
            ps.executeUpdate();
        }
    }

    private boolean tryLock() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
