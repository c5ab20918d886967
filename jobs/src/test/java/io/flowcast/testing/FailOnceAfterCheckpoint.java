package io.flowcast.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through, slowly enough for checkpoints to happen mid-stream, and fails the task
 * once: after at least {@code minRecords} records and a completed checkpoint, so that the restart
 * restores state and replays everything the sinks already wrote after that checkpoint. Each
 * subtask counts its own records (a subtask may read only a third of the partitions), so
 * {@code minRecords} should be a small share of the input.
 *
 * <p>The "failed once" flag is static: the MiniCluster runs in the test JVM, and a restarted task
 * is a new instance of this class.
 */
public final class FailOnceAfterCheckpoint<T> implements MapFunction<T, T>, CheckpointListener {

    private static final long serialVersionUID = 1L;

    public static final AtomicBoolean FAILED = new AtomicBoolean();
    public static final AtomicLong RECORDS_BEFORE_FAILURE = new AtomicLong();
    public static final AtomicBoolean RESTORED_FROM_CHECKPOINT = new AtomicBoolean();

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
        // Normally the failure comes after a completed checkpoint, so the restart restores state.
        // If no checkpoint completes in time (a subtask that is finishing declines them), fail
        // anyway at 3x the threshold: the restart then starts from scratch, which must give the
        // same result too; RESTORED_FROM_CHECKPOINT tells the test which case it saw.
        boolean due = records >= minRecords && (checkpointCompleted || records >= 3 * minRecords);
        if (due && FAILED.compareAndSet(false, true)) {
            RESTORED_FROM_CHECKPOINT.set(checkpointCompleted);
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
