package io.flowcast.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowcast.records.RedisWrite;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Pipelined writes against the real local Redis. */
class RedisSinkITCase {

    private final String prefix = "flowcast-test:" + UUID.randomUUID() + ":";
    private final RedisClient redis = RedisClient.create(URI.create(System.getProperty("flowcast.test.redis", "redis://127.0.0.1:6379/0")));

    @AfterEach
    void cleanUp() {
        for (String key : redis.keys(prefix + "*")) {
            redis.del(key);
        }
        redis.close();
    }

    @Test
    void hashIsReplacedWholeWithTtlOnTheDataKey() {
        String key = prefix + "agg:daily:P1:2025-03-08";
        RedisSink.execute(redis, List.of(RedisWrite.hash(key, 604800, "transactions", "2", "volume", "3", "stale", "x")));
        RedisSink.execute(redis, List.of(RedisWrite.hash(key, 604800, "transactions", "3", "volume", "4.5")));

        assertThat(redis.hgetAll(key)).isEqualTo(Map.of("transactions", "3", "volume", "4.5"));
        assertThat(redis.ttl(key)).isBetween(604000L, 604800L);
    }

    @Test
    void stringsExpireAndDeletesRemove() {
        String realtime = prefix + "inventory:realtime:P1";
        RedisSink.execute(redis, List.of(RedisWrite.string(realtime, "{\"q\":1}", 3600)));
        assertThat(redis.get(realtime)).isEqualTo("{\"q\":1}");
        assertThat(redis.ttl(realtime)).isBetween(3590L, 3600L);

        RedisSink.execute(redis, List.of(RedisWrite.delete(realtime)));
        assertThat(redis.exists(realtime)).isFalse();
    }
}
