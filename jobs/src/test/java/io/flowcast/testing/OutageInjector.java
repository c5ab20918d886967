package io.flowcast.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through and, once a subtask has seen {@code minRecords} records and a completed
 * checkpoint, runs the test's {@link #OUTAGE} (e.g. stop Redis, wait, start it) on a thread of
 * its own while the records keep flowing. Until the outage is over, records are slowed down (1 ms
 * every {@code pauseEveryRecords}) so that the stream is still running when the service comes
 * back; afterwards they pass at full speed.
 *
 * <p>The fields are static: the MiniCluster runs in the test JVM and a restarted task is a new
 * instance. {@link #OPENED} counts task (re)starts, so a test can tell whether the job rode the
 * outage out or restarted.
 */
public final class OutageInjector<T> extends RichMapFunction<T, T> implements CheckpointListener {

    private static final long serialVersionUID = 1L;

    /** What the outage does; runs once, on its own thread. */
    public static volatile ThrowingRunnable OUTAGE = () -> {};
    public static final AtomicBoolean STARTED = new AtomicBoolean();
    public static final AtomicInteger OPENED = new AtomicInteger();
    /** Records that passed after the outage began (> 0: the stream ran through it). */
    public static final AtomicLong RECORDS_DURING_OUTAGE = new AtomicLong();
    public static volatile CountDownLatch finished = new CountDownLatch(1);
    public static volatile Throwable failure;

    private final long minRecords;
    private final int pauseEveryRecords;
    private long records;
    private volatile boolean checkpointCompleted;

    /** Run before each job: a new outage, nothing started. */
    public static void arm(ThrowingRunnable outage) {
        OUTAGE = outage;
        STARTED.set(false);
        OPENED.set(0);
        RECORDS_DURING_OUTAGE.set(0);
        finished = new CountDownLatch(1);
        failure = null;
    }

    public OutageInjector(long minRecords, int pauseEveryRecords) {
        this.minRecords = minRecords;
        this.pauseEveryRecords = pauseEveryRecords;
    }

    @Override
    public void open(OpenContext openContext) {
        OPENED.incrementAndGet();
    }

    @Override
    public T map(T value) throws Exception {
        records++;
        boolean over = finished.getCount() == 0;
        if (STARTED.get() && !over) {
            RECORDS_DURING_OUTAGE.incrementAndGet();
        }
        if (!over && records % pauseEveryRecords == 0) {
            Thread.sleep(1);
        }
        if (records >= minRecords && checkpointCompleted && STARTED.compareAndSet(false, true)) {
            CountDownLatch done = finished;
            Thread outage = new Thread(() -> {
                try {
                    OUTAGE.run();
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.countDown();
                }
            }, "outage-injector");
            outage.setDaemon(true);
            outage.start();
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
    }

    /** An outage step that may throw (process control, sleeps). */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
