package io.flowcast.records;

import java.util.Arrays;

/**
 * One idempotent Redis write: the key's complete new value, never an increment, so writing it
 * twice (after a restart) leaves the same state. The TTL is set on the key that holds the data.
 *
 * @param fieldsAndValues for {@link Kind#HASH}: field1, value1, field2, value2, ... (the whole hash)
 * @param value for {@link Kind#STRING}
 * @param ttlSeconds expiry for HASH and STRING; 0 = no expiry
 */
public record RedisWrite(Kind kind, String key, String[] fieldsAndValues, String value, long ttlSeconds) {

    public enum Kind {
        /** Replace the hash at {@code key} with these fields, then set its TTL. */
        HASH,
        /** SET with EX. */
        STRING,
        /** DEL. */
        DELETE
    }

    public static RedisWrite hash(String key, long ttlSeconds, String... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values must pair up");
        }
        return new RedisWrite(Kind.HASH, key, fieldsAndValues, null, ttlSeconds);
    }

    public static RedisWrite string(String key, String value, long ttlSeconds) {
        return new RedisWrite(Kind.STRING, key, null, value, ttlSeconds);
    }

    public static RedisWrite delete(String key) {
        return new RedisWrite(Kind.DELETE, key, null, null, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedisWrite other
                && kind == other.kind
                && key.equals(other.key)
                && Arrays.equals(fieldsAndValues, other.fieldsAndValues)
                && java.util.Objects.equals(value, other.value)
                && ttlSeconds == other.ttlSeconds;
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(fieldsAndValues);
    }

    @Override
    public String toString() {
        return kind + " " + key + (fieldsAndValues != null ? " " + Arrays.toString(fieldsAndValues) : "")
                + (value != null ? " " + value : "") + (ttlSeconds > 0 ? " ttl=" + ttlSeconds : "");
    }
}
