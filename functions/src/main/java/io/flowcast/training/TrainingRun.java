package io.flowcast.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowcast.classify.FeatureClusters;
import io.flowcast.registry.DriftDetector;
import io.flowcast.registry.ModelRegistryStore;
import io.flowcast.registry.PromotionPolicy;
import io.flowcast.registry.RegisteredModel;
import io.flowcast.router.MethodRouter;
import io.flowcast.router.OriginSample;
import io.flowcast.router.RouterEvaluation;
import io.flowcast.router.RouterFeatures;
import io.flowcast.router.RouterTrainer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The decision half of a training run, after the backtests: drift of the shape features since
 * the production model's training (KS per feature -> drift_events + training_requests), a
 * candidate router trained on origins 2..K, candidate and production scored on origin 1 of the
 * same series, the promotion decision, and the registry writes (candidate row, decision,
 * performance history, handled requests, cluster columns of the promoted model). Plain Java
 * over one JDBC connection; the TrainingJob's last operator calls it.
 */
public final class TrainingRun {

    /** Kind recorded in model_registry.kind. */
    public static final String KIND = "xgboost-fforma-router";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainingOptions options;
    private final Connection connection;
    private final ModelRegistryStore store;

    public TrainingRun(TrainingOptions options, Connection connection) {
        this.options = options;
        this.connection = connection;
        this.store = new ModelRegistryStore(connection);
    }

    public TrainingOutcome run(List<TrainingSeries> series, LocalDate trainingFrom) throws SQLException {
        List<OriginSample> all = series.stream().flatMap(s -> s.samples().stream()).toList();
        List<OriginSample> fit = all.stream().filter(s -> s.origin() > 1).toList();
        List<OriginSample> evaluation = all.stream().filter(s -> s.origin() == 1).toList();
        if (fit.isEmpty() || evaluation.isEmpty()) {
            throw new IllegalStateException("no series long enough to train on (" + series.size() + " series)");
        }
        Optional<RegisteredModel> production = store.production(options.modelName());
        int drifted = production.isPresent() ? checkDrift(series, production.get()) : 0;
        List<Long> requests = store.pendingTrainingRequests(options.modelName());

        MethodRouter candidate = new RouterTrainer(options.params()).train(options.pool(), fit);
        try {
            byte[] artifact = candidate.toBytes();
            String artifactProblem = reloadProblem(artifact);
            RouterEvaluation candidateEval = RouterEvaluation.of(candidate, evaluation);
            double candidateError = candidateEval.row(RouterEvaluation.WEIGHTED).error(options.labelError());
            RouterEvaluation productionEval = production.flatMap(p -> evaluate(p, evaluation)).orElse(null);
            double productionError = productionEval == null ? Double.NaN
                    : productionEval.row(RouterEvaluation.WEIGHTED).error(options.labelError());
            PromotionPolicy.Decision decision = new PromotionPolicy(options.margin()).decide(candidateError,
                    productionEval == null ? OptionalDouble.empty() : OptionalDouble.of(productionError),
                    artifactProblem);

            int version = store.registerCandidate(options.modelName(), KIND,
                    metricsJson(candidateEval, productionEval, production), trainingFrom, options.trainingTo(),
                    series.size(), artifact, MethodRouter.sha256(artifact));
            store.conclude(options.modelName(), version, decision, options.promotedBy());
            record(version, candidateEval, evaluation.size());
            if (productionEval != null) {
                record(production.get().version(), productionEval, evaluation.size());
            }
            store.markHandled(requests, version);
            if (decision.promote()) {
                writeClusters(series, candidate.clusters(), version);
            }
            return new TrainingOutcome(options.modelName(), version, decision.stage(), decision.reason(),
                    candidateError, productionError, series.size(), all.size(), drifted, requests.size());
        } finally {
            candidate.close();
        }
    }

