package io.flowcast.router;

/**
 * Hyper-parameters of the router and its clusters. Defaults are conservative gradient-boosting
 * settings (shallow trees, shrinkage 0.1); FFORMA tuned deeper trees on the 100k M4 series,
 * which over-fit the few hundred series a warehouse or an M4 subset gives.
 *
 * @param rounds boosting rounds
 * @param eta shrinkage
 * @param maxDepth tree depth
 * @param subsample row share per tree
 * @param colsample feature share per tree
 * @param threads XGBoost threads
 * @param seed random seed (XGBoost and K-means), fixed for reproducible retraining
 * @param clusters K-means clusters
 * @param dbscanEps DBSCAN radius in standardised feature units
 * @param dbscanMinPoints DBSCAN core threshold
 * @param labelError the backtest error the weights minimise
 */
public record RouterParams(int rounds, double eta, int maxDepth, double subsample, double colsample, int threads,
        long seed, int clusters, double dbscanEps, int dbscanMinPoints, OriginSample.LabelError labelError)
        implements java.io.Serializable {

    public static RouterParams defaults() {
        return new RouterParams(60, 0.1, 4, 0.9, 0.8, 1, 42, 8, 1.5, 5, OriginSample.LabelError.MASE);
    }

    public RouterParams withThreads(int n) {
        return new RouterParams(rounds, eta, maxDepth, subsample, colsample, n, seed, clusters, dbscanEps,
                dbscanMinPoints, labelError);
    }

    public RouterParams withLabelError(OriginSample.LabelError e) {
        return new RouterParams(rounds, eta, maxDepth, subsample, colsample, threads, seed, clusters, dbscanEps,
                dbscanMinPoints, e);
    }

    public RouterParams withRounds(int n) {
        return new RouterParams(n, eta, maxDepth, subsample, colsample, threads, seed, clusters, dbscanEps,
                dbscanMinPoints, labelError);
    }
}
