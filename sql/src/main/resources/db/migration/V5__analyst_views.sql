-- Views for analysts (DESIGN section 4). They read only; jobs never write through them.

-- Current demand classes per series: the newest week close of each series, with its features.
CREATE VIEW v_current_classification AS
SELECT DISTINCT ON (c.product_code, c.region)
       c.product_code, c.region, c.as_of_week, c.abc, c.xyz, c.pattern, c.adi, c.cv2, c.cv,
       f.features, f.quality_score
FROM classification_results c
LEFT JOIN feature_store f USING (product_code, region)
ORDER BY c.product_code, c.region, c.as_of_week DESC;

-- Data quality per table and check over the last 24 hours of windows.
CREATE VIEW v_data_quality_summary AS
SELECT job, table_name, check_name,
       count(*)                          AS windows,
       count(*) FILTER (WHERE NOT passed) AS failed_windows,
       max(observed)                     AS worst_observed,
       max(threshold)                    AS threshold,
       max(window_end)                   AS last_window_end
FROM data_quality_events
WHERE window_end > now() - interval '24 hours'
GROUP BY job, table_name, check_name;

-- Rejected messages per job, topic and reason.
CREATE VIEW v_dead_letter_summary AS
SELECT job, source_topic, reason, count(*) AS messages, min(created_at) AS first_seen, max(created_at) AS last_seen
FROM dead_letter
GROUP BY job, source_topic, reason;
