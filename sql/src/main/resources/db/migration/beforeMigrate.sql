-- Runs before every `flowcast migrate` (a Flyway callback: no version, no checksum).
--
-- Publications live in the database, not in the schema: `DROP SCHEMA flowcast CASCADE` (or any
-- reset that drops the schema) leaves V9's publication behind, empty, and V9 would then fail on
-- CREATE PUBLICATION when the schema is rebuilt. A publication of ours without the table it
-- publishes is such a leftover: drop it so the versioned migrations recreate it as written.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'flowcast_forecast_requests')
       AND to_regclass('flowcast.forecast_requests') IS NULL THEN
        DROP PUBLICATION flowcast_forecast_requests;
    END IF;
END
$$;
