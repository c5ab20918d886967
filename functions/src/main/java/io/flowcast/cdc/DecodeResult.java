package io.flowcast.cdc;

import io.flowcast.records.DeadLetter;
import io.flowcast.cdc.MirrorChange;

/** Outcome of decoding one CDC message: a change to apply, a rejection, or a tombstone. */
public sealed interface DecodeResult {

    /**
     * A valid change, with how its image departs from the contract (fields the contract does not
     * know, optional fields absent); {@link SchemaDrift#NONE} when it matches.
     */
    record Change(MirrorChange change, SchemaDrift drift) implements DecodeResult {

        public Change(MirrorChange change) {
            this(change, SchemaDrift.NONE);
        }
    }

    /** An invalid message, bound for the dead-letter table. */
    record Rejected(DeadLetter deadLetter) implements DecodeResult {}

    /**
     * A Kafka tombstone (null value), which Debezium emits after a delete so that log compaction
     * can drop the key. It carries no change: the delete event before it did the work.
     */
    record Tombstone() implements DecodeResult {}

    /**
     * A message of a Debezium control topic (heartbeats, transaction metadata): no row change,
     * skipped on purpose.
     */
    record Ignored(String topic) implements DecodeResult {}
}
