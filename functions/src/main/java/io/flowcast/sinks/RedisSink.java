package io.flowcast.sinks;

import io.flowcast.records.RedisWrite;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;

/**
 * Writes {@link RedisWrite}s with Jedis pipelines: one round trip per flush (TECH-NOTES measured
 * ~300k ops/s pipelined against ~25k/s one call per op).
 *
 * <p>The buffer keeps the last write per key: every write carries the key's complete value, so
 * earlier ones in the same flush are superseded. A hash is replaced (DEL + HSET) so that a field
 * that disappeared upstream does not linger.
 */
public final class RedisSink implements Sink<RedisWrite> {

    private static final long serialVersionUID = 1L;

    private final RedisOptions options;

    public RedisSink(RedisOptions options) {
        this.options = options;
    }

    @Override
    @Deprecated
    public SinkWriter<RedisWrite> createWriter(InitContext context) {
        throw new UnsupportedOperationException("Flink 1.20 creates writers with a WriterInitContext");
    }

    @Override
    public SinkWriter<RedisWrite> createWriter(WriterInitContext context) throws IOException {
        return new Writer(context, options);
    }

    /** Sends writes in one pipeline and waits for every reply (errors surface as exceptions). */
    public static void execute(RedisClient client, Iterable<RedisWrite> writes) {
        try (Pipeline pipeline = (Pipeline) client.pipelined()) {
            for (RedisWrite write : writes) {
                switch (write.kind()) {
                    case HASH -> {
                        Map<String, String> fields = new LinkedHashMap<>();
                        String[] pairs = write.fieldsAndValues();
                        for (int i = 0; i < pairs.length; i += 2) {
                            fields.put(pairs[i], pairs[i + 1]);
                        }
                        pipeline.del(write.key());
                        pipeline.hset(write.key(), fields);
                        if (write.ttlSeconds() > 0) {
                            pipeline.expire(write.key(), write.ttlSeconds());
                        }
                    }
                    case STRING -> {
                        if (write.ttlSeconds() > 0) {
                            pipeline.setex(write.key(), write.ttlSeconds(), write.value());
                        } else {
                            pipeline.set(write.key(), write.value());
                        }
                    }
                    case DELETE -> pipeline.del(write.key());
                }
            }
            pipeline.syncAndReturnAll().forEach(reply -> {
                if (reply instanceof Exception e) {
                    throw new IllegalStateException("Redis rejected a pipelined write", e);
                }
            });
        }
    }

    static final class Writer extends BufferingSinkWriter<RedisWrite> {
        private final RedisOptions options;
        private final LinkedHashMap<String, RedisWrite> pending = new LinkedHashMap<>();
        private final Counter written;
        private RedisClient client;

        Writer(WriterInitContext context, RedisOptions options) {
            super(context, options.batchSize(), options.flushIntervalMillis(), options.maxRetries(),
                    options.outageTolerance().toMillis());
            this.options = options;
            this.written = context.metricGroup().counter("redisWrites");
        }

        @Override
        protected void buffer(RedisWrite write) {
            // Re-insert so that iteration order follows the latest write.
            pending.remove(write.key());
            pending.put(write.key(), write);
        }

        @Override
        protected int buffered() {
            return pending.size();
        }

        @Override
        protected void writeBuffer() {
            if (client == null) {
                client = RedisClient.create(URI.create(options.uri()));
            }
            execute(client, pending.values());
            written.inc(pending.size());
            pending.clear();
        }

        @Override
        protected void reset() {
            if (client != null) {
                client.close();
                client = null;
            }
        }

        @Override
        public void close() throws Exception {
            super.close();
            reset();
        }
    }
}
