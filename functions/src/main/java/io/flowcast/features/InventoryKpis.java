package io.flowcast.features;

/**
 * Inventory position of one demand series (product x region) at a week close: the KPIs of the
 * warehouse's {@code inventory_metrics} (seed 000: {@code valor_estoque, dio, taxa_giro,
 * nivel_atendimento}), computed from the stock level of the region's warehouse and the series'
 * order lines. A null value is unknown or undefined, never zero.
 *
 * <p>The window is the last {@code windowWeeks} ISO weeks ending with the closed week:
 * {@code demand-forecast.kpi-window-weeks} (13), or the series' whole history when it is shorter.
 * Shipped units are the {@code quantidade_atendida} of the series' order lines placed in the
 * window (amended and cancelled lines as they stand now); they are what left the stock, so the
 * stock KPIs use them rather than ordered units.
 *
 * @param windowWeeks weeks in the window (w)
 * @param onHand {@code quantidade_disponivel} of the latest stock-level row of the warehouse with
 *     {@code data_atualizacao} up to the end of the week; null when there is none (no stock data
 *     yet, or the row was deleted)
 * @param stockValue valor_estoque: on hand x {@code custo_medio} of that row; null when either is
 *     null
 * @param daysInventoryOutstanding DIO: on hand / (shipped units / (7 w)), the days the stock lasts
 *     at the window's shipping rate; null when on hand is unknown or nothing shipped in the window
 *     (infinite, or 0/0, cover)
 * @param turnover taxa_giro: shipped units x 52 / w (annualised) / the mean on-hand at the closes of
 *     the window's weeks (each week's close is the latest row up to its end; weeks before any
 *     stock row are left out); null when no week of the window has stock data or that mean is 0
 * @param serviceLevel nivel_atendimento: shipped / ordered units ({@code quantidade}) of the window's
 *     lines that report a fulfilled quantity; null when they ordered nothing
 * @param stockAgeDays freshness of the stock reading: days from its {@code data_atualizacao} to the
 *     end of the closed week; null when on hand is unknown (or the age was not given)
 */
public record InventoryKpis(
        int windowWeeks,
        Double onHand,
        Double stockValue,
        Double daysInventoryOutstanding,
        Double turnover,
        Double serviceLevel,
        Double stockAgeDays) {

    private static final double DAYS_PER_WEEK = 7.0;
    private static final double WEEKS_PER_YEAR = io.flowcast.forecast.Weeks.SEASON;

    /** Whether the warehouse's stock was known at the week close. */
    public boolean stockKnown() {
        return onHand != null;
    }

    /**
     * Computes the KPIs of a window.
     *
     * @param windowWeeks w, at least 1
     * @param onHand on hand at the week close, null when unknown
     * @param averageCost average unit cost of that stock row, null when unknown
     * @param closingOnHand on hand at the close of each week of the window (NaN when unknown), oldest first
     * @param shippedUnits fulfilled units of the window's lines that report one
     * @param orderedUnits ordered units of those same lines
     */
    public static InventoryKpis compute(
            int windowWeeks, Double onHand, Double averageCost, double[] closingOnHand, double shippedUnits, double orderedUnits) {
        return compute(windowWeeks, onHand, averageCost, closingOnHand, shippedUnits, orderedUnits, null);
    }

    /** As {@link #compute(int, Double, Double, double[], double, double)}, with the stock reading's age in days. */
    public static InventoryKpis compute(int windowWeeks, Double onHand, Double averageCost, double[] closingOnHand,
            double shippedUnits, double orderedUnits, Double stockAgeDays) {
        if (windowWeeks < 1) {
            throw new IllegalArgumentException("window of " + windowWeeks + " weeks");
        }
        Double stockValue = onHand != null && averageCost != null ? onHand * averageCost : null;
        Double serviceLevel = orderedUnits > 0 ? shippedUnits / orderedUnits : null;
        Double dio = onHand != null && shippedUnits > 0 ? onHand / (shippedUnits / (DAYS_PER_WEEK * windowWeeks)) : null;
        double sum = 0;
        int known = 0;
        for (double level : closingOnHand) {
            if (!Double.isNaN(level)) {
                sum += level;
                known++;
            }
        }
        Double turnover = known > 0 && sum > 0 ? shippedUnits * (WEEKS_PER_YEAR / windowWeeks) / (sum / known) : null;
        return new InventoryKpis(windowWeeks, onHand, stockValue, dio, turnover, serviceLevel, onHand == null ? null : stockAgeDays);
    }
}
