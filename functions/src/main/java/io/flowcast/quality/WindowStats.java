package io.flowcast.quality;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * What the monitor accumulates for one table and window.
 *
 * @param upserts decoded inserts/updates/snapshot reads (the denominator of null rates)
 * @param maxLagMillis largest Kafka-minus-source delay seen
 * @param duplicates changes that repeated the key and content of the row's previous change
 * @param nullCounts per column (contract order): upserts in which it was null
 * @param driftMessages decoded changes whose image departed from the contract
 * @param unknownFields distinct source fields outside the contract seen in the window, sorted
 * @param missingFields distinct contract fields absent from images in the window, sorted
 */
public record WindowStats(
        long changes,
        long rejects,
        long deletes,
        long maxLagMillis,
        long upserts,
        long duplicates,
        long[] nullCounts,
        long driftMessages,
        String[] unknownFields,
        String[] missingFields) {

    public static final WindowStats EMPTY = new WindowStats(0, 0, 0, 0, 0, 0, new long[0], 0, new String[0], new String[0]);

    public long messages() {
        return changes + rejects;
    }

    public double rejectRate() {
        return messages() == 0 ? 0.0 : (double) rejects / messages();
    }

    public double duplicateRate() {
        return changes == 0 ? 0.0 : (double) duplicates / changes;
    }

    /** Share of upserts in which column {@code index} was null. */
    public double nullRate(int index) {
        return upserts == 0 || index >= nullCounts.length ? 0.0 : (double) nullCounts[index] / upserts;
    }

    public WindowStats withReject() {
        return new WindowStats(changes, rejects + 1, deletes, maxLagMillis, upserts, duplicates, nullCounts, driftMessages,
                unknownFields, missingFields);
    }

    /** Adds one decoded change; {@code nullColumns} is ignored for deletes. */
    public WindowStats withChange(boolean delete, long lagMillis, boolean duplicate, long nullColumns, int columnCount) {
        long[] nulls = nullCounts;
        if (!delete) {
            nulls = Arrays.copyOf(nullCounts, Math.max(nullCounts.length, columnCount));
            for (long mask = nullColumns; mask != 0; mask &= mask - 1) {
                nulls[Long.numberOfTrailingZeros(mask)]++;
            }
        }
        return new WindowStats(changes + 1, rejects, deletes + (delete ? 1 : 0), Math.max(maxLagMillis, lagMillis),
                upserts + (delete ? 0 : 1), duplicates + (duplicate ? 1 : 0), nulls, driftMessages, unknownFields,
                missingFields);
    }

    public WindowStats withDrift(String[] unknown, String[] missing) {
        return new WindowStats(changes, rejects, deletes, maxLagMillis, upserts, duplicates, nullCounts, driftMessages + 1,
                union(unknownFields, unknown), union(missingFields, missing));
    }

    private static String[] union(String[] seen, String[] more) {
        if (more == null || more.length == 0) {
            return seen;
        }
        TreeSet<String> names = new TreeSet<>(Arrays.asList(seen));
        names.addAll(Arrays.asList(more));
        return names.toArray(new String[0]);
    }
}
