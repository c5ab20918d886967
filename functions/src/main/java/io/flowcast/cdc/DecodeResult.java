package io.flowcast.cdc;

import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;

/** Outcome of decoding one CDC message: a change to apply, a rejection, or a tombstone. */
public sealed interface DecodeResult {

    /** A valid change. */
    record Change(MirrorChange change) implements DecodeResult {}

    /** An invalid message, bound for the dead-letter table. */
    record Rejected(DeadLetter deadLetter) implements DecodeResult {}

    /**
     * A Kafka tombstone (null value), which Debezium emits after a delete so that log compaction
     * can drop the key. It carries no change: the delete event before it did the work.
     */
    record Tombstone() implements DecodeResult {}
}
