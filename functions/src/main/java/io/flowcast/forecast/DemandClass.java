package io.flowcast.forecast;

/**
 * Syntetos-Boylan demand categories (Syntetos, Boylan &amp; Croston 2005, "On the
 * categorization of demand patterns", JORS 56(5)): cut-offs ADI = 1.32 and CV^2 = 0.49.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY;

    public static final double ADI_CUTOFF = 1.32;
    public static final double CV2_CUTOFF = 0.49;

    public boolean sporadic() {
        return this == INTERMITTENT || this == LUMPY;
    }

    /** Classifies a series; one with no demand at all counts as lumpy (the most sporadic). */
    public static DemandClass of(double[] y) {
        int demands = 0;
        double sum = 0;
        double sumSquares = 0;
        for (double v : y) {
            if (v != 0) {
                demands++;
                sum += v;
                sumSquares += v * v;
            }
        }
        if (demands == 0) {
            return LUMPY;
        }
        // ADI = mean interval between demands = periods / demands.
        double adi = (double) y.length / demands;
        double mean = sum / demands;
        double variance = demands > 1 ? (sumSquares - demands * mean * mean) / (demands - 1) : 0;
        double cv2 = mean == 0 ? 0 : Math.max(variance, 0) / (mean * mean);
        boolean sporadic = adi > ADI_CUTOFF;
        boolean variable = cv2 > CV2_CUTOFF;
        if (sporadic) {
            return variable ? LUMPY : INTERMITTENT;
        }
        return variable ? ERRATIC : SMOOTH;
    }
}
