package io.flowcast.kafka;

import io.flowcast.generator.CdcGenerator;
import io.flowcast.generator.ChangeEvent;
import io.flowcast.generator.ChangeOp;
import io.flowcast.generator.GeneratedMessage;
import io.flowcast.generator.WarehouseSqlWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Plays the generator's history against a real source: every good row change as SQL on the
 * warehouse database (for Debezium to capture), every bad event straight onto its Kafka topic
 * (a broken producer next to the connector), so the dead-letter path stays exercised.
 *
 * <p>Used by {@code flowcast generate --warehouse-url}, the Debezium ITCase and {@code flowcast
 * bench debezium}.
 */
public final class WarehouseReplay {

    /**
     * What was played. Debezium writes one message per change plus a tombstone per delete, so the
     * CDC topics hold {@link #expectedKafkaMessages()} once the connector has caught up.
     */
    public record Result(long changes, long deletes, long badEvents, long commits, double seconds) {
        public long expectedKafkaMessages() {
            return changes + deletes + badEvents;
        }
    }

    private WarehouseReplay() {}

    /**
     * Plays {@code stream} until it ends or {@code maxChanges} row changes (0 = all) were written.
     *
     * @param producer where bad events go; null drops them
     * @param ratePerSecond row changes per second; 0 = as fast as possible
     * @param onCommit called with the wall-clock millis of every warehouse commit (latency probes)
     */
    public static Result play(CdcGenerator.CdcStream stream, Connection warehouse, KafkaProducer<byte[], byte[]> producer,
            int changesPerCommit, double ratePerSecond, long maxChanges, LongConsumer onCommit) throws Exception {
        WarehouseSqlWriter writer = new WarehouseSqlWriter(warehouse, changesPerCommit);
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        long changes = 0;
        long deletes = 0;
        long bad = 0;
        long started = System.nanoTime();
        try {
            while (stream.hasNext() && (maxChanges <= 0 || changes < maxChanges)) {
                GeneratedMessage message = stream.next();
                ChangeEvent event = stream.lastEvent();
                if (event != null) {
                    if (writer.apply(event)) {
                        onCommit.accept(System.currentTimeMillis());
                    }
                    changes++;
                    if (event.op() == ChangeOp.DELETE) {
                        deletes++;
                    }
                    if (ratePerSecond > 0) {
                        pace(started, changes, ratePerSecond, writer, onCommit);
                    }
                } else if (message.isBad() && producer != null) {
                    producer.send(KafkaLoad.record(message), (metadata, error) -> {
                        if (error != null) {
                            sendFailure.compareAndSet(null, error);
                        }
                    });
                    bad++;
                }
                if (sendFailure.get() != null) {
                    throw sendFailure.get();
                }
            }
            writer.commit();
            onCommit.accept(System.currentTimeMillis());
            if (producer != null) {
                producer.flush();
            }
        } finally {
            writer.close();
        }
        if (sendFailure.get() != null) {
            throw sendFailure.get();
        }
        return new Result(changes, deletes, bad, writer.commits(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Sleeps until the wall clock catches up with the target rate; commits what is queued before
     * sleeping, so a paced run commits small transactions often, as a live warehouse does.
     */
    private static void pace(long started, long changes, double rate, WarehouseSqlWriter writer, LongConsumer onCommit)
            throws InterruptedException, SQLException {
        long due = started + (long) (changes / rate * 1e9);
        long ahead = due - System.nanoTime();
        if (ahead > TimeUnit.MILLISECONDS.toNanos(2)) {
            writer.commit();
            onCommit.accept(System.currentTimeMillis());
            ahead = due - System.nanoTime();
            if (ahead > 0) {
                TimeUnit.NANOSECONDS.sleep(ahead);
            }
        }
    }
}
