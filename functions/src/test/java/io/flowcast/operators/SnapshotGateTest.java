package io.flowcast.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.cdc.MirrorChange;
import io.flowcast.cdc.MirrorTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SnapshotGateTest {

    private static MirrorChange change(String product, String description, char op, int partition, long offset) {
        Object[] row = new Object[MirrorTable.PRODUCT_MASTER.columns().size()];
        row[0] = product;
        row[1] = description;
        row[MirrorTable.PRODUCT_MASTER.eventTimeIndex()] = Instant.parse("2026-01-01T00:00:00Z");
        return new MirrorChange(MirrorTable.PRODUCT_MASTER, op, row, 0L, MirrorTable.PRODUCT_MASTER.topic(), partition, offset, 0L, null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, MirrorChange, MirrorChange> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new SnapshotGate(Duration.ofHours(1)), new SnapshotGate.ByRow(), Types.STRING);
    }

    @Test
    void aSnapshotRowAfterACdcChangeOfTheSameRowIsDropped() throws Exception {
        try (var h = harness()) {
            h.processElement(change("P1", "snapshot", 'r', -1, -1), 0);   // normal order: snapshot, then CDC
            h.processElement(change("P1", "cdc", 'u', 0, 10), 0);
            h.processElement(change("P2", "cdc delete", 'd', 1, 11), 0);   // CDC first: the late snapshot row is stale
            h.processElement(change("P2", "snapshot", 'r', -1, -1), 0);
            h.processElement(change("P3", "snapshot only", 'r', -1, -1), 0);

            List<String> passed = h.extractOutputValues().stream().map(c -> c.key() + ":" + c.row()[1]).toList();
            assertThat(passed).containsExactly("P1:snapshot", "P1:cdc", "P2:cdc delete", "P3:snapshot only");
        }
    }

    @Test
    void keysAreTablePlusNaturalKey() throws Exception {
        assertThat(new SnapshotGate.ByRow().getKey(change("P1", "x", 'r', -1, -1)))
                .isEqualTo(MirrorTable.PRODUCT_MASTER.ordinal() + "\u001eP1");
        assertThat(SnapshotGate.fromSnapshot(change("P1", "x", 'r', -1, -1))).isTrue();
        assertThat(SnapshotGate.fromSnapshot(change("P1", "x", 'r', 0, 0))).isFalse();
    }
}
