package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a snapshot of the warehouse tables: for each table its rows as Parquet files under
 * {@code dt=DATE}, then its {@code _SNAPSHOT} manifest with the CDC position. A partition that
 * already exists is replaced (re-running an export of the same day is the usual fix for a bad one).
 */
public final class SnapshotExporter {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotExporter.class);

    private final HadoopOptions options;

    public SnapshotExporter(HadoopOptions options) {
        this.options = options;
    }

    /** Exports every table of {@code tables} from {@code source}; returns the manifests written. */
    public List<SnapshotManifest> export(WarehouseSource source, LocalDate date, List<MirrorTable> tables)
            throws Exception {
        Configuration conf = options.configuration();
        FileSystem fs = options.fileSystem();
        String snapshotId = UUID.randomUUID().toString();
        Instant createdAt = Instant.now();
        List<SnapshotManifest> manifests = new ArrayList<>();
        for (MirrorTable table : tables) {
            long started = System.nanoTime();
            // The position first: in a consistent source it is the same before or after the rows.
            SnapshotPosition position = source.position(table);
            Path partition = SnapshotLayout.partition(options.warehouseRoot(), table, date);
            if (fs.exists(partition)) {
                fs.delete(partition, true);
            }
            fs.mkdirs(partition);
            List<SnapshotManifest.DataFile> files = writeRows(source, table, partition, conf);
            SnapshotManifest manifest = new SnapshotManifest(
                    snapshotId, date, table.qualifiedSourceName(), source.describe(), createdAt, position, files);
            writeManifest(fs, partition, manifest);
            manifests.add(manifest);
            LOG.info("exported {}: {} rows in {} files to {} ({} ms)", table.qualifiedSourceName(), manifest.rows(),
                    files.size(), partition, (System.nanoTime() - started) / 1_000_000);
        }
        return manifests;
    }

    private List<SnapshotManifest.DataFile> writeRows(WarehouseSource source, MirrorTable table, Path partition,
            Configuration conf) throws Exception {
        SnapshotSchema schema = new SnapshotSchema(table);
        RollingWriter writer = new RollingWriter(schema, partition, conf);
        try {
            source.read(table, writer::write);
        } finally {
            writer.close();
        }
        return writer.files;
    }

    private static void writeManifest(FileSystem fs, Path partition, SnapshotManifest manifest) throws IOException {
        Path temporary = new Path(partition, "." + SnapshotManifest.FILE_NAME + ".tmp");
        try (OutputStream out = fs.create(temporary, true)) {
            out.write(manifest.toJson());
        }
        if (!fs.rename(temporary, new Path(partition, SnapshotManifest.FILE_NAME))) {
            throw new IOException("could not publish the manifest of " + partition);
        }
    }

    /** Starts a new part file every {@code rowsPerFile} rows. */
    private final class RollingWriter {
        private final SnapshotSchema schema;
        private final Path partition;
        private final Configuration conf;
        private final List<SnapshotManifest.DataFile> files = new ArrayList<>();
        private ParquetWriter<Group> current;
        private long rowsInCurrent;

        RollingWriter(SnapshotSchema schema, Path partition, Configuration conf) {
            this.schema = schema;
            this.partition = partition;
            this.conf = conf;
        }

        void write(Object[] row) {
            try {
                if (current == null) {
                    open();
                }
                current.write(schema.toGroup(row));
                if (++rowsInCurrent >= options.rowsPerFile()) {
                    closeCurrent();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void open() throws IOException {
            String name = SnapshotLayout.partFileName(files.size());
            current = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(new Path(partition, name), conf))
                    .withConf(conf)
                    .withType(schema.type())
                    .withCompressionCodec(CompressionCodecName.valueOf(options.compression()))
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
            files.add(new SnapshotManifest.DataFile(name, 0));
            rowsInCurrent = 0;
        }

        private void closeCurrent() throws IOException {
            current.close();
            current = null;
            int last = files.size() - 1;
            files.set(last, new SnapshotManifest.DataFile(files.get(last).name(), rowsInCurrent));
        }

        void close() throws IOException {
            if (current != null) {
                closeCurrent();
            }
        }
    }
}
