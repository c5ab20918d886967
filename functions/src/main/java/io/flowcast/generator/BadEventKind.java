package io.flowcast.generator;

/**
 * Kinds of invalid messages the generator mixes into the stream. Each is an extra message next to
 * the good one it was derived from, so the expected final state never depends on them; the
 * pipeline must route every one of them to the dead-letter table.
 */
public enum BadEventKind {
    /** The value is a truncated JSON document. */
    MALFORMED_JSON,
    /** A natural-key column is absent or null in {@code after}. */
    MISSING_KEY,
    /** A typed column carries a value of the wrong JSON type (e.g. {@code "abc"} or an object). */
    WRONG_TYPE,
    /** {@code quantidade < 0} on a sales line or an ENTRADA/SAIDA movement. */
    NEGATIVE_QUANTITY,
    /** A {@code castrolanda.} topic that maps to no mirrored table. */
    UNKNOWN_TABLE,
    /** The business timestamp is more than two days after the commit time {@code source.ts_ms}. */
    FUTURE_TIMESTAMP,
    /** A required non-key column is absent from {@code after}. */
    MISSING_FIELD,
    /** {@code op} is not one of c, u, d, r. */
    UNKNOWN_OP
}
