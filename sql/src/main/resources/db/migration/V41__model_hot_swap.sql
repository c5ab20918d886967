-- Hot swap and A/B (issue 11): what the streaming job did with registry changes, and the
-- comparison of the A/B arms.

-- One row per model version the stream activated, took as A/B challenger, or rejected (corrupt
-- or unreadable artifact: the previous version stays active; the change is also in dead_letter).
CREATE TABLE model_alerts (
    model_name   text        NOT NULL,
    version      integer     NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('activated', 'challenger', 'rejected')),
    detail       text        NOT NULL,
    raised_at    timestamptz NOT NULL,
    PRIMARY KEY (model_name, version, kind)
);

-- A/B comparison: forecast errors per model version (the arm: the champion's and the
-- challenger's version) over the weeks both arms were scored, MAE, MAPE (weeks with demand)
-- and MASE-like scaled error (MAE over the mean actual of the same rows).
CREATE VIEW v_model_ab_comparison AS
WITH scored AS (
    SELECT e.model_version, e.target_week, e.channel, abs(e.forecast - e.actual) AS abs_error,
           CASE WHEN e.actual <> 0 THEN abs(e.forecast - e.actual) / abs(e.actual) END AS ape, e.actual
    FROM forecast_errors e
    WHERE e.model_version <> 'rules-1'
), weeks_both AS (
    SELECT target_week, channel FROM scored GROUP BY target_week, channel HAVING count(DISTINCT model_version) > 1
)
SELECT s.model_version, s.channel, count(*) AS forecasts, count(DISTINCT s.target_week) AS weeks,
       avg(s.abs_error) AS mae, avg(s.ape) AS mape,
       avg(s.abs_error) / nullif(avg(abs(s.actual)), 0) AS scaled_mae
FROM scored s JOIN weeks_both w USING (target_week, channel)
GROUP BY s.model_version, s.channel;
