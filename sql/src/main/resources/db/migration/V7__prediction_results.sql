-- Forecasts per series, origin week, channel and step (seed 003: 26 weeks, units and revenue),
-- written by DemandForecastJob at each week close. The key makes a replay rewrite the same rows.
CREATE TABLE prediction_results (
    product_code   text             NOT NULL,
    region         text             NOT NULL,
    origin_week    date             NOT NULL,
    channel        text             NOT NULL,
    step           integer          NOT NULL,
    target_week    date             NOT NULL,
    method         text             NOT NULL,
    model_version  text             NOT NULL,
    yhat           double precision NOT NULL,
    lo80           double precision NOT NULL,
    hi80           double precision NOT NULL,
    explanation    text,
    request_id     text,
    created_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, region, origin_week, channel, step, method, model_version)
);
CREATE INDEX prediction_results_latest ON prediction_results (product_code, region, origin_week DESC);

-- Latest forecast per series and channel (analysts).
CREATE VIEW v_latest_forecast AS
SELECT p.*
FROM prediction_results p
JOIN (SELECT product_code, region, channel, max(origin_week) AS origin_week
      FROM prediction_results GROUP BY product_code, region, channel) latest
  USING (product_code, region, channel, origin_week);
