package io.flowcast.generator;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Deterministic synthetic CDC of the warehouse tables (see {@code docs/generator.md}).
 *
 * <p>Each call to {@link #stream()} starts a fresh, independent run of the same history: the
 * product master and stock snapshot ({@code op=r}), then the change stream in business-time
 * order. Messages are produced lazily, one simulation step at a time, so memory stays bounded by
 * the pending actions (open purchases, scheduled amendments) plus the ledger.
 *
 * <p>Random streams are split from the seed per concern (demand, simulation, commit delays, bad
 * events), so turning bad events on or off does not change a single good message.
 */
public final class CdcGenerator {
    /** Debezium's LSN stands for a byte position; good events step by this, bad ones sit between. */
    static final long LSN_STRIDE = 16;
    /** Topic of {@link BadEventKind#UNKNOWN_TABLE} messages; create it when bad events are on. */
    public static final String UNKNOWN_TABLE_TOPIC = BadEventFactory.UNKNOWN_TABLE_TOPIC;
    static final long LSN_BASE = 1_000_000L;
    /** Commit lag after the business time: 1 s to 3 min, as a batch-committing warehouse shows. */
    private static final long MIN_COMMIT_DELAY_MS = 1_000;
    private static final long MAX_COMMIT_DELAY_MS = 180_000;
    /** Connector processing lag after commit. */
    private static final long MIN_CONNECTOR_DELAY_MS = 20;
    private static final long MAX_CONNECTOR_DELAY_MS = 800;

    private final GeneratorConfig config;

    public CdcGenerator(GeneratorConfig config) {
        this.config = config;
    }

    public GeneratorConfig config() {
        return config;
    }

    /** A fresh run as an iterator; its {@link CdcStream#ledger()} covers the messages returned so far. */
    public CdcStream stream() {
        return new CdcStream(config);
    }

    /** Streams every message of a fresh run to {@code sink}; returns the run's ledger. */
    public GeneratorLedger generate(Consumer<GeneratedMessage> sink) {
        CdcStream stream = stream();
        while (stream.hasNext()) {
            sink.accept(stream.next());
        }
        return stream.ledger();
    }

    /** Every message in memory: for small configs (tests, examples). */
    public GeneratedBatch generateAll() {
        List<GeneratedMessage> messages = new ArrayList<>();
        GeneratorLedger ledger = generate(messages::add);
        return new GeneratedBatch(List.copyOf(messages), ledger);
    }

    /** One run, pulled message by message. Not thread-safe. */
    public static final class CdcStream implements Iterator<GeneratedMessage> {
        private record Pending(GeneratedMessage message, ChangeEvent event) {}

        private final GeneratorConfig config;
        private final WarehouseSimulation simulation;
        private final SplittableRandom commitRandom;
        private final BadEventFactory badEvents;
        private final DebeziumJsonEncoder encoder = new DebeziumJsonEncoder();
        private final GeneratorLedger ledger;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private final Consumer<ChangeEvent> sink = this::enqueue;
        private boolean snapshotDone;
        private boolean finished;
        private long goodSequence;
        private long lastCommitMs = Long.MIN_VALUE;
        private boolean inSnapshot;
        private ChangeEvent lastEvent;

        private CdcStream(GeneratorConfig config) {
            this.config = config;
            SplittableRandom root = new SplittableRandom(config.seed());
            SplittableRandom demandRandom = root.split();
            SplittableRandom simulationRandom = root.split();
            this.commitRandom = root.split();
            SplittableRandom badRandom = root.split();
            DemandModel model = DemandModel.create(config, demandRandom);
            this.simulation = new WarehouseSimulation(config, model, simulationRandom);
            this.badEvents = new BadEventFactory(badRandom, config.badFraction(), encoder);
            this.ledger = new GeneratorLedger(config.keepFinalRows(), model.series());
        }

        /**
         * The row change behind the message {@link #next()} returned last, or null when that message
         * was a bad event or a tombstone: what a writer that applies the history to a real source
         * database (instead of sending the encoded message) needs.
         */
        public ChangeEvent lastEvent() {
            return lastEvent;
        }

        /** Ledger of the messages returned by {@link #next()} so far; complete once exhausted. */
        public GeneratorLedger ledger() {
            return ledger;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && !finished) {
                if (!snapshotDone) {
                    inSnapshot = true;
                    simulation.snapshot(sink);
                    inSnapshot = false;
                    snapshotDone = true;
                } else if (!simulation.step(sink)) {
                    finished = true;
                }
            }
            return !pending.isEmpty();
        }

        @Override
        public GeneratedMessage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Pending next = pending.poll();
            GeneratedMessage message = next.message();
            lastEvent = next.event();
            if (next.event() != null) {
                ledger.apply(next.event());
            } else if (message.isBad()) {
                ledger.countBad(message.badKind());
            } else {
                ledger.countTombstone();
            }
            return message;
        }

        private void enqueue(ChangeEvent event) {
            long businessMs = event.businessSecond() * 1000L;
            long commitMs;
            if (inSnapshot) {
                // A snapshot is read in one transaction: every r event carries its start time.
                commitMs = businessMs;
            } else {
                long delay = MIN_COMMIT_DELAY_MS + commitRandom.nextLong(MAX_COMMIT_DELAY_MS - MIN_COMMIT_DELAY_MS);
                commitMs = Math.max(lastCommitMs, businessMs + delay);
            }
            lastCommitMs = Math.max(lastCommitMs, commitMs);
            long tsMs = commitMs + MIN_CONNECTOR_DELAY_MS
                    + commitRandom.nextLong(MAX_CONNECTOR_DELAY_MS - MIN_CONNECTOR_DELAY_MS);
            long lsn = LSN_BASE + LSN_STRIDE * goodSequence++;
            byte[] key = encoder.encodeKey(event.table(), event.keyImage());
            byte[] value = encoder.encodeValue(event.table(), event.op(), event.before(), event.after(), commitMs,
                    lsn, tsMs);
            String topic = event.table().topic();
            pending.add(new Pending(new GeneratedMessage(topic, key, value, tsMs, null), event));
            if (event.op() == ChangeOp.DELETE && config.emitTombstones()) {
                pending.add(new Pending(new GeneratedMessage(topic, key, null, tsMs, null), null));
            }
            if (!inSnapshot) {
                GeneratedMessage bad = badEvents.afterGood(
                        new BadEventFactory.Template(event, key, value, commitMs, lsn, tsMs));
                if (bad != null) {
                    pending.add(new Pending(bad, null));
                }
            }
        }
    }
}
