-- ABC class per product and closed week: Pareto ranking of trailing 52-week revenue over all
-- products (A up to 80% of cumulative revenue, B up to 95%, C the rest), from DemandForecastJob.
CREATE TABLE abc_classes (
    product_code   text             NOT NULL,
    as_of_week     date             NOT NULL,
    abc            char(1)          NOT NULL,
    revenue_share  double precision NOT NULL,
    created_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (product_code, as_of_week)
);

CREATE OR REPLACE VIEW v_current_classification AS
SELECT DISTINCT ON (c.product_code, c.region)
       c.product_code, c.region, c.as_of_week,
       (SELECT a.abc FROM abc_classes a WHERE a.product_code = c.product_code
        ORDER BY a.as_of_week DESC LIMIT 1) AS abc,
       c.xyz, c.pattern, c.adi, c.cv2, c.cv,
       f.features, f.quality_score
FROM classification_results c
LEFT JOIN feature_store f USING (product_code, region)
ORDER BY c.product_code, c.region, c.as_of_week DESC;
