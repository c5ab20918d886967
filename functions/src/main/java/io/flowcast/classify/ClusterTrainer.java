package io.flowcast.classify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Cluster;
import org.hipparchus.clustering.DBSCANClusterer;
import org.hipparchus.clustering.DoublePoint;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.random.Well19937c;

/**
 * Fits {@link FeatureClusters}: standardises the vectors (z-scores, so no feature dominates by
 * its unit), then K-means++ (Arthur &amp; Vassilvitskii 2007) for a fixed number of segments and
 * DBSCAN (Ester et al. 1996) for density-based groups and outliers (noise).
 *
 * @param k K-means clusters (fewer when there are fewer distinct vectors)
 * @param eps DBSCAN neighbourhood radius in standardised units
 * @param minPoints DBSCAN core-point threshold
 * @param seed K-means++ seeding, fixed so a retraining on the same data gives the same clusters
 */
public record ClusterTrainer(int k, double eps, int minPoints, long seed) {

    /** DBSCAN points kept for scoring; above this a deterministic subsample (every n-th). */
    static final int MAX_DBSCAN_POINTS = 5_000;
    private static final int MAX_ITERATIONS = 100;

    public ClusterTrainer {
        if (k < 1 || !(eps > 0) || minPoints < 1) {
            throw new IllegalArgumentException("need k >= 1, eps > 0, minPoints >= 1");
        }
    }

    public FeatureClusters fit(List<double[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to cluster");
        }
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) {
                mean[i] += finite(v[i]);
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= vectors.size();
        }
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) {
                double x = finite(v[i]) - mean[i];
                scale[i] += x * x;
            }
        }
        for (int i = 0; i < d; i++) {
            double sd = Math.sqrt(scale[i] / vectors.size());
            scale[i] = sd > 1e-12 ? sd : 1.0; // a constant feature carries no distance
        }
        FeatureClusters scaler = new FeatureClusters(mean, scale, new double[][] {new double[d]}, new double[0][],
                new int[0], eps);
        List<DoublePoint> points = new ArrayList<>(vectors.size());
        for (double[] v : vectors) {
            points.add(new DoublePoint(scaler.standardise(v)));
        }
        long distinct = points.stream().map(p -> java.util.Arrays.toString(p.getPoint())).distinct().count();
        int clusters = (int) Math.min(k, distinct);
        List<CentroidCluster<DoublePoint>> kmeans = new KMeansPlusPlusClusterer<DoublePoint>(
                clusters, MAX_ITERATIONS, new org.hipparchus.clustering.distance.EuclideanDistance(),
                new Well19937c(seed)).cluster(points);
        double[][] centroids = new double[kmeans.size()][];
        for (int c = 0; c < kmeans.size(); c++) {
            centroids[c] = kmeans.get(c).getCenter().getPoint().clone();
        }
        List<Cluster<DoublePoint>> dense = new DBSCANClusterer<DoublePoint>(eps, minPoints).cluster(points);
        Map<DoublePoint, Integer> label = new IdentityHashMap<>();
        for (int c = 0; c < dense.size(); c++) {
            for (DoublePoint p : dense.get(c).getPoints()) {
                label.put(p, c);
            }
        }
        List<double[]> kept = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        int every = Math.max(1, label.size() / MAX_DBSCAN_POINTS + (label.size() % MAX_DBSCAN_POINTS == 0 ? 0 : 1));
        int seen = 0;
        for (DoublePoint p : points) {
            Integer l = label.get(p);
            if (l != null && seen++ % every == 0) {
                kept.add(p.getPoint().clone());
                keptLabels.add(l);
            }
        }
        return new FeatureClusters(mean, scale, centroids, kept.toArray(new double[0][]),
                keptLabels.stream().mapToInt(Integer::intValue).toArray(), eps);
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0;
    }
}
