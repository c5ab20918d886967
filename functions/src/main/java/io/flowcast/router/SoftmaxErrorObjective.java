package io.flowcast.router;

import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IObjective;

/**
 * FFORMA's objective (Montero-Manso, Athanasopoulos, Hyndman &amp; Talagala 2020, "FFORMA:
 * Feature-based forecast model averaging", IJF 36(1)): the trees output one margin z_j per pool
 * method, the weights are p = softmax(z), and the loss of a series is the expected error
 * L = sum_j p_j e_j of its methods' relative errors e_j. Gradient dL/dz_j = p_j (e_j - L). The
 * exact Hessian is not positive everywhere, so (as FFORMA does) a positive bound is used:
 * p_j (1 - p_j) times the row's error spread, floored so leaf weights stay finite.
 */
final class SoftmaxErrorObjective implements IObjective {

    private static final long serialVersionUID = 1L;
    private static final float MIN_HESSIAN = 1e-6f;

    private final float[][] errors;

    /** @param errors per training row, the relative error of each pool method (lower is better) */
    SoftmaxErrorObjective(float[][] errors) {
        this.errors = errors;
    }

    @Override
    public List<float[]> getGradient(float[][] margins, DMatrix train) {
        int rows = margins.length;
        int methods = errors[0].length;
        float[] grad = new float[rows * methods];
        float[] hess = new float[rows * methods];
        double[] p = new double[methods];
        for (int i = 0; i < rows; i++) {
            softmax(margins[i], p);
            float[] e = errors[i];
            double loss = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < methods; j++) {
                loss += p[j] * e[j];
                lo = Math.min(lo, e[j]);
                hi = Math.max(hi, e[j]);
            }
            double spread = Math.max(hi - lo, 1e-3);
            for (int j = 0; j < methods; j++) {
                grad[i * methods + j] = (float) (p[j] * (e[j] - loss));
                hess[i * methods + j] = (float) Math.max(MIN_HESSIAN, p[j] * (1 - p[j]) * spread);
            }
        }
        return List.of(grad, hess);
    }

    /** Expected error of the softmax weights of {@code margins}, averaged over the rows. */
    double meanLoss(float[][] margins) {
        double total = 0;
        double[] p = new double[errors[0].length];
        for (int i = 0; i < margins.length; i++) {
            softmax(margins[i], p);
            for (int j = 0; j < p.length; j++) {
                total += p[j] * errors[i][j];
            }
        }
        return total / margins.length;
    }

    static void softmax(float[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            out[j] = Math.exp(z[j] - max);
            sum += out[j];
        }
        for (int j = 0; j < z.length; j++) {
            out[j] /= sum;
        }
    }
}
