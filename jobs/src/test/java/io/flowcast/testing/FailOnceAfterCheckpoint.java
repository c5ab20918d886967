package io.flowcast.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through, slowly enough for checkpoints to happen mid-stream, and fails the task
 * once: after at least {@code minRecords} records and a completed checkpoint, so that the restart
 * restores state and replays everything the sinks already wrote after that checkpoint.
 *
 * <p>The "failed once" flag is static: the MiniCluster runs in the test JVM, and a restarted task
 * is a new instance of this class.
 */
public final class FailOnceAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    public static final AtomicBoolean FAILED = new AtomicBoolean();
    public static final AtomicLong RECORDS_BEFORE_FAILURE = new AtomicLong();

    private final long minRecords;
    private final int pauseEveryRecords;
    private long records;
    private volatile boolean checkpointCompleted;

    public FailOnceAfterCheckpoint(long minRecords, int pauseEveryRecords) {
        this.minRecords = minRecords;
        this.pauseEveryRecords = pauseEveryRecords;
    }

    @Override
    public T map(T value) throws Exception {
        records++;
        // Slow only until the failure: checkpoints must complete while the first records flow,
        // whatever the machine's speed; the replay after the restart runs at full speed.
        if (!FAILED.get() && records % pauseEveryRecords == 0) {
            Thread.sleep(1);
        }
        if (records >= minRecords && checkpointCompleted && FAILED.compareAndSet(false, true)) {
            RECORDS_BEFORE_FAILURE.set(records);
            throw new IllegalStateException("injected failure after " + records + " records (test)");
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
    }
}
