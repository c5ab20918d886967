package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import io.flowcast.reconcile.RowHash;
import io.flowcast.records.ReconPair;
import java.io.IOException;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads one snapshot Parquet file per input element and emits (key, row hash) for each row. A file
 * that cannot be read is reported (accumulator {@link #ERRORS}: "path\tmessage") and skipped, so
 * the rest of the snapshot is still compared; its table is then marked incomplete.
 */
public final class SnapshotFileHasher extends RichFlatMapFunction<SnapshotFile, ReconPair> {

    public static final String ERRORS = "snapshot-file-errors";
    public static final String SOURCE_ROWS = "source-rows:";

    private final HadoopOptions hadoop;
    private transient Configuration conf;
    private transient ListAccumulator<String> errors;

    public SnapshotFileHasher(HadoopOptions hadoop) {
        this.hadoop = hadoop;
    }

    @Override
    public void open(OpenContext openContext) {
        conf = hadoop.configuration();
        errors = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(ERRORS, errors);
    }

    @Override
    public void flatMap(SnapshotFile file, Collector<ReconPair> out) {
        MirrorTable table = file.table();
        long rows = 0;
        try (SnapshotFileReader reader = new SnapshotFileReader(table, file.path(), conf)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                out.collect(ReconPair.source(table.ordinal(), table.keyString(row), RowHash.of(row)));
                rows++;
            }
        } catch (IOException e) {
            // Not a task failure: a restart would meet the same bytes. Reported per run instead.
            errors.add(table.ordinal() + "\t" + file.path() + "\t" + e.getMessage());
        } finally {
            getRuntimeContext().getLongCounter(SOURCE_ROWS + table.ordinal()).add(rows);
        }
    }
}
