package io.flowcast.jobs;

import io.flowcast.config.FlowcastConfig;
import io.flowcast.operators.RouterTrainingFunction;
import io.flowcast.operators.SeriesBacktestFunction;
import io.flowcast.registry.ModelRegistryStore;
import io.flowcast.registry.RegisteredModel;
import io.flowcast.training.TrainingOptions;
import io.flowcast.training.TrainingOutcome;
import io.flowcast.training.WeeklySalesReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Batch training of the method router (issue 11).
 *
 * <pre>
 * PG weekly_sales: series keys (client) -> rebalance
 *   -> per series: read its weeks, rolling-origin backtests of the pool (parallel)   "backtests"
 *   -> one task: drift check vs production's training data, train the candidate on origins
 *      2..K, score candidate and production on origin 1, promote or archive       "train router"
 *        -> model_registry, model_performance_history, drift_events, training_requests,
 *           classification_results cluster columns (PG)
 * </pre>
 */
public final class TrainingJob {

    public static final String NAME = "TrainingJob";

    private TrainingJob() {}

    public static void main(String[] args) throws Exception {
        FlowcastConfig config = JobArguments.parse(args);
        TrainingOutcome outcome = run(StreamExecutionEnvironment.getExecutionEnvironment(), config);
        System.out.println(describe(outcome));
    }

    /** Builds and runs one training on {@code env}; empty weekly_sales is an error. */
    public static TrainingOutcome run(StreamExecutionEnvironment env, FlowcastConfig config) throws Exception {
        TrainingOptions base = TrainingJobOptions.from(config);
        LocalDate from;
        LocalDate to;
        List<WeeklySalesReader.Key> keys;
        LocalDate reference;
        try (Connection c = base.postgres().connect()) {
            c.setAutoCommit(true);
            WeeklySalesReader reader = new WeeklySalesReader(c);
            LocalDate[] range = reader.weekRange();
            if (range == null) {
                throw new IllegalStateException("weekly_sales is empty: nothing to train on");
            }
            from = range[0];
            to = range[1].minusWeeks(TrainingJobOptions.dropOpenWeeks(config));
            keys = reader.keys(to);
            Optional<RegisteredModel> production = new ModelRegistryStore(c).production(base.modelName());
            reference = production.map(RegisteredModel::trainingTo).orElse(null);
        }
        TrainingOptions options = base.withReference(to, reference);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(TrainingJobOptions.parallelism(config));
        try (CloseableIterator<TrainingOutcome> result = env
                .fromData(keys, TypeInformation.of(WeeklySalesReader.Key.class)).name("series keys")
                .rebalance()
                .flatMap(new SeriesBacktestFunction(options)).name("backtests").uid("training-backtests")
                .fullWindowPartition()
                .mapPartition(new RouterTrainingFunction(options, from)).name("train router").uid("training-router")
                .setParallelism(1)
                .executeAndCollect(NAME)) {
            if (!result.hasNext()) {
                throw new IllegalStateException("the training produced no outcome");
            }
            return result.next();
        }
    }

    public static String describe(TrainingOutcome o) {
        return String.format(java.util.Locale.ROOT,
                "%s version %d -> %s (%s); %d series, %d backtest samples, %d drifted features, %d requests handled",
                o.modelName(), o.version(), o.stage().sql(), o.reason(), o.series(), o.samples(), o.drifted(),
                o.handledRequests());
    }
}
