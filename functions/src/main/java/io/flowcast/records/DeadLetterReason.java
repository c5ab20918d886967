package io.flowcast.records;

/** Why a CDC message was sent to the dead-letter table instead of being applied. */
public enum DeadLetterReason {
    /** The value is not parseable JSON. */
    MALFORMED_JSON,
    /** JSON, but not a Debezium envelope: not an object, or the image the op needs is absent. */
    MALFORMED_ENVELOPE,
    /** The topic names no table Flowcast mirrors. */
    UNKNOWN_TABLE,
    /** {@code op} is missing or not one of c, u, d, r. */
    UNKNOWN_OP,
    /** A natural-key column is missing or null. */
    MISSING_KEY,
    /** A required non-key column is missing or null in an insert/update image. */
    MISSING_FIELD,
    /** A value cannot be read as its column's type. */
    WRONG_TYPE,
    /** A quantity, price or cost is negative where the business forbids it. */
    NEGATIVE_QUANTITY,
    /** A value outside its domain (unknown region or movement type, discount outside [0, 1]). */
    INVALID_VALUE,
    /** The business timestamp lies further after the source commit time than the allowed skew. */
    FUTURE_TIMESTAMP,
    /** A forecast request names a series the job holds no closed week of. */
    UNKNOWN_SERIES,
    /** A promoted model whose artifact fails its checksum or cannot be loaded (the old version stays active). */
    CORRUPT_MODEL
}
