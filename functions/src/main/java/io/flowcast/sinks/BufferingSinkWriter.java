package io.flowcast.sinks;

import java.io.IOException;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink writer that buffers records and writes them in bulk: when the buffer is full, when the
 * flush interval elapses, and always before a checkpoint barrier passes ({@link #flush(boolean)}).
 *
 * <p>Flushing before every barrier gives at-least-once delivery; because every write the
 * subclasses issue is idempotent (upserts by key, absolute values), replaying the records after
 * the last checkpoint reproduces the same end state: an exactly-once effect without transactions.
 *
 * <p>All methods, including the timer callback, run in the task's mailbox thread, so the buffer
 * needs no locking.
 */
public abstract class BufferingSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BufferingSinkWriter.class);

    /** Longest pause between two attempts of a flush (backoff doubles from 100 ms up to it). */
    static final long MAX_BACKOFF_MILLIS = 2_000;

    private final ProcessingTimeService timers;
    private final int maxBuffered;
    private final long flushIntervalMillis;
    private final int maxRetries;
    private final long retryForMillis;
    private final Counter flushes;
    private final Counter flushFailures;
    private volatile long lastFlushMillis;
    private boolean closed;

    protected BufferingSinkWriter(WriterInitContext context, int maxBuffered, long flushIntervalMillis, int maxRetries) {
        this(context, maxBuffered, flushIntervalMillis, maxRetries, 0);
    }

    /**
     * @param retryForMillis a failing flush keeps retrying at least this long (besides
     *     {@code maxRetries} attempts) before the task fails: an outage shorter than this back-pressures
     *     the job instead of restarting it, and the writer resumes within {@link #MAX_BACKOFF_MILLIS}
     *     of the service's return
     */
    protected BufferingSinkWriter(
            WriterInitContext context, int maxBuffered, long flushIntervalMillis, int maxRetries, long retryForMillis) {
        this.timers = context.getProcessingTimeService();
        this.maxBuffered = maxBuffered;
        this.flushIntervalMillis = flushIntervalMillis;
        this.maxRetries = maxRetries;
        this.retryForMillis = retryForMillis;
        this.flushes = context.metricGroup().counter("flushes");
        this.flushFailures = context.metricGroup().counter("flushRetries");
        context.metricGroup().gauge("lastFlushMillis", () -> lastFlushMillis);
        scheduleFlush();
    }

    /** Adds one record to the buffer. */
    protected abstract void buffer(T element) throws IOException;

    /** Records (or distinct keys) currently buffered. */
    protected abstract int buffered();

    /** Writes the whole buffer; on success the buffer is empty, on failure it is unchanged. */
    protected abstract void writeBuffer() throws Exception;

    /** Drops a broken connection so that the next attempt opens a new one. */
    protected abstract void reset();

    @Override
    public final void write(T element, Context context) throws IOException {
        buffer(element);
        if (buffered() >= maxBuffered) {
            flushNow();
        }
    }

    @Override
    public final void flush(boolean endOfInput) throws IOException {
        flushNow();
    }

    private void scheduleFlush() {
        timers.registerTimer(
                timers.getCurrentProcessingTime() + flushIntervalMillis,
                time -> {
                    if (closed) {
                        return;
                    }
                    flushNow();
                    scheduleFlush();
                });
    }

    private void flushNow() throws IOException {
        if (buffered() == 0) {
            return;
        }
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                writeBuffer();
                break;
            } catch (Exception e) {
                long failingForMillis = (System.nanoTime() - start) / 1_000_000;
                if (attempt >= maxRetries && failingForMillis >= retryForMillis) {
                    // Let Flink fail the task and restart it from the last checkpoint.
                    throw new IOException("flush failed after " + (attempt + 1) + " attempts in " + failingForMillis + " ms", e);
                }
                flushFailures.inc();
                LOG.warn("flush attempt {} failed, retrying: {}", attempt + 1, e.toString());
                reset();
                try {
                    Thread.sleep(Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(attempt, 20)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while retrying a flush", e);
                }
            }
        }
        flushes.inc();
        lastFlushMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() throws Exception {
        closed = true;
    }
}
