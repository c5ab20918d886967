-- Where bad input goes instead of disappearing, and what the jobs observe about data quality.

-- One row per rejected message. The Kafka position is the idempotency key: replaying a
-- checkpoint interval re-inserts the same positions, which ON CONFLICT DO NOTHING absorbs.
-- A message can be rejected by several jobs (the sales topic feeds two), hence job in the key.
CREATE TABLE dead_letter (
    job               text        NOT NULL,
    source_topic      text        NOT NULL,
    source_partition  integer     NOT NULL,
    source_offset     bigint      NOT NULL,
    reason            text        NOT NULL,
    detail            text,
    record_key        text,
    payload           text,
    payload_bytes     integer     NOT NULL,
    kafka_ts          timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, source_topic, source_partition, source_offset)
);
CREATE INDEX dead_letter_reason_time ON dead_letter (reason, created_at);

-- Data-quality observations (freshness, volume, nulls, duplicates, rejects), one row per check,
-- table and event-time window; re-evaluating a window overwrites its row.
CREATE TABLE data_quality_events (
    job               text        NOT NULL,
    check_name        text        NOT NULL,
    table_name        text        NOT NULL,
    window_start      timestamptz NOT NULL,
    window_end        timestamptz NOT NULL,
    passed            boolean     NOT NULL,
    observed          double precision,
    threshold         double precision,
    details           jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, check_name, table_name, window_start)
);
CREATE INDEX data_quality_events_failed ON data_quality_events (window_start) WHERE NOT passed;

-- Stock alerts for critical products: raised when on-hand stock of a critical product falls below
-- its minimum in a warehouse, and cleared when it recovers. Keyed by the triggering stock change.
CREATE TABLE inventory_alerts (
    product_code      text        NOT NULL,
    warehouse         text        NOT NULL,
    alert_type        text        NOT NULL,
    event_time        timestamptz NOT NULL,
    on_hand           numeric     NOT NULL,
    min_stock         numeric,
    source_topic      text        NOT NULL,
    source_partition  integer     NOT NULL,
    source_offset     bigint      NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, warehouse, alert_type, event_time)
);
