-- Roles and audit (issue 13, part 4).
--
-- Group roles, NOLOGIN: people and jobs log in as their own roles, members of these, with
-- passwords set outside Flyway (environment / Flink config), never in a migration.
--   ml_analyst       reads the analyst views (v_*)
--   ml_engineer      + reads every table; writes forecast_requests, retention_policies, model_registry
--   ml_admin         + every privilege on the tables, CREATE in the schema, grants the two roles above
--   flowcast_writer  the jobs: write the tables they fill, read requests and policies, nothing else
-- The privileges on tables are (re)granted by the afterMigrate callback after every migrate, so
-- tables and views added by later migrations get theirs without a migration of their own.
--
-- Roles are cluster-wide while migrations run per database: several databases (e.g. parallel
-- test databases) may migrate at the same moment. Creating a role or a membership that another
-- transaction created meanwhile is not an error here.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['ml_analyst', 'ml_engineer', 'ml_admin', 'flowcast_writer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

DO $$
DECLARE
    m record;
BEGIN
    FOR m IN SELECT * FROM (VALUES ('ml_analyst', 'ml_engineer', false), ('ml_engineer', 'ml_admin', false),
                                   ('ml_analyst', 'ml_admin', true), ('ml_engineer', 'ml_admin', true)) AS g(granted, member, admin) LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_auth_members a
                       WHERE a.roleid = m.granted::regrole AND a.member = m.member::regrole AND (a.admin_option OR NOT m.admin)) THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', m.granted, m.member) || CASE WHEN m.admin THEN ' WITH ADMIN OPTION' ELSE '' END;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

-- Who changed what: one row per inserted, updated or deleted row of an audited table (and one
-- per TRUNCATE), written by trigger, so no client can skip it. Readable by engineers and admins;
-- only the schema owner may change it.
CREATE TABLE audit_log (
    audit_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    table_name        text        NOT NULL,
    operation         text        NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')),
    old_row           jsonb,
    new_row           jsonb,
    -- The login role, and the role taken with SET ROLE if any (null when none).
    login_role        text        NOT NULL,
    acting_role       text,
    application_name  text,
    transaction_id    bigint      NOT NULL
);
CREATE INDEX audit_log_table_time ON audit_log (table_name, changed_at);
REVOKE ALL ON audit_log FROM PUBLIC;

-- SECURITY DEFINER: the trigger writes audit_log with its owner's rights, so auditing needs no
-- privilege on audit_log and nobody who changes an audited table can write audit rows directly.
CREATE FUNCTION audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO flowcast.audit_log (table_name, operation, old_row, new_row, login_role, acting_role,
                                    application_name, transaction_id)
    VALUES (TG_TABLE_NAME, TG_OP,
            CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END,
            CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END,
            session_user, nullif(current_setting('role'), 'none'), current_setting('application_name'),
            txid_current());
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_change() FROM PUBLIC;

-- Attaches the audit triggers to a table (idempotent). Tables created by later migrations
-- (model_registry) get them from the afterMigrate callback, or by calling this.
CREATE FUNCTION audit_attach(target regclass) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = target AND tgname = 'audit_row_change') THEN
        EXECUTE format('CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON %s'
                       ' FOR EACH ROW EXECUTE FUNCTION flowcast.audit_change()', target);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = target AND tgname = 'audit_truncate') THEN
        EXECUTE format('CREATE TRIGGER audit_truncate AFTER TRUNCATE ON %s'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION flowcast.audit_change()', target);
    END IF;
END
$$;
REVOKE ALL ON FUNCTION audit_attach(regclass) FROM PUBLIC;

SELECT audit_attach('flowcast.retention_policies');
SELECT audit_attach('flowcast.forecast_requests');
SELECT audit_attach(to_regclass('flowcast.model_registry')) WHERE to_regclass('flowcast.model_registry') IS NOT NULL;

INSERT INTO retention_policies (policy_name, family, keep_days, enabled, description) VALUES
    ('audit-log', 'audit_log', 730, false,
     'audit trail, two years; off by default (an audit trail is kept until someone decides); run as the schema owner');
