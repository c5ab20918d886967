package io.flowcast.sinks;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the jobs write to Redis.
 *
 * @param uri e.g. {@code redis://127.0.0.1:6379/0} (credentials may be in the URI, from the environment)
 * @param batchSize writes buffered per subtask before a pipeline flush is forced
 * @param flushIntervalMillis upper bound on how long a write waits in the buffer
 * @param maxRetries attempts per flush on a transient failure before the task fails
 * @param outageTolerance how long a failing flush keeps retrying (back-pressuring the job) before
 *     the task fails and Flink restarts it from the last checkpoint: a Redis restart or failover
 *     shorter than this costs no job restart
 */
public record RedisOptions(String uri, int batchSize, long flushIntervalMillis, int maxRetries, Duration outageTolerance)
        implements Serializable {

    public RedisOptions {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(outageTolerance, "outageTolerance");
        URI.create(uri);
    }

    @Override
    public String toString() {
        URI parsed = URI.create(uri);
        return "RedisOptions[uri=redis://" + parsed.getHost() + ":" + parsed.getPort() + parsed.getPath()
                + ", batchSize=" + batchSize + ", flushIntervalMillis=" + flushIntervalMillis
                + ", outageTolerance=" + outageTolerance + "]";
    }
}
