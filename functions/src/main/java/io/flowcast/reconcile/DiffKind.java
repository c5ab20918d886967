package io.flowcast.reconcile;

/** How a row of the PG mirror disagrees with the source. */
public enum DiffKind {
    /** In the source, not in the mirror: repair inserts it. */
    MISSING,
    /** In the mirror, not in the source: repair deletes it. */
    EXTRA,
    /** In both with different content: repair overwrites the mirror's row with the source's. */
    DIFFERENT;

    /** Compares the two sides of one key (null hash = absent); null when they agree. */
    public static DiffKind of(String sourceHash, String mirrorHash) {
        if (sourceHash == null && mirrorHash == null) {
            return null;
        }
        if (mirrorHash == null) {
            return MISSING;
        }
        if (sourceHash == null) {
            return EXTRA;
        }
        return sourceHash.equals(mirrorHash) ? null : DIFFERENT;
    }
}
