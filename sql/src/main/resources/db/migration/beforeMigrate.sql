-- Runs before every `flowcast migrate` (a Flyway callback: no version, no checksum).
--
-- Publications live in the database, not in the schema: `DROP SCHEMA flowcast CASCADE` (or any
-- reset that drops the schema) leaves our publications behind (V9's forecast requests, V40's model
-- registry), empty, and their migrations would then fail on CREATE PUBLICATION when the schema is
-- rebuilt. A publication of ours that publishes no table any more is such a leftover: drop it so
-- the versioned migrations recreate it as written.
DO $$
DECLARE
    leftover name;
BEGIN
    FOR leftover IN
        SELECT p.pubname FROM pg_publication p
        WHERE p.pubname LIKE 'flowcast\_%'
          AND NOT p.puballtables
          AND NOT EXISTS (SELECT 1 FROM pg_publication_rel r WHERE r.prpubid = p.oid)
    LOOP
        EXECUTE format('DROP PUBLICATION %I', leftover);
    END LOOP;
END
$$;
