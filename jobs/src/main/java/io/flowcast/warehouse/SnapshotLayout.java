package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/**
 * Where a snapshot lives: {@code <root>/<schema>/<table>/dt=YYYY-MM-DD/part-NNNNN.parquet} plus
 * {@code _SNAPSHOT}, the layout of a Hive-style date-partitioned warehouse export.
 */
public final class SnapshotLayout {

    private SnapshotLayout() {}

    public static Path partition(String root, MirrorTable table, LocalDate date) {
        return new Path(root + "/" + table.sourceSchema() + "/" + table.sourceTable() + "/dt=" + date);
    }

    public static Path manifest(String root, MirrorTable table, LocalDate date) {
        return new Path(partition(root, table, date), SnapshotManifest.FILE_NAME);
    }

    public static String partFileName(int index) {
        return String.format("part-%05d.parquet", index);
    }
}
