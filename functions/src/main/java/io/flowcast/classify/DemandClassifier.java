package io.flowcast.classify;

import io.flowcast.features.DemandFeatures;
import io.flowcast.forecast.DemandClass;

/**
 * Demand pattern ({@link DemandClass}, Syntetos-Boylan) and XYZ class of a series from its
 * features. XYZ by the coefficient of variation of weekly demand: X up to 0.5, Y up to 1.0, Z
 * above (common inventory-management convention; both limits are parameters).
 */
public final class DemandClassifier implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

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

    public static DemandClass pattern(DemandFeatures f) {
        return DemandClass.of(f.adi(), f.cv2());
    }

    public Xyz xyz(DemandFeatures f) {
        if (f.cv() <= xLimit) {
            return Xyz.X;
        }
        return f.cv() <= yLimit ? Xyz.Y : Xyz.Z;
    }
}
