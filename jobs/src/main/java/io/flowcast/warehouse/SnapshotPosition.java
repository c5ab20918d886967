package io.flowcast.warehouse;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDC position a table's snapshot is consistent with: every change before it is in the
 * snapshot, none after it is.
 *
 * @param kafkaOffsets per partition of the table's CDC topic, the first offset NOT reflected in
 *     the snapshot (where a Kafka consumer continues); empty when the source knows no offsets
 * @param lsn the source database's log position of the snapshot, when known (else null)
 * @param sourceTsMillis commit time at the source of the newest change in the snapshot (0: none)
 */
public record SnapshotPosition(Map<Integer, Long> kafkaOffsets, String lsn, long sourceTsMillis) implements Serializable {

    public SnapshotPosition {
        kafkaOffsets = new TreeMap<>(kafkaOffsets);
    }

    public static SnapshotPosition empty() {
        return new SnapshotPosition(Map.of(), null, 0L);
    }
}
