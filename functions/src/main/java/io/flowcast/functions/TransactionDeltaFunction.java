package io.flowcast.functions;

import io.flowcast.records.InventoryDelta;
import io.flowcast.records.TransactionChange;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by transaction id: turns inserts, updates and deletes of inventory transactions into
 * +1/-1 deltas for the per-product aggregates, by remembering each transaction's last version.
 *
 * <p>Remembering the version in state (rather than trusting Debezium's before-image) keeps the
 * aggregates right when the source table lacks {@code REPLICA IDENTITY FULL} and the before-image
 * has only the key, and makes a replayed change (same version again) a no-op.
 */
public final class TransactionDeltaFunction extends KeyedProcessFunction<Long, TransactionChange, InventoryDelta> {

    private static final long serialVersionUID = 1L;

    static final String LAST_VERSION = "last-version";

    private final Duration stateTtl;
    private transient ValueState<TransactionChange> lastVersion;

    public TransactionDeltaFunction(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<TransactionChange> descriptor =
                new ValueStateDescriptor<>(LAST_VERSION, TransactionChange.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl).build());
        lastVersion = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(TransactionChange change, Context ctx, Collector<InventoryDelta> out) throws Exception {
        TransactionChange previous = lastVersion.value();
        if (change.delete()) {
            if (previous != null) {
                out.collect(new InventoryDelta(-1, previous));
                lastVersion.clear();
            }
            return;
        }
        if (change.equals(previous)) {
            return;
        }
        if (previous != null) {
            out.collect(new InventoryDelta(-1, previous));
        }
        out.collect(new InventoryDelta(+1, change));
        lastVersion.update(change);
    }
}
