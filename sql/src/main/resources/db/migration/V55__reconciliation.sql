-- ReconciliationJob (flowcast reconcile): the source (an HDFS snapshot or the warehouse database)
-- against the PG mirror tables, per table by natural key and row hash.

-- One row per run; counts are complete even when the listed diffs are capped.
CREATE TABLE reconciliation_runs (
    run_id            bigserial   PRIMARY KEY,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    mode              text        NOT NULL CHECK (mode IN ('dry-run', 'repair')),
    source            text        NOT NULL,          -- e.g. 'snapshot 2026-11-30 hdfs://...' or 'warehouse jdbc:...'
    snapshot_date     date,
    status            text        NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
    source_rows       bigint,
    mirror_rows       bigint,
    missing           bigint,                        -- in the source, not in the mirror
    extra             bigint,                        -- in the mirror, not in the source
    different         bigint,                        -- same key, different content
    skipped_newer     bigint,                        -- mirror rows applied from CDC after the snapshot's position (not compared)
    repaired          bigint,
    errors            jsonb       NOT NULL DEFAULT '[]',  -- e.g. unreadable snapshot files: [{"file": ..., "error": ...}]
    per_table         jsonb,                         -- {"sales.orders": {"source_rows": .., "mirror_rows": .., "missing": .., ...}}
    duration_ms       bigint
);

-- The rows that differ, by run (the first reconciliation.max-diffs-listed of a run).
CREATE TABLE reconciliation_diffs (
    run_id            bigint      NOT NULL REFERENCES reconciliation_runs (run_id) ON DELETE CASCADE,
    table_name        text        NOT NULL,          -- source table, schema.table
    row_key           text        NOT NULL,          -- natural key (parts joined by U+001F)
    kind              text        NOT NULL CHECK (kind IN ('MISSING', 'EXTRA', 'DIFFERENT')),
    source_hash       text,
    mirror_hash       text,
    PRIMARY KEY (run_id, table_name, row_key)
);

-- Every change --repair made to the mirror.
CREATE TABLE reconciliation_audit (
    audit_id          bigserial   PRIMARY KEY,
    run_id            bigint      NOT NULL REFERENCES reconciliation_runs (run_id) ON DELETE CASCADE,
    changed_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    table_name        text        NOT NULL,          -- mirror table, e.g. ml_sales_orders
    row_key           text        NOT NULL,
    action            text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    before_hash       text,                          -- row hash in the mirror before (null: absent)
    after_hash        text,                          -- row hash after (null: deleted)
    redis_keys        text[]      NOT NULL DEFAULT '{}'   -- cache keys rewritten or invalidated for this change
);
CREATE INDEX reconciliation_audit_run ON reconciliation_audit (run_id);
