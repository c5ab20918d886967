package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A snapshot of one day as found on the file system: the manifests of its tables. */
public final class Snapshot {

    private final String root;
    private final LocalDate date;
    private final Map<MirrorTable, SnapshotManifest> manifests;

    private Snapshot(String root, LocalDate date, Map<MirrorTable, SnapshotManifest> manifests) {
        this.root = root;
        this.date = date;
        this.manifests = manifests;
    }

    /**
     * Reads the manifests of {@code date} for {@code tables}; fails when one is missing (an export
     * that did not finish must not be taken for a complete snapshot).
     */
    public static Snapshot open(FileSystem fs, String root, LocalDate date, List<MirrorTable> tables) throws IOException {
        Map<MirrorTable, SnapshotManifest> manifests = new EnumMap<>(MirrorTable.class);
        for (MirrorTable table : tables) {
            Path path = SnapshotLayout.manifest(root, table, date);
            try (InputStream in = fs.open(path)) {
                manifests.put(table, SnapshotManifest.fromJson(in.readAllBytes()));
            } catch (FileNotFoundException e) {
                throw new IOException("no complete snapshot of " + table.qualifiedSourceName() + " for " + date
                        + ": " + path + " is missing", e);
            }
        }
        return new Snapshot(root, date, manifests);
    }

    /** The newest date for which {@code table} has a complete partition; null when none. */
    public static LocalDate latestDate(FileSystem fs, String root, MirrorTable table) throws IOException {
        Path tableDir = SnapshotLayout.partition(root, table, LocalDate.EPOCH).getParent();
        if (!fs.exists(tableDir)) {
            return null;
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (FileStatus status : fs.listStatus(tableDir)) {
            String name = status.getPath().getName();
            if (status.isDirectory() && name.startsWith("dt=")
                    && fs.exists(new Path(status.getPath(), SnapshotManifest.FILE_NAME))) {
                dates.add(LocalDate.parse(name.substring(3)));
            }
        }
        return dates.isEmpty() ? null : dates.last();
    }

    public LocalDate date() {
        return date;
    }

    public SnapshotManifest manifest(MirrorTable table) {
        return manifests.get(table);
    }

    public Map<MirrorTable, SnapshotManifest> manifests() {
        return manifests;
    }

    /** Every data file of the snapshot with its table. */
    public List<SnapshotFile> files() {
        List<SnapshotFile> files = new ArrayList<>();
        manifests.forEach((table, manifest) -> {
            Path partition = SnapshotLayout.partition(root, table, date);
            for (SnapshotManifest.DataFile file : manifest.files()) {
                files.add(new SnapshotFile(table, new Path(partition, file.name()).toString(), file.rows()));
            }
        });
        return files;
    }

    /** Kafka offsets to continue from, per topic and partition. */
    public Map<String, Map<Integer, Long>> kafkaOffsets() {
        Map<String, Map<Integer, Long>> offsets = new java.util.TreeMap<>();
        manifests.forEach((table, manifest) -> offsets.put(table.topic(), manifest.position().kafkaOffsets()));
        return offsets;
    }

    public long rows() {
        return manifests.values().stream().mapToLong(SnapshotManifest::rows).sum();
    }
}
