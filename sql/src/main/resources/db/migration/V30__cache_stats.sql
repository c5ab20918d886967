-- Cache governance: what each survey of the Redis cache saw (flowcast cache stats, or the
-- cache-monitor of InventoryMirrorJob), one row per key family and one for the server ('*').
-- Alerts of the same survey go to data_quality_events (job 'CacheMonitor').
CREATE TABLE IF NOT EXISTS cache_stats (
    taken_at          timestamptz      NOT NULL,   -- survey start
    family            text             NOT NULL,   -- key family (inventory:realtime, agg:monthly, ...), 'other', or '*' = server
    window_start      timestamptz,                 -- previous survey's end: the hit/miss window (null: since server start)
    keys              bigint           NOT NULL,
    keys_without_ttl  bigint,                      -- keys that never expire
    keys_over_ttl     bigint,                      -- keys whose TTL exceeds the family's policy
    ttl_policy_s      bigint,                      -- the family's configured TTL
    min_ttl_s         bigint,
    max_ttl_s         bigint,
    sampled           integer,                     -- keys measured (MEMORY USAGE, read latency)
    memory_bytes      bigint,                      -- family: estimated from the sample; server: used_memory
    max_memory_bytes  bigint,                      -- server: maxmemory (0 = no limit)
    hits              bigint,                      -- server: keyspace_hits in the window (Redis counts no hits per family)
    misses            bigint,
    hit_ratio         double precision,
    evicted_keys      bigint,
    expired_keys      bigint,
    latency_p50_us    double precision,            -- family: reading a key whole; server: PING round trip
    latency_p99_us    double precision,
    PRIMARY KEY (taken_at, family)
);
CREATE INDEX IF NOT EXISTS cache_stats_family_time ON cache_stats (family, taken_at DESC);

-- Latest survey per family, for analysts and dashboards.
CREATE OR REPLACE VIEW v_cache_stats_latest AS
SELECT DISTINCT ON (family) *
FROM cache_stats
ORDER BY family, taken_at DESC;
