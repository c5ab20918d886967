-- Models in the stream (issue 11): the model registry the TrainingJob writes and
-- DemandForecastJob follows, the accuracy of every model version over time, drift findings, and
-- the retraining requests they raise.

-- One row per trained model version. stage: candidate (just trained, being judged), production
-- (the one the stream uses; at most one per name), archived (judged and not promoted, or
-- replaced). The artifact is stored inline (bytea, a router is a few hundred kB) with its
-- SHA-256 so a reader can reject a corrupt copy before loading it.
CREATE TABLE model_registry (
    name            text        NOT NULL,
    version         integer     NOT NULL,
    kind            text        NOT NULL,
    stage           text        NOT NULL CHECK (stage IN ('candidate', 'production', 'archived')),
    metrics         jsonb       NOT NULL DEFAULT '{}',
    training_from   date,
    training_to     date,
    series_count    integer,
    artifact        bytea       NOT NULL,
    artifact_sha256 text        NOT NULL,
    stage_reason    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL DEFAULT current_user,
    promoted_at     timestamptz,
    promoted_by     text,
    PRIMARY KEY (name, version)
);
CREATE UNIQUE INDEX model_registry_one_production ON model_registry (name) WHERE stage = 'production';
-- The stream follows this table through logical replication: full row images, own publication.
ALTER TABLE model_registry REPLICA IDENTITY FULL;
CREATE PUBLICATION flowcast_model_registry FOR TABLE model_registry;

-- Accuracy of each evaluated model version on the evaluation origins of one training run
-- (candidate and the production model it was compared with, on the same origins), and later the
-- stream's live accuracy per version.
CREATE TABLE model_performance_history (
    name          text             NOT NULL,
    version       integer          NOT NULL,
    evaluated_at  timestamptz      NOT NULL DEFAULT now(),
    source        text             NOT NULL,          -- 'training' (backtest origins) or 'stream'
    series_count  integer          NOT NULL,
    origins       integer          NOT NULL,
    mase          double precision,
    smape         double precision,
    rmsse         double precision,
    owa           double precision,
    details       jsonb            NOT NULL DEFAULT '{}',
    PRIMARY KEY (name, version, evaluated_at, source)
);

-- A two-sample Kolmogorov-Smirnov test that rejected "same distribution" (p below the
-- configured level, 0.05 by default) for one feature or the forecast residuals, recent window
-- against the reference window of the model's training data.
CREATE TABLE drift_events (
    drift_id         bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_name       text             NOT NULL,
    model_version    integer          NOT NULL,
    feature          text             NOT NULL,
    statistic        double precision NOT NULL,
    p_value          double precision NOT NULL,
    reference_size   integer          NOT NULL,
    recent_size      integer          NOT NULL,
    reference_from   date,
    reference_to     date,
    recent_from      date,
    recent_to        date,
    detected_at      timestamptz      NOT NULL DEFAULT now()
);

-- Work for the next training run: written by drift detection (or by hand), picked up and marked
-- done by the TrainingJob.
CREATE TABLE training_requests (
    request_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_name    text        NOT NULL,
    reason        text        NOT NULL,
    drift_id      bigint      REFERENCES drift_events (drift_id),
    requested_at  timestamptz NOT NULL DEFAULT now(),
    status        text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
    handled_at    timestamptz,
    handled_version integer
);
CREATE INDEX training_requests_pending ON training_requests (model_name) WHERE status = 'pending';

-- Clusters of each series' standardised feature vector (K-means id and distance to its
-- centroid, DBSCAN id or -1 for noise), written by the TrainingJob for the version it trained.
ALTER TABLE classification_results ADD COLUMN kmeans_cluster integer;
ALTER TABLE classification_results ADD COLUMN cluster_distance double precision;
ALTER TABLE classification_results ADD COLUMN dbscan_cluster integer;
ALTER TABLE classification_results ADD COLUMN cluster_model_version integer;

-- The production model and its latest training evaluation, one row per model name.
CREATE VIEW v_model_production AS
SELECT r.name, r.version, r.kind, r.promoted_at, r.promoted_by, r.metrics, r.training_from, r.training_to,
       r.series_count, r.artifact_sha256
FROM model_registry r WHERE r.stage = 'production';
