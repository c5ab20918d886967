package io.flowcast.operators;

import io.flowcast.cdc.MirrorChange;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Orders a backfill per row key: a snapshot row (partition &lt; 0, the file phase) is dropped when a
 * CDC change of the same key got here first.
 *
 * <p>Why: the hybrid source switches from files to Kafka once every reader has finished its
 * files, but a snapshot row can still be in flight (another subtask, a network buffer) when a
 * later change of the same key is read from Kafka. Every Kafka change the backfill reads comes
 * after the snapshot's position, so it is always the newer one; keyed by row, the later snapshot
 * row is the stale one. The flag only matters while the file phase runs; its TTL bounds state.
 */
public final class SnapshotGate extends KeyedProcessFunction<String, MirrorChange, MirrorChange> {

    private static final ValueStateDescriptor<Boolean> CDC_SEEN = new ValueStateDescriptor<>("cdc-seen", Types.BOOLEAN);

    private final Duration flagTtl;
    private transient ValueState<Boolean> cdcSeen;

    public SnapshotGate(Duration flagTtl) {
        this.flagTtl = flagTtl;
    }

    /** Rows of the file phase carry no Kafka position. */
    public static boolean fromSnapshot(MirrorChange change) {
        return change.partition() < 0;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>(CDC_SEEN.getName(), Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(flagTtl).build());
        cdcSeen = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(MirrorChange change, Context ctx, Collector<MirrorChange> out) throws Exception {
        if (fromSnapshot(change)) {
            if (cdcSeen.value() == null) {
                out.collect(change);
            }
            return;
        }
        cdcSeen.update(Boolean.TRUE);
        out.collect(change);
    }

    /** Table and natural key. */
    public static final class ByRow implements KeySelector<MirrorChange, String> {
        @Override
        public String getKey(MirrorChange change) {
            return change.table().ordinal() + "\u001e" + change.key();
        }
    }
}
