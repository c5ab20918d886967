package io.flowcast.records;

/**
 * A series snapshot on its way to the forecast operator with the model it must use.
 *
 * @param model the active registry model; null = the rule-based engine (no model promoted yet)
 * @param arm A/B arm: "champion", "challenger", or "" when no test runs
 */
public record RoutedSnapshot(SeriesSnapshot snapshot, ModelRef model, String arm) {}
