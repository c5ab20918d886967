package io.flowcast.sinks;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Where and how the jobs write to Redis.
 *
 * @param uri e.g. {@code redis://127.0.0.1:6379/0} (credentials may be in the URI, from the environment)
 * @param batchSize writes buffered per subtask before a pipeline flush is forced
 * @param flushIntervalMillis upper bound on how long a write waits in the buffer
 * @param maxRetries attempts per flush on a transient failure before the task fails
 */
public record RedisOptions(String uri, int batchSize, long flushIntervalMillis, int maxRetries) implements Serializable {

    public RedisOptions {
        Objects.requireNonNull(uri, "uri");
        URI.create(uri);
    }

    @Override
    public String toString() {
        URI parsed = URI.create(uri);
        return "RedisOptions[uri=redis://" + parsed.getHost() + ":" + parsed.getPort() + parsed.getPath()
                + ", batchSize=" + batchSize + ", flushIntervalMillis=" + flushIntervalMillis + "]";
    }
}
