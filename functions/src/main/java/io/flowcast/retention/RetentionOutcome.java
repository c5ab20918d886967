package io.flowcast.retention;

import java.time.Instant;

/**
 * What one policy selected and did in one run: a {@code retention_history} row.
 *
 * @param rowsTotal the family's rows when the policy started (dry run; null when executing,
 *     which does not count them)
 * @param rowsMatched rows the rule selects (dry run: would delete; execute: deleted)
 */
public record RetentionOutcome(String policy, String family, String mode, String status, String rule, Long rowsTotal,
        long rowsMatched, long rowsDeleted, long rowsArchived, int batches, Long maxBatchMillis,
        Instant startedAt, Instant finishedAt, String detail) {

    public double seconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
