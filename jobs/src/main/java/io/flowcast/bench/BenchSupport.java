package io.flowcast.bench;

import io.flowcast.sinks.PostgresOptions;
import io.flowcast.sql.SchemaMigrator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** What the job benchmarks share: the MiniCluster they run on, a scratch database, how rates are printed. */
final class BenchSupport {

    /**
     * As much managed memory (RocksDB write buffers and block cache) as the local cluster's
     * TaskManager gets from flink-cluster/conf/config.yaml (0.4 x 2560m); the MiniCluster default
     * of 128m makes RocksDB stall on flushes.
     */
    static final String MANAGED_MEMORY = "1g";

    private BenchSupport() {}

    /**
     * A local MiniCluster environment as production runs jobs: RocksDB with incremental
     * checkpoints, exactly-once checkpoints every {@code checkpointIntervalMillis}, object reuse.
     */
    static StreamExecutionEnvironment miniCluster(int parallelism, long checkpointIntervalMillis) throws IOException {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(MANAGED_MEMORY));
        Path checkpoints = Files.createTempDirectory("flowcast-bench-checkpoints-");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        TaskTimeReporter.register(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.enableCheckpointing(checkpointIntervalMillis, CheckpointingMode.EXACTLY_ONCE);
        env.getConfig().enableObjectReuse();
        return env;
    }

    /** {@code pg} pointed at {@code database} on the same server. */
    static PostgresOptions onDatabase(PostgresOptions pg, String database) {
        return pg.withUrl(pg.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
    }

    /** Drops the database of {@code pg} and creates it again with the Flowcast schema. */
    static void recreateDatabase(PostgresOptions pg) throws Exception {
        String server = pg.url().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1");
        String database = pg.url().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(server, pg.user(), pg.password()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        }
        new SchemaMigrator(pg.url(), pg.user(), pg.password()).migrate();
    }

    /** Prints {@code events} over {@code seconds} as a rate, with its ratio to {@code baselineRate} when positive. */
    static double printRate(PrintStream out, String what, long events, double seconds, double baselineRate) {
        double rate = events / seconds;
        if (baselineRate > 0) {
            out.printf("%-62s %,12.0f events/s  (%,d in %.1f s; %.2fx bare consume)%n", what, rate, events, seconds, rate / baselineRate);
        } else {
            out.printf("%-62s %,12.0f events/s  (%,d in %.1f s)%n", what, rate, events, seconds);
        }
        return rate;
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
