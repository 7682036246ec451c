-- The access record and retention on a server. Nobody may write the audit
-- log (roles_pg.sql): a clerk records a reading through mkzh_record_access
-- and the admin scrubs the log of anonymised children through
-- mkzh_scrub_audit, SECURITY DEFINER functions owned by __ROLE___audit,
-- which may add to the log and scrub its old and new values, nothing else.
-- (An UPDATE reads the columns it filters on.)
GRANT SELECT (id, table_name, row_id, old_json, new_json), UPDATE (old_json, new_json)
    ON __SCHEMA__.audit_log TO __ROLE___audit;
GRANT SELECT (id, iin) ON __SCHEMA__.children TO __ROLE___audit;
GRANT SELECT (id, child_name, child_iin) ON __SCHEMA__.coverage_cases TO __ROLE___audit;

-- mkzh_record_access records that session_user read children's data: what
-- (card, export:children, handover, backup, …), which child (0: a list) and
-- how many, by the server's clock.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_record_access(what text, child bigint, n integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF what IS NULL OR what !~ '^[a-z_:]{1,40}$' OR child IS NULL OR child < 0 OR n IS NULL OR n < 0 THEN
        RAISE EXCEPTION 'access %: a word, a child and a count', what USING ERRCODE = '22023';
    END IF;
    INSERT INTO __SCHEMA__.audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
    VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), session_user, what, child, 'access',
        NULL, '{"count":' || n::text || '}'); -- as the app writes it on SQLite
END
$f$;

-- mkzh_scrub_audit removes the given keys (a comma-separated list) from
-- the recorded values of the children and coverage cases that retention
-- has anonymised (and only of those: it reads which they are), for the
-- office's admins. It returns how many records it scrubbed.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_scrub_audit(keys text, iin_mark text, case_mark text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    k text[] := string_to_array(keys, ',');
    n bigint;
BEGIN
    IF NOT pg_has_role(session_user, '__ROLE___admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only the office''s admins retain' USING ERRCODE = '42501';
    END IF;
    UPDATE __SCHEMA__.audit_log a
        SET old_json = (a.old_json::jsonb - k)::text, new_json = (a.new_json::jsonb - k)::text
        WHERE (a.table_name IN ('children', 'child_categories')
                AND a.row_id IN (SELECT id FROM __SCHEMA__.children WHERE iin LIKE iin_mark || '%'))
            OR (a.table_name = 'coverage_cases'
                AND a.row_id IN (SELECT id FROM __SCHEMA__.coverage_cases WHERE child_name = case_mark AND child_iin = ''));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$f$;

DO $owners$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['mkzh_record_access(text, bigint, integer)', 'mkzh_scrub_audit(text, text, text)'] LOOP
        EXECUTE 'ALTER FUNCTION __SCHEMA__.' || f || ' OWNER TO __ROLE___audit';
        EXECUTE 'REVOKE ALL ON FUNCTION __SCHEMA__.' || f || ' FROM PUBLIC';
    END LOOP;
    GRANT EXECUTE ON FUNCTION __SCHEMA__.mkzh_record_access(text, bigint, integer) TO __ROLE___clerk;
    GRANT EXECUTE ON FUNCTION __SCHEMA__.mkzh_scrub_audit(text, text, text) TO __ROLE___admin;
END
$owners$;
