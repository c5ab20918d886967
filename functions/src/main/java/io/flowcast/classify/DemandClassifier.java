package io.flowcast.classify;

import io.flowcast.features.DemandFeatures;

/**
 * Demand pattern (Syntetos, Boylan & Croston 2005) and XYZ class of a series from its features.
 *
 * <p>Syntetos-Boylan cut-offs: ADI 1.32 and CV^2 0.49 split smooth / erratic / intermittent /
 * lumpy; a value equal to a cut-off counts as below it. The forecasting engine's
 * {@code DemandClass} uses this classification too, so stored classes and model pools agree. XYZ by the coefficient of variation of weekly demand: X up to 0.5, Y up to 1.0, Z above
 * (common inventory-management convention; both limits are parameters).
 */
public final class DemandClassifier implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final double ADI_CUTOFF = 1.32;
    public static final double CV2_CUTOFF = 0.49;

    public enum Pattern { SMOOTH, ERRATIC, INTERMITTENT, LUMPY, NO_DEMAND }

    public enum Xyz { X, Y, Z }

    private final double xLimit;
    private final double yLimit;

    public DemandClassifier(double xLimit, double yLimit) {
        if (!(0 < xLimit && xLimit < yLimit)) {
            throw new IllegalArgumentException("need 0 < xLimit < yLimit");
        }
        this.xLimit = xLimit;
        this.yLimit = yLimit;
    }

    public static Pattern pattern(DemandFeatures f) {
        if (Double.isInfinite(f.adi())) {
            return Pattern.NO_DEMAND;
        }
        // Sporadic and variable only strictly above the cut-offs.
        boolean frequent = f.adi() <= ADI_CUTOFF;
        boolean stableSizes = f.cv2() <= CV2_CUTOFF;
        if (frequent) {
            return stableSizes ? Pattern.SMOOTH : Pattern.ERRATIC;
        }
        return stableSizes ? Pattern.INTERMITTENT : Pattern.LUMPY;
    }

    public Xyz xyz(DemandFeatures f) {
        if (f.cv() <= xLimit) {
            return Xyz.X;
        }
        return f.cv() <= yLimit ? Xyz.Y : Xyz.Z;
    }
}
