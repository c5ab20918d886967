package io.flowcast.router;

import io.flowcast.classify.ClusterTrainer;
import io.flowcast.classify.FeatureClusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a {@link MethodRouter} from backtest samples: clusters on the standardised shape
 * features first (their id and distance become router features), then gradient-boosted trees
 * with the FFORMA objective ({@link SoftmaxErrorObjective}) on the samples' relative errors.
 */
public final class RouterTrainer {

    private final RouterParams params;

    public RouterTrainer(RouterParams params) {
        this.params = params;
    }

    public MethodRouter train(List<String> pool, List<OriginSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no backtest samples to train the router on");
        }
        if (pool.size() < 2) {
            throw new IllegalArgumentException("a router needs at least two methods");
        }
        FeatureClusters clusters = new ClusterTrainer(params.clusters(), params.dbscanEps(),
                params.dbscanMinPoints(), params.seed()).fit(samples.stream().map(OriginSample::shape).toList());
        int cols = RouterFeatures.NAMES.size();
        int rows = samples.size();
        float[] flat = new float[rows * cols];
        float[][] errors = new float[rows][];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            OriginSample s = samples.get(i);
            if (s.forecasts().length != pool.size()) {
                throw new IllegalArgumentException("sample of " + s.seriesId() + " has " + s.forecasts().length
                        + " methods, pool has " + pool.size());
            }
            double[] v = RouterFeatures.vector(s.shape(), clusters);
            for (int j = 0; j < cols; j++) {
                flat[i * cols + j] = (float) v[j];
            }
            errors[i] = s.relativeErrors(params.labelError());
            labels[i] = argmin(errors[i]);
        }
        DMatrix train = null;
        try {
            train = new DMatrix(flat, rows, cols, Float.NaN);
            // The label only satisfies multi:softprob's checks; the custom objective ignores it.
            train.setLabel(labels);
            Booster booster = XGBoost.train(train, boosterParams(pool.size()), params.rounds(), Map.of(),
                    new SoftmaxErrorObjective(errors), null);
            return new MethodRouter(pool, clusters, booster);
        } catch (XGBoostError e) {
            throw new IllegalStateException("router training failed", e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    private Map<String, Object> boosterParams(int methods) {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "multi:softprob");
        p.put("num_class", methods);
        p.put("disable_default_eval_metric", 1);
        p.put("eta", params.eta());
        p.put("max_depth", params.maxDepth());
        p.put("subsample", params.subsample());
        p.put("colsample_bytree", params.colsample());
        p.put("nthread", params.threads());
        p.put("seed", params.seed());
        p.put("tree_method", "hist");
        p.put("verbosity", 0);
        return p;
    }

    static int argmin(float[] e) {
        int best = 0;
        for (int j = 1; j < e.length; j++) {
            if (e[j] < e[best]) {
                best = j;
            }
        }
        return best;
    }
}
