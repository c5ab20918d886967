package io.flowcast.router;

import io.flowcast.classify.FeatureClusters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained method router (the servable): from a series' {@link RouterFeatures} vector to one
 * weight per pool method (softmax of the trees' margins, FFORMA). Loaded from and saved to one
 * self-contained artifact (pool, feature names, cluster model, XGBoost model) so the CLI, the
 * TrainingJob and the streaming operator share it. No Flink import.
 *
 * <p>Thread-safety: xgboost4j's {@code Booster} prediction is synchronized on the booster in
 * 3.0.x, so concurrent callers serialise; give each operator instance its own router
 * ({@link #fromBytes}) and score in batches ({@link #weights(double[][])}).
 */
public final class MethodRouter implements AutoCloseable {

    private static final int MAGIC = 0x46435254; // "FCRT"
    /** XGBoost iteration range [0, 0): every tree. */
    private static final int[] ALL_TREES = {0, 0};
    /** 2: the XGBoost model block carries its own SHA-256 (checked before the native loader sees it). */
    private static final int FORMAT = 2;

    /** A method and its weight, for explanations. */
    public record Weight(String method, double weight) {}

    private final List<String> methods;
    private final FeatureClusters clusters;
    private final Booster booster;

    MethodRouter(List<String> methods, FeatureClusters clusters, Booster booster) {
        this.methods = List.copyOf(methods);
        this.clusters = clusters;
        this.booster = booster;
    }

    public List<String> methods() {
        return methods;
    }

    /** The cluster model trained with the router (null when trained without one). */
    public FeatureClusters clusters() {
        return clusters;
    }

    /** Full feature vector of a series (shape + clusters), as the router was trained on. */
    public double[] features(double[] y) {
        return RouterFeatures.vector(RouterFeatures.shape(y), clusters);
    }

    /** Weights of one series' feature vector; they sum to 1. */
    public double[] weights(double[] features) {
        return weights(new double[][] {features})[0];
    }

    /** Weights of many feature vectors in one native call (the fast path). */
    public double[][] weights(double[][] features) {
        int rows = features.length;
        int cols = RouterFeatures.NAMES.size();
        float[] flat = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (features[i].length != cols) {
                throw new IllegalArgumentException("expected " + cols + " features, got " + features[i].length);
            }
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = (float) features[i][j];
            }
        }
        float[][] margins;
        try {
            margins = booster.inplace_predict(flat, rows, cols, Float.NaN, ALL_TREES, Booster.PredictionType.kMargin, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("router prediction failed", e);
        }
        double[][] out = new double[rows][methods.size()];
        for (int i = 0; i < rows; i++) {
            SoftmaxErrorObjective.softmax(margins[i], out[i]);
        }
        return out;
    }

    /** Index of the largest weight (the argmax router's single pick). */
    public static int argmax(double[] weights) {
        int best = 0;
        for (int j = 1; j < weights.length; j++) {
            if (weights[j] > weights[best]) {
                best = j;
            }
        }
        return best;
    }

    /** The {@code top} heaviest methods, heaviest first. */
    public List<Weight> top(double[] weights, int top) {
        return IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -weights[j]))
                .limit(top)
                .map(j -> new Weight(methods.get(j), weights[j]))
                .toList();
    }

    /** E.g. "theta 0.52, ets 0.31, croston 0.10". */
    public String explain(double[] weights, int top) {
        List<String> parts = new ArrayList<>();
        for (Weight w : top(weights, top)) {
            parts.add(w.method() + " " + String.format(java.util.Locale.ROOT, "%.2f", w.weight()));
        }
        return String.join(", ", parts);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(methods.size());
            for (String m : methods) {
                out.writeUTF(m);
            }
            out.writeInt(RouterFeatures.NAMES.size());
            for (String f : RouterFeatures.NAMES) {
                out.writeUTF(f);
            }
            byte[] clusterBytes = clusters == null ? new byte[0] : clusters.toBytes();
            out.writeInt(clusterBytes.length);
            out.write(clusterBytes);
            byte[] model = booster.toByteArray("ubj");
            out.writeInt(model.length);
            out.write(digest(model));
            out.write(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise the router", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads an artifact written by {@link #toBytes}.
     *
     * @throws IllegalArgumentException when the bytes are not a readable router of this build
     *     (wrong magic or format, other feature list, truncated, or XGBoost rejects the model)
     */
    public static MethodRouter fromBytes(byte[] artifact) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(artifact))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a router artifact");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown router format " + format);
            }
            List<String> methods = readStrings(in);
            List<String> features = readStrings(in);
            if (!features.equals(RouterFeatures.NAMES)) {
                throw new IllegalArgumentException("router trained on features " + features
                        + ", this build computes " + RouterFeatures.NAMES);
            }
            byte[] clusterBytes = readBlock(in);
            FeatureClusters clusters = clusterBytes.length == 0 ? null : FeatureClusters.fromBytes(clusterBytes);
            int modelLength = in.readInt();
            byte[] modelDigest = in.readNBytes(DIGEST_BYTES);
            if (modelLength < 0 || modelLength > in.available()) {
                throw new IllegalArgumentException("truncated router artifact");
            }
            byte[] model = in.readNBytes(modelLength);
            // XGBoost's native loader does not survive damaged bytes (SIGSEGV in RegTree::LoadModel,
            // taking the TaskManager with it): it only ever sees a model block whose digest holds.
            if (!MessageDigest.isEqual(modelDigest, digest(model))) {
                throw new IllegalArgumentException("router model block is damaged (its SHA-256 does not match)");
            }
            Booster booster = XGBoost.loadModel(model);
            if (in.available() > 0) {
                booster.dispose();
                throw new IllegalArgumentException("trailing bytes after the router model");
            }
            MethodRouter router = new MethodRouter(methods, clusters, booster);
            router.weights(new double[RouterFeatures.NAMES.size()]); // a model of another shape fails here
            return router;
        } catch (IOException | XGBoostError | IllegalStateException e) {
            throw new IllegalArgumentException("unreadable router artifact: " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of an artifact, stored next to it in the registry. */
    public static String sha256(byte[] artifact) {
        return HexFormat.of().formatHex(digest(artifact));
    }

    private static final int DIGEST_BYTES = 32;

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("implausible list length " + n);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IllegalArgumentException("truncated router artifact");
        }
        return in.readNBytes(n);
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
