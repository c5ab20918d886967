-- Forecast accuracy, written by DemandForecastJob when a week's actuals close (seed 003: MAE
-- over 30 days, MAPE per product, R2 per region; seed 000: alert when MAPE passes 20%).

-- One row per series, target week and channel: the forecast made `lead_weeks` before the week
-- (by default the one-week-ahead forecast) against the week's actual total. A late order line
-- that corrects the week rewrites its row.
CREATE TABLE forecast_errors (
    product_code   text             NOT NULL,
    region         text             NOT NULL,
    target_week    date             NOT NULL,
    channel        text             NOT NULL,
    origin_week    date             NOT NULL,
    lead_weeks     integer          NOT NULL,
    method         text             NOT NULL,
    model_version  text             NOT NULL,
    actual         double precision NOT NULL,
    forecast       double precision NOT NULL,
    abs_error      double precision GENERATED ALWAYS AS (abs(actual - forecast)) STORED,
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, region, target_week, channel)
);
CREATE INDEX forecast_errors_week ON forecast_errors (target_week);

-- Rolling accuracy per product and per region (scope), as of each closed week, over the weeks
-- of the window (window_days: 30 days = the 4 whole weeks ending with as_of_week).
-- mape is a fraction over weeks with non-zero actuals (null if none); r2 is null when the
-- actuals do not vary.
CREATE TABLE forecast_accuracy (
    scope          text             NOT NULL CHECK (scope IN ('product', 'region')),
    scope_key      text             NOT NULL,
    as_of_week     date             NOT NULL,
    channel        text             NOT NULL,
    window_days    integer          NOT NULL,
    samples        integer          NOT NULL,
    mae            double precision NOT NULL,
    mape           double precision,
    r2             double precision,
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, scope_key, as_of_week, channel)
);
CREATE INDEX forecast_accuracy_latest ON forecast_accuracy (scope, scope_key, channel, as_of_week DESC);

-- A product whose MAPE over the window passed the configured threshold (default 20%).
CREATE TABLE forecast_accuracy_alerts (
    product_code   text             NOT NULL,
    as_of_week     date             NOT NULL,
    channel        text             NOT NULL,
    mape           double precision NOT NULL,
    threshold      double precision NOT NULL,
    samples        integer          NOT NULL,
    created_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, as_of_week, channel)
);

-- Latest accuracy per product and channel (analysts).
CREATE VIEW v_accuracy_by_product AS
SELECT DISTINCT ON (scope_key, channel)
       scope_key AS product_code, channel, as_of_week, window_days, samples, mae, mape, r2
FROM forecast_accuracy
WHERE scope = 'product'
ORDER BY scope_key, channel, as_of_week DESC;

-- Latest accuracy per region and channel (analysts).
CREATE VIEW v_accuracy_by_region AS
SELECT DISTINCT ON (scope_key, channel)
       scope_key AS region, channel, as_of_week, window_days, samples, mae, mape, r2
FROM forecast_accuracy
WHERE scope = 'region'
ORDER BY scope_key, channel, as_of_week DESC;
