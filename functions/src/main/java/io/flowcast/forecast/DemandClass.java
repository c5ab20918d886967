package io.flowcast.forecast;

import io.flowcast.classify.DemandClassifier;
import io.flowcast.features.FeatureExtractor;

/**
 * Syntetos-Boylan demand categories (Syntetos, Boylan &amp; Croston 2005, "On the
 * categorization of demand patterns", JORS 56(5)): cut-offs ADI = 1.32 and CV^2 = 0.49.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY;

    public static final double ADI_CUTOFF = DemandClassifier.ADI_CUTOFF;
    public static final double CV2_CUTOFF = DemandClassifier.CV2_CUTOFF;

    public boolean sporadic() {
        return this == INTERMITTENT || this == LUMPY;
    }

    /** Classifies a series; one with no demand at all counts as lumpy (the most sporadic). */
    /** The Syntetos-Boylan class of a series, as {@link DemandClassifier} (a series without demand is lumpy). */
    public static DemandClass of(double[] y) {
        return switch (DemandClassifier.pattern(FeatureExtractor.extract(y))) {
            case SMOOTH -> SMOOTH;
            case ERRATIC -> ERRATIC;
            case INTERMITTENT -> INTERMITTENT;
            case LUMPY, NO_DEMAND -> LUMPY;
        };
    }
}
