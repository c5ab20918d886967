package io.flowcast.reconciliation;

import io.flowcast.sinks.PostgresOptions;
import io.flowcast.warehouse.HadoopOptions;
import io.flowcast.warehouse.Snapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * What a reconciliation compares: the PG mirror against either a snapshot on HDFS or the source
 * warehouse database.
 *
 * @param snapshot the snapshot, or null to read the warehouse database
 * @param hadoop where the snapshot lives (null without one)
 * @param warehouse the warehouse database (null with a snapshot)
 * @param mirror the PG mirror
 */
public record ReconciliationSource(Snapshot snapshot, HadoopOptions hadoop, PostgresOptions warehouse, PostgresOptions mirror) {

    public String describe() {
        return snapshot != null
                ? "snapshot " + snapshot.date() + " " + hadoop.fsUri() + hadoop.warehouseRoot()
                : "warehouse " + warehouse.url();
    }

    /**
     * Kafka positions of the snapshot per table ordinal, for telling mirror rows applied after the
     * snapshot apart; null (compare everything) for the warehouse database, which is read live.
     */
    public HashMap<Integer, Map<Integer, Long>> positions() {
        if (snapshot == null) {
            return null;
        }
        HashMap<Integer, Map<Integer, Long>> positions = new HashMap<>();
        snapshot.manifests().forEach((table, manifest) -> {
            Map<Integer, Long> offsets = manifest.position().kafkaOffsets();
            if (!offsets.isEmpty()) {
                positions.put(table.ordinal(), new HashMap<>(offsets));
            }
        });
        return positions;
    }
}
