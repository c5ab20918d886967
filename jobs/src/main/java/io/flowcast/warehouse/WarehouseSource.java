package io.flowcast.warehouse;

import io.flowcast.cdc.MirrorTable;
import java.util.function.Consumer;

/**
 * Where a snapshot's rows come from. Implementations read every table from one consistent view
 * (e.g. one repeatable-read transaction) and know the CDC position of that view, so a consumer can
 * continue on the CDC stream from exactly there.
 */
public interface WarehouseSource extends AutoCloseable {

    /** Shown in manifests and logs, e.g. {@code postgres-mirror jdbc:postgresql://host/db}. */
    String describe();

    /** Calls {@code rows} once per row of {@code table}; values aligned with {@link MirrorTable#columns()}. */
    void read(MirrorTable table, Consumer<Object[]> rows) throws Exception;

    /** The CDC position the rows of {@code table} are consistent with. */
    SnapshotPosition position(MirrorTable table) throws Exception;

    @Override
    void close() throws Exception;
}
