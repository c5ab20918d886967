package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.generator.ChangeOp;
import io.flowcast.generator.DebeziumJsonEncoder;
import io.flowcast.records.CdcMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.Path;

/**
 * The file phase of a backfill: reads snapshot Parquet files (one split per file) and emits each
 * row as a Debezium read event ({@code op = r}), exactly what a Debezium connector's initial
 * snapshot emits, so the job's decoder, validation and dead-letter handling apply unchanged.
 * Snapshot rows carry partition and offset -1 (no Kafka position).
 *
 * <p>Position: rows emitted so far in the file; a restored split skips them, so a failure in the
 * file phase neither loses nor repeats rows.
 *
 * <p>A file that cannot be read becomes one message on the pseudo topic
 * {@code snapshot-file-error} whose value is the file and the error: the decoder sends it to
 * {@code dead_letter} (unknown table) and the remaining files are read; the task does not fail
 * over a file it would fail on again.
 */
public final class SnapshotBulkFormat implements BulkFormat<CdcMessage, FileSourceSplit> {

    public static final String ERROR_TOPIC = "snapshot-file-error";
    private static final int BATCH_ROWS = 2_000;

    private final HadoopOptions hadoop;
    /** Source commit time to stamp on the read events of each table (ordinal), from the manifests. */
    private final HashMap<Integer, Long> sourceTsByTable;

    public SnapshotBulkFormat(HadoopOptions hadoop, Map<Integer, Long> sourceTsByTable) {
        this.hadoop = hadoop;
        this.sourceTsByTable = new HashMap<>(sourceTsByTable);
    }

    @Override
    public Reader<CdcMessage> createReader(org.apache.flink.configuration.Configuration config, FileSourceSplit split) {
        return new SnapshotReader(split, 0);
    }

    @Override
    public Reader<CdcMessage> restoreReader(org.apache.flink.configuration.Configuration config, FileSourceSplit split) {
        long skip = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new SnapshotReader(split, skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<CdcMessage> getProducedType() {
        return TypeInformation.of(CdcMessage.class);
    }

    /** {@code <root>/<schema>/<table>/dt=.../part-*.parquet} -> the table. */
    static MirrorTable tableOf(Path file) {
        Path tableDir = file.getParent().getParent();
        String name = tableDir.getParent().getName() + "." + tableDir.getName();
        for (MirrorTable table : MirrorTable.values()) {
            if (table.qualifiedSourceName().equals(name)) {
                return table;
            }
        }
        throw new IllegalArgumentException("not a snapshot file of a mirrored table: " + file);
    }

    private final class SnapshotReader implements Reader<CdcMessage> {
        private final FileSourceSplit split;
        private final MirrorTable table;
        private final DebeziumJsonEncoder encoder = new DebeziumJsonEncoder();
        private final long sourceTs;
        private SnapshotFileReader file;
        private long emitted;
        private boolean done;
        private String error;

        SnapshotReader(FileSourceSplit split, long skip) {
            this.split = split;
            this.table = tableOf(split.path());
            this.sourceTs = sourceTsByTable.getOrDefault(table.ordinal(), System.currentTimeMillis());
            this.emitted = skip;
            try {
                file = new SnapshotFileReader(table, split.path().toString(), hadoop.configuration());
                file.skip(skip);
            } catch (IOException e) {
                error = e.getMessage();
            }
        }

        @Override
        public RecordIterator<CdcMessage> readBatch() throws IOException {
            if (done) {
                return null;
            }
            List<CdcMessage> batch = new ArrayList<>(BATCH_ROWS);
            long first = emitted;
            if (error != null) {
                done = true;
                if (emitted > 0) {
                    return null; // reported before the restore
                }
                batch.add(errorMessage(error));
            } else {
                try {
                    for (Object[] row = null; batch.size() < BATCH_ROWS && (row = file.next()) != null; ) {
                        batch.add(readEvent(row));
                    }
                } catch (IOException e) {
                    // Rows read so far were emitted; the rest of the file is reported, not retried.
                    done = true;
                    batch.add(errorMessage(e.getMessage()));
                }
                if (batch.isEmpty()) {
                    done = true;
                    return null;
                }
            }
            emitted += batch.size();
            return new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, first);
        }

        private CdcMessage readEvent(Object[] row) {
            byte[] key = encoder.encodeKey(table, row);
            byte[] value = encoder.encodeValue(table, ChangeOp.READ, null, row, sourceTs, 0L, sourceTs);
            return new CdcMessage(table.topic(), -1, -1L, sourceTs, key, value);
        }

        private CdcMessage errorMessage(String message) {
            String text = "{\"file\":\"" + split.path() + "\",\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "'") + "\"}";
            return new CdcMessage(ERROR_TOPIC, -1, -1L, System.currentTimeMillis(), null, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            }
        }
    }
}
