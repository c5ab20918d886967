package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.reconcile.RowHash;
import io.flowcast.records.ReconPair;
import io.flowcast.sinks.PostgresOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one whole table per input element (a table ordinal) over JDBC and emits (key, row hash)
 * per row: either the PG mirror table ({@code mirror}) or the source warehouse table.
 *
 * <p>For the mirror, a row whose lineage (source partition, offset) lies at or after the
 * snapshot's Kafka position of its partition was applied after the snapshot was taken; it is
 * marked {@code newer} and not compared (the snapshot cannot say what it should be).
 */
public final class TableHasher extends RichFlatMapFunction<Integer, ReconPair> {

    public static final String MIRROR_ROWS = "mirror-rows:";
    public static final String SOURCE_ROWS = SnapshotFileHasher.SOURCE_ROWS;
    public static final String NEWER_ROWS = "newer-rows:";

    private final PostgresOptions postgres;
    private final boolean mirror;
    /** Per table ordinal, partition -> first offset not in the snapshot; null = compare every row. */
    private final HashMap<Integer, Map<Integer, Long>> positions;

    public TableHasher(PostgresOptions postgres, boolean mirror, HashMap<Integer, Map<Integer, Long>> positions) {
        this.postgres = postgres;
        this.mirror = mirror;
        this.positions = positions;
    }

    @Override
    public void flatMap(Integer ordinal, Collector<ReconPair> out) throws Exception {
        MirrorTable table = MirrorTable.values()[ordinal];
        Map<Integer, Long> position = positions == null ? null : positions.get(ordinal);
        int columns = table.columns().size();
        String sql = mirror
                ? JdbcRows.mirrorSelect(table, null).replaceFirst(" FROM ", ", source_partition, source_offset FROM ")
                : JdbcRows.sourceSelect(table, null);
        long rows = 0;
        long newerRows = 0;
        try (Connection connection = postgres.connect()) {
            // Outside auto-commit the driver streams with the fetch size instead of loading the table.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = JdbcRows.row(table, rs);
                        String hash = RowHash.of(row);
                        if (mirror) {
                            boolean newer = position != null && isNewer(position, rs.getInt(columns + 1), rs.getLong(columns + 2));
                            newerRows += newer ? 1 : 0;
                            out.collect(ReconPair.mirror(ordinal, table.keyString(row), hash, newer));
                        } else {
                            out.collect(ReconPair.source(ordinal, table.keyString(row), hash));
                        }
                        rows++;
                    }
                }
            }
            connection.rollback();
        }
        getRuntimeContext().getLongCounter((mirror ? MIRROR_ROWS : SOURCE_ROWS) + ordinal).add(rows);
        getRuntimeContext().getLongCounter(NEWER_ROWS + ordinal).add(newerRows);
    }

    /** Rows repaired by reconciliation carry partition -1: never newer than a snapshot. */
    static boolean isNewer(Map<Integer, Long> position, int partition, long offset) {
        if (partition < 0) {
            return false;
        }
        Long next = position.get(partition);
        return next == null || offset >= next;
    }
}
