-- Runs after every `flowcast migrate` (a Flyway callback: no version, no checksum), so that
-- tables and views added by any migration get their role privileges and, for the model
-- registry and the training requests (V40), the audit triggers, whichever migration created
-- them. Idempotent.
DO $$
DECLARE
    t record;
BEGIN
    IF to_regprocedure('flowcast.audit_attach(regclass)') IS NULL
       OR (SELECT count(*) FROM pg_roles WHERE rolname IN ('ml_analyst', 'ml_engineer', 'ml_admin', 'flowcast_writer')) < 4 THEN
        RETURN; -- V21 (roles and audit) not applied yet
    END IF;
    IF to_regclass('flowcast.model_registry') IS NOT NULL THEN
        PERFORM flowcast.audit_attach('flowcast.model_registry');
    END IF;
    IF to_regclass('flowcast.training_requests') IS NOT NULL THEN
        PERFORM flowcast.audit_attach('flowcast.training_requests');
    END IF;
    GRANT USAGE ON SCHEMA flowcast TO ml_analyst, ml_engineer, ml_admin, flowcast_writer;
    GRANT CREATE ON SCHEMA flowcast TO ml_admin;
    FOR t IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'flowcast' AND c.relkind IN ('r', 'p', 'v', 'm') LOOP
        IF t.relkind IN ('v', 'm') THEN
            EXECUTE format('GRANT SELECT ON flowcast.%I TO ml_analyst, ml_engineer, ml_admin', t.relname);
        ELSIF t.relname IN ('audit_log', 'flyway_schema_history') THEN
            EXECUTE format('GRANT SELECT ON flowcast.%I TO ml_engineer, ml_admin', t.relname);
        ELSIF t.relname IN ('forecast_requests', 'retention_policies', 'model_registry') THEN
            -- Written by people (engineers); the jobs read them (requests by logical replication,
            -- which also needs SELECT), and the training job registers models.
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON flowcast.%I TO ml_engineer', t.relname);
            EXECUTE format('GRANT ALL ON flowcast.%I TO ml_admin', t.relname);
            EXECUTE format('GRANT SELECT ON flowcast.%I TO flowcast_writer', t.relname);
            IF t.relname = 'model_registry' THEN
                GRANT INSERT, UPDATE ON flowcast.model_registry TO flowcast_writer;
            END IF;
        ELSIF t.relname = 'training_requests' THEN
            -- Written by drift detection (the jobs) and by hand (engineers).
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON flowcast.%I TO ml_engineer, flowcast_writer', t.relname);
            EXECUTE format('GRANT ALL ON flowcast.%I TO ml_admin', t.relname);
        ELSE
            -- Tables the jobs fill (and RetentionJob trims).
            EXECUTE format('GRANT SELECT ON flowcast.%I TO ml_engineer', t.relname);
            EXECUTE format('GRANT ALL ON flowcast.%I TO ml_admin', t.relname);
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON flowcast.%I TO flowcast_writer', t.relname);
        END IF;
    END LOOP;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA flowcast TO ml_engineer, ml_admin, flowcast_writer;
END
$$;
