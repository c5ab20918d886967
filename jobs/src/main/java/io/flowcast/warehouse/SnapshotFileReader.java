package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/** Reads the rows of one snapshot Parquet file, one at a time. */
public final class SnapshotFileReader implements Closeable {

    private final SnapshotSchema schema;
    private final ParquetReader<Group> reader;
    private final String path;
    private long rowsRead;

    public SnapshotFileReader(MirrorTable table, String path, Configuration conf) throws IOException {
        this.schema = new SnapshotSchema(table);
        this.path = path;
        try {
            this.reader = ParquetReader.builder(new GroupReadSupport(), new Path(path)).withConf(conf).build();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot open snapshot file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The next row, or null at the end of the file. */
    public Object[] next() throws IOException {
        Group group;
        try {
            group = reader.read();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read snapshot file " + path + " after row " + rowsRead + ": " + e.getMessage(), e);
        }
        if (group == null) {
            return null;
        }
        rowsRead++;
        return schema.toRow(group);
    }

    /** Skips {@code rows} rows (resuming a split from a checkpoint). */
    public void skip(long rows) throws IOException {
        for (long i = 0; i < rows && next() != null; i++) {
            // rows already emitted before the checkpoint
        }
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
