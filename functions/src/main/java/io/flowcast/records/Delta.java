package io.flowcast.records;

/**
 * A row version entering ({@code sign = +1}) or leaving ({@code -1}) an aggregate. An update is a
 * -1 of the old version followed by a +1 of the new one, which may belong to another group
 * (product, day, week) than the old.
 */
public record Delta<T extends Versioned>(int sign, T version) {}
