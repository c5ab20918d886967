-- Features of each demand series (seed 002 feature store): the latest vector per series with
-- its quality score and content hash; DemandForecastJob rewrites a row only when the hash changes.
CREATE TABLE feature_store (
    product_code   text        NOT NULL,
    region         text        NOT NULL,
    as_of_week     date        NOT NULL,
    features       jsonb       NOT NULL,
    quality_score  double precision NOT NULL,
    content_hash   text        NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, region)
);

-- Demand classes per series and closed week (history: one row per week close).
-- pattern: Syntetos-Boylan (SMOOTH, ERRATIC, INTERMITTENT, LUMPY, NO_DEMAND); xyz by CV;
-- abc by revenue share across products (filled once the global ranking runs; null until then).
CREATE TABLE classification_results (
    product_code   text        NOT NULL,
    region         text        NOT NULL,
    as_of_week     date        NOT NULL,
    abc            char(1),
    xyz            char(1)     NOT NULL,
    pattern        text        NOT NULL,
    adi            double precision,
    cv2            double precision NOT NULL,
    cv             double precision NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, region, as_of_week)
);
CREATE INDEX classification_results_latest ON classification_results (product_code, region, as_of_week DESC);
