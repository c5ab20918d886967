package io.flowcast.operators;

import io.flowcast.training.SeriesPreparation;
import io.flowcast.training.TrainingOptions;
import io.flowcast.training.TrainingSeries;
import io.flowcast.training.WeeklySalesReader;
import java.sql.Connection;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * TrainingJob: reads one series' weekly units from PostgreSQL and runs its rolling-origin
 * backtests (the expensive part, spread over the job's parallelism). Series too short for the
 * configured origins are counted in a metric and left out.
 */
public final class SeriesBacktestFunction extends RichFlatMapFunction<WeeklySalesReader.Key, TrainingSeries> {

    private static final long serialVersionUID = 1L;

    private final TrainingOptions options;
    private transient Connection connection;
    private transient WeeklySalesReader reader;
    private transient SeriesPreparation preparation;
    private transient org.apache.flink.metrics.Counter tooShort;

    public SeriesBacktestFunction(TrainingOptions options) {
        this.options = options;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        connection = options.postgres().connect();
        connection.setAutoCommit(true);
        reader = new WeeklySalesReader(connection);
        preparation = new SeriesPreparation(options);
        tooShort = getRuntimeContext().getMetricGroup().counter("seriesTooShort");
    }

    @Override
    public void flatMap(WeeklySalesReader.Key key, Collector<TrainingSeries> out) throws Exception {
        var prepared = preparation.prepare(key, reader.read(key, options.trainingTo()));
        if (prepared.isPresent()) {
            out.collect(prepared.get());
        } else {
            tooShort.inc();
        }
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }
}
