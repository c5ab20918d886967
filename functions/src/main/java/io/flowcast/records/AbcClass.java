package io.flowcast.records;

/** A product's ABC class as of a closed week, with its share of the trailing-year revenue. */
public record AbcClass(String productCode, long weekStartEpochDay, char abc, double revenueShare) {}
