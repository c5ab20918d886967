package io.flowcast.forecast;

/**
 * Syntetos-Boylan demand pattern (Syntetos, Boylan &amp; Croston 2005, "On the categorization of
 * demand patterns", JORS 56(5)): cut-offs ADI = 1.32 and CV^2 = 0.49 split smooth / erratic /
 * intermittent / lumpy; a value equal to a cut-off counts as below it. A series without any demand
 * is {@link #NO_DEMAND}. One type for the stored classes (classification_results) and the
 * engine's model pools, so both always agree.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY, NO_DEMAND;

    public static final double ADI_CUTOFF = 1.32;
    public static final double CV2_CUTOFF = 0.49;

    /** Demand arrives in some weeks only: the engine uses its intermittent-demand pool (no demand counts too). */
    public boolean sporadic() {
        return this == INTERMITTENT || this == LUMPY || this == NO_DEMAND;
    }

    /** The class of a series with average inter-demand interval {@code adi} and squared CV of demand sizes {@code cv2}. */
    public static DemandClass of(double adi, double cv2) {
        if (Double.isInfinite(adi)) {
            return NO_DEMAND;
        }
        // Sporadic and variable only strictly above the cut-offs.
        boolean frequent = adi <= ADI_CUTOFF;
        boolean stableSizes = cv2 <= CV2_CUTOFF;
        if (frequent) {
            return stableSizes ? SMOOTH : ERRATIC;
        }
        return stableSizes ? INTERMITTENT : LUMPY;
    }

    public static DemandClass of(double[] y) {
        return of(adi(y), cv2(y));
    }

    /** Average inter-demand interval: weeks per week with demand; infinite without demand. */
    public static double adi(double[] y) {
        int nonZero = 0;
        for (double v : y) {
            if (v != 0) {
                nonZero++;
            }
        }
        return nonZero == 0 ? Double.POSITIVE_INFINITY : (double) y.length / nonZero;
    }

    /** Squared coefficient of variation of the non-zero demand sizes (sample variance; 0 for fewer than two). */
    public static double cv2(double[] y) {
        int nonZero = 0;
        double sum = 0;
        double sumSq = 0;
        for (double v : y) {
            if (v != 0) {
                nonZero++;
                sum += v;
                sumSq += v * v;
            }
        }
        if (nonZero == 0) {
            return 0;
        }
        double mean = sum / nonZero;
        double variance = nonZero > 1 ? Math.max(0, (sumSq - nonZero * mean * mean) / (nonZero - 1)) : 0;
        return mean == 0 ? 0 : variance / (mean * mean);
    }
}
