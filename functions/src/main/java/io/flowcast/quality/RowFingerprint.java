package io.flowcast.quality;

import java.math.BigDecimal;

/**
 * What the data-quality monitor keeps of a row: a 64-bit hash of its values (for "same key and
 * content seen twice") and a bit mask of its null columns (for null rates).
 *
 * <p>The hash works on the decoded values, not on the message bytes, so the same row re-sent with
 * other lineage (a new offset, LSN or commit time, as a connector re-delivering after a crash
 * does) hashes the same. Decimals hash by value, not by scale ({@code 1.5} = {@code 1.50}): the
 * mirror stores them as {@code numeric}, where both are equal. A collision between two different
 * contents of one key happens with probability about 2^-64.
 */
public final class RowFingerprint {

    private static final long SEED = 0x2545F4914F6CDD1DL;
    private static final long NULL_VALUE = 0x9E3779B97F4A7C15L;

    private RowFingerprint() {}

    /** Hash of the values of {@code row}, in column order. */
    public static long contentHash(Object[] row) {
        long hash = SEED;
        for (Object value : row) {
            hash = mix(hash * 31 + valueHash(value));
        }
        return hash;
    }

    /** Bit i set = {@code row[i]} is null (rows have at most 64 columns). */
    public static long nullColumns(Object[] row) {
        long mask = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private static long valueHash(Object value) {
        if (value == null) {
            return NULL_VALUE;
        }
        if (value instanceof String text) {
            // 64-bit FNV-1a: String.hashCode's 32 bits would make content collisions likely at scale.
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < text.length(); i++) {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
            return hash;
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal normalized = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            return mix(normalized.unscaledValue().hashCode() * 0x100000001b3L + normalized.scale());
        }
        return mix(value.hashCode() + ((long) value.getClass().getName().hashCode() << 32));
    }

    /** MurmurHash3's 64-bit finalizer: spreads every input bit over the whole word. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e7ec3b53L;
        h ^= h >>> 33;
        return h;
    }
}
