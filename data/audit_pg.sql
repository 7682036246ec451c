-- The server's audit: every change of the office's tables, however made
-- (the app, psql), is recorded by triggers from the session's user and the
-- server's clock, and a versioned row's version, changed_by and changed_at
-- are set the same way, so no clerk can forge or skip them. The trigger
-- function runs as __ROLE___audit, which may only add to the audit log.

CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    NEW.changed_by := session_user;
    NEW.changed_at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    o jsonb;
    n jsonb;
    j jsonb;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        o := to_jsonb(OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        n := to_jsonb(NEW);
    END IF;
    j := COALESCE(n, o);
    INSERT INTO __SCHEMA__.audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
    VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), session_user, TG_TABLE_NAME,
        COALESCE((j->>'id')::bigint, (j->>'child_id')::bigint, (j->>'donation_id')::bigint, 0),
        lower(TG_OP), o::text, n::text);
    RETURN NULL;
END
$f$;
ALTER FUNCTION __SCHEMA__.mkzh_audit() OWNER TO __ROLE___audit;

-- The tallies (migration 0014) are counts the triggers keep, no one's
-- change: they are not audited.
DO $triggers$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '__SCHEMA__'
            AND tablename NOT IN ('audit_log', 'schema_migrations') AND tablename NOT LIKE 'tally\_%' LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS mkzh_audit ON __SCHEMA__.%I', t);
        EXECUTE format('CREATE TRIGGER mkzh_audit AFTER INSERT OR UPDATE OR DELETE ON __SCHEMA__.%I
            FOR EACH ROW EXECUTE FUNCTION __SCHEMA__.mkzh_audit()', t);
    END LOOP;
    FOR t IN SELECT c.table_name FROM information_schema.columns c WHERE c.table_schema = '__SCHEMA__'
            AND c.column_name = 'version' AND EXISTS (SELECT 1 FROM information_schema.columns b
                WHERE b.table_schema = c.table_schema AND b.table_name = c.table_name AND b.column_name = 'changed_by') LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS mkzh_stamp ON __SCHEMA__.%I', t);
        EXECUTE format('CREATE TRIGGER mkzh_stamp BEFORE INSERT OR UPDATE ON __SCHEMA__.%I
            FOR EACH ROW EXECUTE FUNCTION __SCHEMA__.mkzh_stamp()', t);
    END LOOP;
END
$triggers$;
