package io.flowcast.records;

import io.flowcast.records.DeadLetterReason;

/**
 * A message a job could not use, with the reason, kept whole so that it can be inspected and
 * replayed. The Kafka position (with the job) identifies it; re-rejecting it after a restart
 * writes the same row.
 *
 * @param payload the message value decoded as UTF-8 (invalid bytes replaced), possibly truncated
 * @param payloadBytes size of the original value in bytes
 */
public record DeadLetter(
        String job,
        String topic,
        int partition,
        long offset,
        DeadLetterReason reason,
        String detail,
        String recordKey,
        String payload,
        int payloadBytes,
        long kafkaTimestampMillis) {}
