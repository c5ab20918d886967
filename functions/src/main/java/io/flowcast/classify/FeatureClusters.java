package io.flowcast.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Trained clusters of standardised feature vectors, for scoring only (trained by
 * {@link ClusterTrainer}): the nearest K-means centroid and its Euclidean distance, and the
 * DBSCAN cluster of the nearest clustered training point when it lies within eps (else -1,
 * DBSCAN's noise). Immutable and thread-safe.
 */
public final class FeatureClusters {

    private static final int FORMAT = 1;

    /** Where one vector falls. */
    public record Assignment(int kmeansCluster, double distance, int dbscanCluster) {}

    private final double[] mean;
    private final double[] scale;
    private final double[][] centroids;
    private final double[][] dbscanPoints;
    private final int[] dbscanLabels;
    private final double eps;

    public FeatureClusters(double[] mean, double[] scale, double[][] centroids, double[][] dbscanPoints,
            int[] dbscanLabels, double eps) {
        if (mean.length != scale.length || centroids.length == 0 || dbscanPoints.length != dbscanLabels.length) {
            throw new IllegalArgumentException("inconsistent cluster model");
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.centroids = centroids;
        this.dbscanPoints = dbscanPoints;
        this.dbscanLabels = dbscanLabels.clone();
        this.eps = eps;
    }

    public int dimensions() {
        return mean.length;
    }

    public int kmeansClusters() {
        return centroids.length;
    }

    /** Distinct DBSCAN clusters found in training (noise not counted). */
    public int dbscanClusters() {
        int max = -1;
        for (int label : dbscanLabels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** Standardised copy of a raw vector (the training mean and standard deviation per feature). */
    public double[] standardise(double[] raw) {
        if (raw.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " features, got " + raw.length);
        }
        double[] z = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double v = Double.isFinite(raw[i]) ? raw[i] : mean[i];
            z[i] = (v - mean[i]) / scale[i];
        }
        return z;
    }

    public Assignment assign(double[] raw) {
        double[] z = standardise(raw);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = distance(z, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int dbscan = -1;
        double nearest = eps;
        for (int p = 0; p < dbscanPoints.length; p++) {
            double d = distance(z, dbscanPoints[p]);
            if (d <= nearest) {
                nearest = d;
                dbscan = dbscanLabels[p];
            }
        }
        return new Assignment(best, bestDistance, dbscan);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            writeVector(out, mean);
            writeVector(out, scale);
            writeMatrix(out, centroids);
            writeMatrix(out, dbscanPoints);
            out.writeInt(dbscanLabels.length);
            for (int label : dbscanLabels) {
                out.writeInt(label);
            }
            out.writeDouble(eps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a cluster model of this format */
    public static FeatureClusters fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown cluster model format " + format);
            }
            double[] mean = readVector(in);
            double[] scale = readVector(in);
            double[][] centroids = readMatrix(in);
            double[][] points = readMatrix(in);
            int[] labels = new int[checkedLength(in.readInt())];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readInt();
            }
            double eps = in.readDouble();
            return new FeatureClusters(mean, scale, centroids, points, labels, eps);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable cluster model: " + e.getMessage(), e);
        }
    }

    private static int checkedLength(int n) {
        if (n < 0 || n > 10_000_000) {
            throw new IllegalArgumentException("implausible length " + n + " in cluster model");
        }
        return n;
    }

    private static void writeVector(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static double[] readVector(DataInputStream in) throws IOException {
        double[] v = new double[checkedLength(in.readInt())];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    private static void writeMatrix(DataOutputStream out, double[][] m) throws IOException {
        out.writeInt(m.length);
        for (double[] row : m) {
            writeVector(out, row);
        }
    }

    private static double[][] readMatrix(DataInputStream in) throws IOException {
        double[][] m = new double[checkedLength(in.readInt())][];
        for (int i = 0; i < m.length; i++) {
            m[i] = readVector(in);
        }
        return m;
    }
}
