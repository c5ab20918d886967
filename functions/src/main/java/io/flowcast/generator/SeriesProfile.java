package io.flowcast.generator;

/**
 * One product x region demand series: the pattern it was drawn from and its weekly demand in
 * units before it is split into order lines.
 */
public final class SeriesProfile {
    private final String productCode;
    private final String region;
    private final DemandPattern pattern;
    private final int[] weeklyDemand;
    private final boolean[] promotionWeeks;

    SeriesProfile(String productCode, String region, DemandPattern pattern, int[] weeklyDemand, boolean[] promotionWeeks) {
        this.productCode = productCode;
        this.region = region;
        this.pattern = pattern;
        this.weeklyDemand = weeklyDemand;
        this.promotionWeeks = promotionWeeks;
    }

    public String productCode() {
        return productCode;
    }

    public String region() {
        return region;
    }

    public DemandPattern pattern() {
        return pattern;
    }

    public int weeks() {
        return weeklyDemand.length;
    }

    /** Units ordered in week {@code week} (0-based), before amendments and cancellations. */
    public int demand(int week) {
        return weeklyDemand[week];
    }

    /** Whether week {@code week} is a promotion week for this series (sales lines carry promocao). */
    public boolean promotion(int week) {
        return promotionWeeks[week];
    }

    /** Mean units per week over the whole history (the replenishment policy sizes stock from it). */
    public double meanDemand() {
        long total = 0;
        for (int d : weeklyDemand) {
            total += d;
        }
        return (double) total / weeklyDemand.length;
    }
}
