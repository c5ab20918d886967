-- On-demand forecasts (issue 5, point 7). A user inserts a request; DemandForecastJob reads it
-- through logical replication (Flink CDC, publication below) and answers in prediction_results
-- with the request's id, from the series' history as of its last closed week.
CREATE TABLE forecast_requests (
    request_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_code  text        NOT NULL,
    region        text        NOT NULL,
    -- Weeks ahead; the job keeps 104 weeks of history per series, and asks no more of a model.
    horizon       integer     NOT NULL DEFAULT 26 CHECK (horizon BETWEEN 1 AND 104),
    requested_at  timestamptz NOT NULL DEFAULT now()
);
-- Full row images in the WAL, so that every change event carries every column.
ALTER TABLE forecast_requests REPLICA IDENTITY FULL;
-- Created here, not by the connector (publication.autocreate.mode=disabled): the job's database
-- user then needs no CREATE privilege, and the publication covers this one table only.
CREATE PUBLICATION flowcast_forecast_requests FOR TABLE forecast_requests;

-- Answers share prediction_results with the scheduled forecasts: '' marks a scheduled forecast,
-- a request id an answer, so an answer never overwrites the scheduled forecast of the same
-- origin week (or another request's answer).
UPDATE prediction_results SET request_id = '' WHERE request_id IS NULL;
ALTER TABLE prediction_results ALTER COLUMN request_id SET DEFAULT '';
ALTER TABLE prediction_results ALTER COLUMN request_id SET NOT NULL;
ALTER TABLE prediction_results DROP CONSTRAINT prediction_results_pkey;
ALTER TABLE prediction_results
    ADD PRIMARY KEY (product_code, region, origin_week, channel, step, method, model_version, request_id);
CREATE INDEX prediction_results_request ON prediction_results (request_id) WHERE request_id <> '';

-- Latest scheduled forecast per series and channel (answers to requests are not "the" forecast).
CREATE OR REPLACE VIEW v_latest_forecast AS
SELECT p.*
FROM prediction_results p
JOIN (SELECT product_code, region, channel, max(origin_week) AS origin_week
      FROM prediction_results WHERE request_id = '' GROUP BY product_code, region, channel) latest
  USING (product_code, region, channel, origin_week)
WHERE p.request_id = '';

-- Each request and what became of it: answered (with when and how many rows), rejected (with
-- the dead-letter reason), or pending.
CREATE VIEW v_forecast_requests AS
SELECT r.request_id, r.product_code, r.region, r.horizon, r.requested_at,
       CASE WHEN a.rows > 0 THEN 'answered' WHEN d.reason IS NOT NULL THEN 'rejected' ELSE 'pending' END AS status,
       a.origin_week, a.answered_at, a.answered_at - r.requested_at AS latency, coalesce(a.rows, 0) AS rows,
       d.reason AS rejected_reason, d.detail AS rejected_detail
FROM forecast_requests r
LEFT JOIN (SELECT request_id, min(origin_week) AS origin_week, max(created_at) AS answered_at, count(*) AS rows
           FROM prediction_results WHERE request_id <> '' GROUP BY request_id) a
  ON a.request_id = r.request_id::text
LEFT JOIN dead_letter d
  ON d.source_topic = 'flowcast.forecast_requests' AND d.source_partition = 0 AND d.source_offset = r.request_id;
