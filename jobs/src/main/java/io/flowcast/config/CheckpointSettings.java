package io.flowcast.config;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Checkpointing and state backend every Flowcast job runs with: exactly-once checkpoints and
 * RocksDB with incremental checkpoints, so keyed state can outgrow the heap.
 */
public record CheckpointSettings(Duration interval, String stateBackend, String directory) {

    public static CheckpointSettings from(FlowcastConfig config) {
        return new CheckpointSettings(
                Duration.ofMillis(config.longValue("checkpoints.interval-ms")),
                config.string("checkpoints.state-backend"),
                config.string("checkpoints.dir"));
    }

    /** Flink configuration for these settings (passed when the environment is created). */
    public Configuration toConfiguration() {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        if (!directory.isEmpty()) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
        }
        return conf;
    }

    public StreamExecutionEnvironment createEnvironment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(toConfiguration());
        env.enableCheckpointing(interval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // Records are immutable and never mutated after emission, so chained operators can share them.
        env.getConfig().enableObjectReuse();
        return env;
    }
}
