package io.flowcast.testing;

import io.flowcast.cluster.LocalKafkaBroker;
import io.flowcast.sql.ScratchDatabase;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * The real services a job ITCase runs against: its own Kafka broker, a scratch PostgreSQL
 * database (migrated) and a flushed Redis logical database; {@link #close()} stops and drops them.
 */
public final class JobServices implements AutoCloseable {

    private final LocalKafkaBroker kafka;
    private final ScratchDatabase db;
    private final String redisUrl;

    private JobServices(LocalKafkaBroker kafka, ScratchDatabase db, String redisUrl) {
        this.kafka = kafka;
        this.db = db;
        this.redisUrl = redisUrl;
    }

    /** Redis logical database {@code defaultDb}, or {@code -Dflowcast.it.redis-db=N} (parallel runs). */
    public static String redisUrl(int defaultDb) {
        return "redis://127.0.0.1:6379/" + Integer.getInteger("flowcast.it.redis-db", defaultDb);
    }

    public static JobServices start(String databasePrefix, String redisUrl) throws Exception {
        LocalKafkaBroker kafka = LocalKafkaBroker.start();
        try {
            ScratchDatabase db = ScratchDatabase.create(databasePrefix);
            try (RedisClient redis = RedisClient.create(URI.create(redisUrl))) {
                redis.flushDB();
            }
            return new JobServices(kafka, db, redisUrl);
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
    }

    public LocalKafkaBroker kafka() {
        return kafka;
    }

    public ScratchDatabase db() {
        return db;
    }

    /** Job configuration pointing at these services (earliest offsets, small PG batches), then {@code more}. */
    public List<String> overrides(String... more) {
        List<String> overrides = new ArrayList<>(List.of(
                "kafka.bootstrap=" + kafka.bootstrap(),
                "kafka.starting-offsets=earliest",
                "postgres.url=" + db.url(),
                "postgres.batch-size=200",
                "redis.url=" + redisUrl));
        overrides.addAll(List.of(more));
        return overrides;
    }

    @Override
    public void close() throws Exception {
        try {
            kafka.close();
        } finally {
            db.close();
        }
    }
}