    /** Why the artifact cannot be loaded back; empty when it can. */
    static String reloadProblem(byte[] artifact) {
        try (MethodRouter reloaded = MethodRouter.fromBytes(artifact)) {
            return reloaded.methods().isEmpty() ? "empty pool" : "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Production scored on the evaluation samples; empty when unreadable or trained on another pool. */
    private Optional<RouterEvaluation> evaluate(RegisteredModel production, List<OriginSample> evaluation) {
        if (!MethodRouter.sha256(production.artifact()).equals(production.artifactSha256())) {
            return Optional.empty();
        }
        try (MethodRouter router = MethodRouter.fromBytes(production.artifact())) {
            if (!router.methods().equals(options.pool())) {
                return Optional.empty();
            }
            return Optional.of(RouterEvaluation.of(router, evaluation));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private int checkDrift(List<TrainingSeries> series, RegisteredModel production) throws SQLException {
        Map<String, double[]> reference = new LinkedHashMap<>();
        Map<String, double[]> recent = new LinkedHashMap<>();
        List<TrainingSeries> withReference = series.stream().filter(s -> s.referenceShape() != null).toList();
        for (int f = 0; f < RouterFeatures.SHAPE_NAMES.size(); f++) {
            int feature = f;
            reference.put(RouterFeatures.SHAPE_NAMES.get(f),
                    withReference.stream().mapToDouble(s -> s.referenceShape()[feature]).toArray());
            recent.put(RouterFeatures.SHAPE_NAMES.get(f),
                    series.stream().mapToDouble(s -> s.currentShape()[feature]).toArray());
        }
        int drifted = 0;
        for (DriftDetector.Finding finding : new DriftDetector(options.driftLevel(), 20).testAll(reference, recent)) {
            if (finding.drift()) {
                store.recordDrift(production.name(), production.version(), finding, null, production.trainingTo(),
                        null, options.trainingTo());
                drifted++;
            }
        }
        return drifted;
    }

    private void record(int version, RouterEvaluation eval, int samples) throws SQLException {
        RouterEvaluation.Row row = eval.row(RouterEvaluation.WEIGHTED);
        store.recordPerformance(options.modelName(), version, "training", samples, 1, row.mase(), row.smape(),
                row.rmsse(), row.owa(), rowsJson(eval).toString());
    }

    private String metricsJson(RouterEvaluation candidate, RouterEvaluation production,
            Optional<RegisteredModel> productionModel) {
        ObjectNode root = JSON.createObjectNode();
        root.put("error", options.labelError().name());
        root.put("horizon", options.horizon());
        root.put("origins", options.origins());
        root.set("candidate", rowsJson(candidate));
        RouterEvaluation.Row best = candidate.bestSingle(options.pool(), options.labelError());
        root.put("best_single_method", best.method());
        if (production != null) {
            root.put("production_version", productionModel.orElseThrow().version());
            root.set("production", rowsJson(production));
        }
        root.put("pool", String.join(",", options.pool()));
        return root.toString();
    }

    private static ObjectNode rowsJson(RouterEvaluation eval) {
        ObjectNode rows = JSON.createObjectNode();
        for (RouterEvaluation.Row r : eval.rows()) {
            ObjectNode n = rows.putObject(r.method());
            put(n, "mase", r.mase());
            put(n, "smape", r.smape());
            put(n, "rmsse", r.rmsse());
            put(n, "owa", r.owa());
        }
        return rows;
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /** Cluster columns on each series' latest classification row up to the training week. */
    private void writeClusters(List<TrainingSeries> series, FeatureClusters clusters, int version) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement st = connection.prepareStatement(
                "UPDATE flowcast.classification_results c SET kmeans_cluster = ?, cluster_distance = ?, "
                        + "dbscan_cluster = ?, cluster_model_version = ? FROM (SELECT max(as_of_week) AS w "
                        + "FROM flowcast.classification_results WHERE product_code = ? AND region = ? AND as_of_week <= ?) l "
                        + "WHERE c.product_code = ? AND c.region = ? AND c.as_of_week = l.w")) {
            List<TrainingSeries> batch = new ArrayList<>(series);
            for (TrainingSeries s : batch) {
                FeatureClusters.Assignment a = clusters.assign(s.currentShape());
                st.setInt(1, a.kmeansCluster());
                st.setDouble(2, a.distance());
                st.setInt(3, a.dbscanCluster());
                st.setInt(4, version);
                st.setString(5, s.productCode());
                st.setString(6, s.region());
                st.setDate(7, Date.valueOf(options.trainingTo()));
                st.setString(8, s.productCode());
                st.setString(9, s.region());
                st.addBatch();
            }
            st.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
