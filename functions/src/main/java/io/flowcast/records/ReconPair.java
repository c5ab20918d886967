package io.flowcast.records;

/**
 * One key of one table as seen by reconciliation: the row hash on the source side and on the PG
 * mirror side (null = the side has no such row). Readers emit half-filled pairs; merging the
 * pairs of a key gives the full picture.
 *
 * @param table ordinal of the {@link io.flowcast.cdc.MirrorTable}
 * @param key natural key ({@link io.flowcast.cdc.MirrorTable#keyString})
 * @param newer the mirror row was applied from CDC after the snapshot's position: not comparable
 */
public record ReconPair(int table, String key, String sourceHash, String mirrorHash, boolean newer) {

    public static ReconPair source(int table, String key, String hash) {
        return new ReconPair(table, key, hash, null, false);
    }

    public static ReconPair mirror(int table, String key, String hash, boolean newer) {
        return new ReconPair(table, key, null, hash, newer);
    }

    /** Both sides of a key; a side seen twice keeps the first hash (keys are unique per side). */
    public ReconPair merge(ReconPair other) {
        return new ReconPair(
                table,
                key,
                sourceHash != null ? sourceHash : other.sourceHash,
                mirrorHash != null ? mirrorHash : other.mirrorHash,
                newer || other.newer);
    }

    /** Grouping key: table and natural key. */
    public String groupKey() {
        return table + "\u001e" + key;
    }
}
