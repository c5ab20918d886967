package io.flowcast.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowcast.cdc.MirrorTable;
import io.flowcast.records.ReconDiff;
import io.flowcast.sinks.PostgresOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A run's rows in PostgreSQL: {@code reconciliation_runs}, {@code reconciliation_diffs} and the
 * data-quality check {@code source_row_count} per table (source rows against mirror rows, the
 * completeness check of the data-quality monitor).
 */
public final class ReconciliationStore {

    public static final String JOB = "ReconciliationJob";
    public static final String ROW_COUNT_CHECK = "source_row_count";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresOptions postgres;

    /** @param postgres connections come without auto-commit: every write here commits explicitly */
    public ReconciliationStore(PostgresOptions postgres) {
        this.postgres = postgres;
    }

    public long start(String mode, String source, LocalDate snapshotDate) throws SQLException {
        try (Connection connection = postgres.connect();
                PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO flowcast.reconciliation_runs (mode, source, snapshot_date) VALUES (?, ?, ?) RETURNING run_id")) {
            ps.setString(1, mode);
            ps.setString(2, source);
            ps.setObject(3, snapshotDate);
            long runId;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                runId = rs.getLong(1);
            }
            connection.commit();
            return runId;
        }
    }

    /** Stores the first {@code maxListed} diffs and the per-table row-count checks. */
    public void recordComparison(long runId, Instant started, Instant finished, ComparisonResult result, int maxListed)
            throws SQLException {
        try (Connection connection = postgres.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO flowcast.reconciliation_diffs (run_id, table_name, row_key, kind, source_hash, mirror_hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                List<ReconDiff> listed = result.diffs().subList(0, Math.min(maxListed, result.diffs().size()));
                for (ReconDiff diff : listed) {
                    ps.setLong(1, runId);
                    ps.setString(2, MirrorTable.values()[diff.table()].qualifiedSourceName());
                    ps.setString(3, diff.key());
                    ps.setString(4, diff.kind().name());
                    ps.setString(5, diff.sourceHash());
                    ps.setString(6, diff.mirrorHash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO flowcast.data_quality_events (job, check_name, table_name, window_start, window_end, passed,"
                            + " observed, threshold, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                for (Map.Entry<MirrorTable, ComparisonResult.TableCounts> entry : result.tables().entrySet()) {
                    ComparisonResult.TableCounts counts = entry.getValue();
                    // Rows applied after the snapshot are not comparable: count the mirror without them.
                    long comparableMirrorRows = counts.mirrorRows() - counts.newer();
                    ObjectNode details = JSON.createObjectNode()
                            .put("run_id", runId)
                            .put("source_rows", counts.sourceRows())
                            .put("mirror_rows", counts.mirrorRows())
                            .put("newer_rows", counts.newer())
                            .put("missing", counts.missing())
                            .put("extra", counts.extra())
                            .put("different", counts.different())
                            .put("source_complete", result.complete(entry.getKey()));
                    ps.setString(1, JOB);
                    ps.setString(2, ROW_COUNT_CHECK);
                    ps.setString(3, entry.getKey().mirrorTable());
                    ps.setTimestamp(4, Timestamp.from(started));
                    ps.setTimestamp(5, Timestamp.from(finished));
                    ps.setBoolean(6, comparableMirrorRows == counts.sourceRows() && result.complete(entry.getKey()));
                    ps.setDouble(7, comparableMirrorRows);
                    ps.setDouble(8, counts.sourceRows());
                    ps.setString(9, details.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
        }
    }

    public void finish(long runId, ComparisonResult result, long repaired, long durationMillis) throws SQLException {
        long sourceRows = result.tables().values().stream().mapToLong(ComparisonResult.TableCounts::sourceRows).sum();
        long mirrorRows = result.tables().values().stream().mapToLong(ComparisonResult.TableCounts::mirrorRows).sum();
        long newer = result.tables().values().stream().mapToLong(ComparisonResult.TableCounts::newer).sum();
        ObjectNode perTable = JSON.createObjectNode();
        result.tables().forEach((table, counts) -> perTable.set(table.qualifiedSourceName(), JSON.valueToTree(counts)));
        ArrayNode errors = JSON.createArrayNode();
        result.errors().forEach(e -> errors.addObject().put("table", e.table().qualifiedSourceName()).put("file", e.file()).put("error", e.error()));
        try (Connection connection = postgres.connect();
                PreparedStatement ps = connection.prepareStatement(
                        "UPDATE flowcast.reconciliation_runs SET finished_at = clock_timestamp(), status = 'succeeded',"
                                + " source_rows = ?, mirror_rows = ?, missing = ?, extra = ?, different = ?, skipped_newer = ?,"
                                + " repaired = ?, errors = ?::jsonb, per_table = ?::jsonb, duration_ms = ? WHERE run_id = ?")) {
            ps.setLong(1, sourceRows);
            ps.setLong(2, mirrorRows);
            ps.setLong(3, result.count(io.flowcast.reconcile.DiffKind.MISSING));
            ps.setLong(4, result.count(io.flowcast.reconcile.DiffKind.EXTRA));
            ps.setLong(5, result.count(io.flowcast.reconcile.DiffKind.DIFFERENT));
            ps.setLong(6, newer);
            ps.setLong(7, repaired);
            ps.setString(8, errors.toString());
            ps.setString(9, perTable.toString());
            ps.setLong(10, durationMillis);
            ps.setLong(11, runId);
            ps.executeUpdate();
            connection.commit();
        }
    }

    public void fail(long runId, Exception error) {
        try (Connection connection = postgres.connect();
                PreparedStatement ps = connection.prepareStatement(
                        "UPDATE flowcast.reconciliation_runs SET finished_at = clock_timestamp(), status = 'failed',"
                                + " errors = ?::jsonb WHERE run_id = ?")) {
            ps.setString(1, JSON.createArrayNode().add(JSON.createObjectNode().put("error", String.valueOf(error))).toString());
            ps.setLong(2, runId);
            ps.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            error.addSuppressed(e);
        }
    }
}
