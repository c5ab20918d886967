package io.flowcast.operators;

import io.flowcast.training.TrainingOptions;
import io.flowcast.training.TrainingOutcome;
import io.flowcast.training.TrainingRun;
import io.flowcast.training.TrainingSeries;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * TrainingJob's last step (parallelism 1, after every backtest): trains, evaluates and registers
 * through {@link TrainingRun}. Series are sorted first so a run is reproducible whatever order
 * the parallel backtests finished in.
 */
public final class RouterTrainingFunction implements MapPartitionFunction<TrainingSeries, TrainingOutcome> {

    private static final long serialVersionUID = 1L;

    private final TrainingOptions options;
    private final LocalDate trainingFrom;

    public RouterTrainingFunction(TrainingOptions options, LocalDate trainingFrom) {
        this.options = options;
        this.trainingFrom = trainingFrom;
    }

    @Override
    public void mapPartition(Iterable<TrainingSeries> values, Collector<TrainingOutcome> out) throws Exception {
        List<TrainingSeries> series = new ArrayList<>();
        values.forEach(series::add);
        series.sort(Comparator.comparing(TrainingSeries::productCode).thenComparing(TrainingSeries::region));
        try (Connection connection = options.postgres().connect()) {
            connection.setAutoCommit(true);
            out.collect(new TrainingRun(options, connection).run(series, trainingFrom));
        }
    }
}
