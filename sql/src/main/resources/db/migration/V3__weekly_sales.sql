-- Weekly demand per series (seed 003: two channels, units and revenue), written by
-- DemandForecastJob when the watermark closes a week, and rewritten when a late or amended
-- order line corrects a closed week. Weeks are ISO weeks, week_start is their Monday (UTC).
CREATE TABLE weekly_sales (
    product_code  text        NOT NULL,
    region        text        NOT NULL,
    week_start    date        NOT NULL,
    units         numeric     NOT NULL,
    revenue       numeric     NOT NULL,
    corrections   integer     NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, region, week_start)
);
CREATE INDEX weekly_sales_week ON weekly_sales (week_start);
