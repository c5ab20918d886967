package io.flowcast.generator;

import io.flowcast.cdc.MirrorTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything that shapes one synthetic warehouse history. Two generators built from equal configs
 * emit byte-identical streams: nothing here or downstream reads the clock.
 *
 * @param seed root of every random draw (demand, orders, delays, bad events)
 * @param products number of products {@code P0001..}
 * @param regions sales regions; each has one warehouse {@code CD-<region>}
 * @param weeks number of simulated weeks
 * @param startDate Monday the first week starts on (UTC)
 * @param linesPerSeriesWeek mean number of order lines a product x region sells in a week with
 *     demand; it scales the message volume (roughly 3 to 4 messages per line)
 * @param badFraction share of all emitted messages that are extra, invalid messages
 * @param updateFraction share of sales lines amended later (status, discount or quantity)
 * @param deleteFraction share of sales lines cancelled later
 * @param criticalShare share of products flagged {@code critico}
 * @param emitTombstones emit a Kafka tombstone (null value) after every delete, as Debezium does
 *     with {@code tombstones.on.delete=true}
 * @param keepFinalRows keep every final row in the ledger (tests); off for very large runs, where
 *     the ledger keeps only counts and aggregates
 */
public record GeneratorConfig(
        long seed,
        int products,
        List<String> regions,
        int weeks,
        LocalDate startDate,
        double linesPerSeriesWeek,
        double badFraction,
        double updateFraction,
        double deleteFraction,
        double criticalShare,
        boolean emitTombstones,
        boolean keepFinalRows) {

    public static final int DEFAULT_PRODUCTS = 150;
    public static final List<String> DEFAULT_REGIONS = List.of("SP", "GO", "MG", "EX", "RS", "PR");
    /** Two years of weekly history: enough for a 52-week seasonal pattern to show twice. */
    public static final int DEFAULT_WEEKS = 104;
    /** A Monday such that 104 weeks end before late 2026, when this default was chosen. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 11, 4);
    public static final double DEFAULT_LINES_PER_SERIES_WEEK = 4.0;
    public static final double DEFAULT_UPDATE_FRACTION = 0.03;
    public static final double DEFAULT_DELETE_FRACTION = 0.01;
    public static final double DEFAULT_CRITICAL_SHARE = 0.1;
    /** Above this a "bad" stream would be mostly noise; the pipeline tests want a minority. */
    public static final double MAX_BAD_FRACTION = 0.5;
    /** Product codes are {@code P%04d}. */
    public static final int MAX_PRODUCTS = 9999;

    public GeneratorConfig {
        regions = List.copyOf(regions);
        if (products < 1 || products > MAX_PRODUCTS) {
            throw new IllegalArgumentException("products must be in [1, " + MAX_PRODUCTS + "]: " + products);
        }
        if (regions.isEmpty() || !MirrorTable.REGIONS.containsAll(regions)
                || regions.stream().distinct().count() != regions.size()) {
            throw new IllegalArgumentException("regions must be distinct and in " + MirrorTable.REGIONS + ": " + regions);
        }
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be >= 1: " + weeks);
        }
        if (startDate.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("startDate must be a Monday: " + startDate);
        }
        if (!(linesPerSeriesWeek >= 1.0)) {
            throw new IllegalArgumentException("linesPerSeriesWeek must be >= 1: " + linesPerSeriesWeek);
        }
        checkFraction("badFraction", badFraction, MAX_BAD_FRACTION);
        checkFraction("updateFraction", updateFraction, 1.0);
        checkFraction("deleteFraction", deleteFraction, 1.0);
        checkFraction("criticalShare", criticalShare, 1.0);
        if (updateFraction + deleteFraction > 1.0) {
            throw new IllegalArgumentException("updateFraction + deleteFraction must be <= 1");
        }
    }

    private static void checkFraction(String name, double value, double max) {
        if (!(value >= 0.0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "]: " + value);
        }
    }

    /** The defaults: seed 42, 150 products, six regions, 104 weeks, no bad events. */
    public static GeneratorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .seed(seed)
                .products(products)
                .regions(regions)
                .weeks(weeks)
                .startDate(startDate)
                .linesPerSeriesWeek(linesPerSeriesWeek)
                .badFraction(badFraction)
                .updateFraction(updateFraction)
                .deleteFraction(deleteFraction)
                .criticalShare(criticalShare)
                .emitTombstones(emitTombstones)
                .keepFinalRows(keepFinalRows);
    }

    public GeneratorConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public GeneratorConfig withBadFraction(double fraction) {
        return toBuilder().badFraction(fraction).build();
    }

    /** Warehouse that serves a region: {@code CD-<region>}. */
    public static String warehouseOf(String region) {
        return "CD-" + region;
    }

    /** One warehouse per region, in region order. */
    public List<String> warehouses() {
        return regions.stream().map(GeneratorConfig::warehouseOf).toList();
    }

    /** Product code of the 0-based product index: {@code P0001} for 0. */
    public static String productCode(int index) {
        return String.format("P%04d", index + 1);
    }

    /** Monday of the week after the last simulated week; nothing happens at or after it. */
    public LocalDate endDate() {
        return startDate.plusWeeks(weeks);
    }

    public static final class Builder {
        private long seed = 42L;
        private int products = DEFAULT_PRODUCTS;
        private List<String> regions = DEFAULT_REGIONS;
        private int weeks = DEFAULT_WEEKS;
        private LocalDate startDate = DEFAULT_START;
        private double linesPerSeriesWeek = DEFAULT_LINES_PER_SERIES_WEEK;
        private double badFraction;
        private double updateFraction = DEFAULT_UPDATE_FRACTION;
        private double deleteFraction = DEFAULT_DELETE_FRACTION;
        private double criticalShare = DEFAULT_CRITICAL_SHARE;
        private boolean emitTombstones;
        private boolean keepFinalRows = true;

        private Builder() {}

        public Builder seed(long value) { seed = value; return this; }
        public Builder products(int value) { products = value; return this; }
        public Builder regions(List<String> value) { regions = value; return this; }
        public Builder weeks(int value) { weeks = value; return this; }
        public Builder startDate(LocalDate value) { startDate = value; return this; }
        public Builder linesPerSeriesWeek(double value) { linesPerSeriesWeek = value; return this; }
        public Builder badFraction(double value) { badFraction = value; return this; }
        public Builder updateFraction(double value) { updateFraction = value; return this; }
        public Builder deleteFraction(double value) { deleteFraction = value; return this; }
        public Builder criticalShare(double value) { criticalShare = value; return this; }
        public Builder emitTombstones(boolean value) { emitTombstones = value; return this; }
        public Builder keepFinalRows(boolean value) { keepFinalRows = value; return this; }

        public GeneratorConfig build() {
            return new GeneratorConfig(seed, products, regions, weeks, startDate, linesPerSeriesWeek,
                    badFraction, updateFraction, deleteFraction, criticalShare, emitTombstones, keepFinalRows);
        }
    }
}
