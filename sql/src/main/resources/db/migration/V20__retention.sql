-- Retention (issue 13, part 2). RetentionJob (`flowcast retention [--execute]`) reads these
-- policies; each names a key family RetentionJob knows (a table and which of its rows, see
-- README "Retention") and keeps either the rows of the last `keep_days` days or the last
-- `keep_last_origins` origin weeks per series. A dry run reports, --execute deletes in batches.
CREATE TABLE retention_policies (
    policy_name        text        PRIMARY KEY,
    family             text        NOT NULL,
    keep_days          integer     CHECK (keep_days > 0),
    keep_last_origins  integer     CHECK (keep_last_origins > 0),
    -- Copy the rows into <table>_archive (same columns + archived_at, archive_run) in the same
    -- statement that deletes them.
    archive            boolean     NOT NULL DEFAULT false,
    enabled            boolean     NOT NULL DEFAULT true,
    -- Heap pages one DELETE covers (8 KiB each): bounds each transaction's work and lock time.
    batch_pages        integer     NOT NULL DEFAULT 2000 CHECK (batch_pages > 0),
    description        text,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text        NOT NULL DEFAULT session_user,
    CHECK ((keep_days IS NULL) <> (keep_last_origins IS NULL))
);

-- One row per policy and run (dry runs too): what the policy selected and what was done.
CREATE TABLE retention_history (
    run_id         uuid        NOT NULL,
    policy_name    text        NOT NULL,
    family         text        NOT NULL,
    mode           text        NOT NULL CHECK (mode IN ('dry-run', 'execute')),
    status         text        NOT NULL CHECK (status IN ('ok', 'failed', 'disabled')),
    rule           text        NOT NULL,
    rows_total     bigint,
    rows_matched   bigint      NOT NULL DEFAULT 0,
    rows_deleted   bigint      NOT NULL DEFAULT 0,
    rows_archived  bigint      NOT NULL DEFAULT 0,
    batches        integer     NOT NULL DEFAULT 0,
    max_batch_ms   bigint,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz NOT NULL,
    detail         text,
    run_by         text        NOT NULL DEFAULT session_user,
    PRIMARY KEY (run_id, policy_name)
);
CREATE INDEX retention_history_started ON retention_history (started_at DESC);

-- Archive of prediction_results (for policies with archive = true; other families' archives
-- are created by the migration owner the same way: LIKE the table plus the two columns).
CREATE TABLE prediction_results_archive (LIKE prediction_results);
ALTER TABLE prediction_results_archive
    ADD COLUMN archived_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN archive_run uuid;

-- Defaults. prediction_results grows by 52 rows per series and week close; a scheduled forecast
-- matters while one of its 26 steps targets a week that is still open or inside the accuracy
-- window (4 weeks): the last 26 + 4 = 30 origins per series. AccuracyTracker scores from its own
-- state, and forecast_errors keeps the scored forecast, so older origins are history only.
INSERT INTO retention_policies (policy_name, family, keep_days, keep_last_origins, description) VALUES
    ('scheduled-forecasts', 'prediction_results.scheduled', NULL, 30,
     'the last 30 origin weeks per series: the 26-week horizon plus the 4-week accuracy window'),
    ('request-answers', 'prediction_results.requests', 30, NULL,
     'answers to on-demand requests, 30 days after they were written'),
    ('classification-history', 'classification_results', NULL, 104,
     'demand classes of the last 104 closed weeks per series (the weekly ring)'),
    ('forecast-errors', 'forecast_errors', 728, NULL,
     '104 weeks of target weeks: as long as AccuracyTracker can still correct a week'),
    ('forecast-accuracy', 'forecast_accuracy', 728, NULL, '104 weeks of rolling accuracy'),
    ('dead-letters', 'dead_letter', 90, NULL, 'rejected messages, 90 days'),
    ('data-quality', 'data_quality_events', 30, NULL, 'per-minute quality checks, 30 days'),
    ('retention-history', 'retention_history', 365, NULL, 'this table, one year');
