package io.flowcast.router;

import io.flowcast.classify.DemandClassifier;
import io.flowcast.classify.FeatureClusters;
import io.flowcast.features.DemandFeatures;
import io.flowcast.features.FeatureExtractor;
import java.util.List;

/**
 * The router's input: the series' shape features (the stream's own {@link FeatureExtractor}
 * vector plus the autocorrelation and lumpiness features FFORMA's meta-learner relies on,
 * Montero-Manso et al. 2020) and, when a cluster model is given, the cluster and its distance.
 * Every value is scale-free so one router serves series of any volume.
 */
public final class RouterFeatures {

    /** Names of {@link #shape} in order. */
    public static final List<String> SHAPE_NAMES = List.of(
            "log_length", "cv", "adi", "cv2", "zero_share", "trend_strength", "seasonal_strength",
            "velocity", "quality", "acf1", "diff_acf1", "lumpiness", "pattern");
    /** Names of {@link #vector} in order: shape, then the cluster features. */
    public static final List<String> NAMES = List.of(
            "log_length", "cv", "adi", "cv2", "zero_share", "trend_strength", "seasonal_strength",
            "velocity", "quality", "acf1", "diff_acf1", "lumpiness", "pattern",
            "kmeans_cluster", "kmeans_distance", "dbscan_cluster");
    /** ADI of a series without demand is infinite; capped so trees see a finite, large value. */
    static final double MAX_ADI = FeatureExtractor.SEASON;
    /** Window of the lumpiness feature (variance of the variances of non-overlapping windows). */
    static final int LUMPINESS_WINDOW = 13;

    private RouterFeatures() {}

    /** Shape features of one series (oldest first, finite values). */
    public static double[] shape(double[] y) {
        DemandFeatures f = FeatureExtractor.extract(y);
        double mean = f.mean();
        return new double[] {
            Math.log1p(y.length),
            f.cv(),
            Math.min(MAX_ADI, f.adi()),
            f.cv2(),
            f.zeroShare(),
            f.trendStrength(),
            f.seasonalStrength(),
            f.velocity(),
            f.qualityScore(),
            acf1(y, 0, y.length),
            diffAcf1(y),
            mean == 0 ? 0 : lumpiness(y) / (mean * mean * mean * mean),
            DemandClassifier.pattern(f).ordinal()
        };
    }

    /** Shape features followed by the cluster features of {@code clusters} (absent: -1, 0, -1). */
    public static double[] vector(double[] shape, FeatureClusters clusters) {
        double[] v = java.util.Arrays.copyOf(shape, NAMES.size());
        int at = SHAPE_NAMES.size();
        if (clusters == null) {
            v[at] = -1;
            v[at + 1] = 0;
            v[at + 2] = -1;
        } else {
            FeatureClusters.Assignment a = clusters.assign(shape);
            v[at] = a.kmeansCluster();
            v[at + 1] = a.distance();
            v[at + 2] = a.dbscanCluster();
        }
        return v;
    }

    /** Lag-1 autocorrelation of y[from, to); 0 when undefined. */
    static double acf1(double[] y, int from, int to) {
        int n = to - from;
        if (n < 3) {
            return 0;
        }
        double mean = 0;
        for (int t = from; t < to; t++) {
            mean += y[t];
        }
        mean /= n;
        double num = 0;
        double den = 0;
        for (int t = from; t < to; t++) {
            double d = y[t] - mean;
            den += d * d;
            if (t > from) {
                num += d * (y[t - 1] - mean);
            }
        }
        return den == 0 ? 0 : num / den;
    }

    static double diffAcf1(double[] y) {
        if (y.length < 4) {
            return 0;
        }
        double[] d = new double[y.length - 1];
        for (int t = 1; t < y.length; t++) {
            d[t - 1] = y[t] - y[t - 1];
        }
        return acf1(d, 0, d.length);
    }

    /** Variance of the variances of non-overlapping {@link #LUMPINESS_WINDOW}-week windows. */
    static double lumpiness(double[] y) {
        int windows = y.length / LUMPINESS_WINDOW;
        if (windows < 2) {
            return 0;
        }
        double[] variances = new double[windows];
        for (int w = 0; w < windows; w++) {
            int from = y.length - (w + 1) * LUMPINESS_WINDOW;
            double mean = 0;
            for (int t = from; t < from + LUMPINESS_WINDOW; t++) {
                mean += y[t];
            }
            mean /= LUMPINESS_WINDOW;
            double s = 0;
            for (int t = from; t < from + LUMPINESS_WINDOW; t++) {
                s += (y[t] - mean) * (y[t] - mean);
            }
            variances[w] = s / LUMPINESS_WINDOW;
        }
        double mean = 0;
        for (double v : variances) {
            mean += v;
        }
        mean /= windows;
        double s = 0;
        for (double v : variances) {
            s += (v - mean) * (v - mean);
        }
        return s / windows;
    }
}
