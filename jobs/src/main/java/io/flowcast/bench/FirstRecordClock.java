package io.flowcast.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Passes records through and notes when the first one arrived (System.nanoTime of this JVM: the
 * benchmark's MiniCluster runs in the same process), so throughput excludes job start-up.
 */
final class FirstRecordClock<T> implements MapFunction<T, T> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong FIRST_NANOS = new AtomicLong();
    private static final AtomicLong FIRST_MILLIS = new AtomicLong();
    private transient boolean seen;

    static void reset() {
        FIRST_NANOS.set(0);
        FIRST_MILLIS.set(0);
    }

    /** The same instant on the wall clock (to compare with PostgreSQL's {@code now()} on this machine). */
    static long firstMillis() {
        return FIRST_MILLIS.get();
    }

    /** When the first record arrived at any subtask; 0 before that. */
    static long firstNanos() {
        return FIRST_NANOS.get();
    }

    @Override
    public T map(T value) {
        if (!seen) {
            seen = true;
            long nanos = System.nanoTime();
            long millis = System.currentTimeMillis();
            if (FIRST_NANOS.compareAndSet(0, nanos)) {
                FIRST_MILLIS.set(millis);
            }
        }
        return value;
    }
}
