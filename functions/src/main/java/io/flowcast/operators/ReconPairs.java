package io.flowcast.operators;

import io.flowcast.reconcile.DiffKind;
import io.flowcast.records.ReconDiff;
import io.flowcast.records.ReconPair;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.Collector;

/** The comparison step of ReconciliationJob: group both sides by key, emit the keys that differ. */
public final class ReconPairs {

    private ReconPairs() {}

    /** Groups by table and natural key. */
    public static final class ByTableKey implements KeySelector<ReconPair, String> {
        @Override
        public String getKey(ReconPair pair) {
            return pair.groupKey();
        }
    }

    /** Merges the source and mirror halves of a key (in BATCH mode the reduce emits once per key). */
    public static final class Merge implements ReduceFunction<ReconPair> {
        @Override
        public ReconPair reduce(ReconPair a, ReconPair b) {
            return a.merge(b);
        }
    }

    /** A merged pair to its diff, if any; mirror rows newer than the snapshot are not compared. */
    public static final class ToDiff implements FlatMapFunction<ReconPair, ReconDiff> {
        @Override
        public void flatMap(ReconPair pair, Collector<ReconDiff> out) {
            if (pair.newer()) {
                return;
            }
            DiffKind kind = DiffKind.of(pair.sourceHash(), pair.mirrorHash());
            if (kind != null) {
                out.collect(new ReconDiff(pair.table(), pair.key(), kind, pair.sourceHash(), pair.mirrorHash()));
            }
        }
    }
}
