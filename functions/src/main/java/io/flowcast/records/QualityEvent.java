package io.flowcast.records;

/**
 * One data-quality check result for a table and window (a row of {@code data_quality_events}).
 *
 * @param details JSON with the numbers behind the check, or null
 */
public record QualityEvent(
        String job,
        String checkName,
        String table,
        long windowStartMillis,
        long windowEndMillis,
        boolean passed,
        double observed,
        double threshold,
        String details) {}
