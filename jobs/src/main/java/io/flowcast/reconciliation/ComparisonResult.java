package io.flowcast.reconciliation;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.reconcile.DiffKind;
import io.flowcast.records.ReconDiff;
import io.flowcast.warehouse.SnapshotFileHasher;
import io.flowcast.warehouse.TableHasher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the comparison found: the diffs, row counts per table and side, unreadable files. */
public record ComparisonResult(List<ReconDiff> diffs, Map<MirrorTable, TableCounts> tables, List<FileError> errors) {

    /** Counts of one table. */
    public record TableCounts(long sourceRows, long mirrorRows, long newer, long missing, long extra, long different) {}

    /** A snapshot file that could not be read. */
    public record FileError(MirrorTable table, String file, String error) {}

    public static ComparisonResult of(List<ReconDiff> diffs, Map<String, Object> accumulators) {
        Map<MirrorTable, TableCounts> tables = new EnumMap<>(MirrorTable.class);
        for (MirrorTable table : MirrorTable.values()) {
            int t = table.ordinal();
            long missing = diffs.stream().filter(d -> d.table() == t && d.kind() == DiffKind.MISSING).count();
            long extra = diffs.stream().filter(d -> d.table() == t && d.kind() == DiffKind.EXTRA).count();
            long different = diffs.stream().filter(d -> d.table() == t && d.kind() == DiffKind.DIFFERENT).count();
            tables.put(table, new TableCounts(
                    counter(accumulators, TableHasher.SOURCE_ROWS + t),
                    counter(accumulators, TableHasher.MIRROR_ROWS + t),
                    counter(accumulators, TableHasher.NEWER_ROWS + t),
                    missing, extra, different));
        }
        List<FileError> errors = new ArrayList<>();
        Object reported = accumulators.get(SnapshotFileHasher.ERRORS);
        if (reported instanceof List<?> lines) {
            for (Object line : lines) {
                String[] parts = line.toString().split("\t", 3);
                errors.add(new FileError(MirrorTable.values()[Integer.parseInt(parts[0])], parts[1], parts[2]));
            }
        }
        return new ComparisonResult(diffs, tables, errors);
    }

    private static long counter(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** Whether every file of {@code table} was read (else its EXTRA rows may just be unread). */
    public boolean complete(MirrorTable table) {
        return errors.stream().noneMatch(e -> e.table() == table);
    }

    public long count(DiffKind kind) {
        return diffs.stream().filter(d -> d.kind() == kind).count();
    }
}
