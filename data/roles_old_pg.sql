-- Servers set up before roles per office had the server-wide groups
-- mektepkezhol_clerk, _head and _admin, granted rights on every office's
-- schema, and admins with CREATEROLE. On this office's schema: the users
-- of the old groups who worked in it or were created by it get the same
-- role in the office's own groups; the old groups lose the schema; no old
-- admin keeps CREATEROLE or the groups' ADMIN OPTION. Idempotent.
DO $old$
DECLARE
    m record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mektepkezhol_clerk') THEN
        RETURN;
    END IF;
    -- each user's highest role: an old admin held all three groups
    FOR m IN SELECT DISTINCT ON (u.rolname) u.rolname AS name, substr(g.rolname, 14) AS role
            FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles u ON u.oid = am.member
            WHERE g.rolname IN ('mektepkezhol_clerk', 'mektepkezhol_head', 'mektepkezhol_admin')
            AND u.rolname NOT LIKE 'mektepkezhol\_%' AND NOT u.rolsuper
            AND (EXISTS (SELECT 1 FROM __SCHEMA__.audit_log a WHERE a.os_user = u.rolname)
                OR EXISTS (SELECT 1 FROM __SCHEMA__.audit_log a WHERE a.table_name = 'users' AND a.action = 'insert'
                    AND a.new_json::jsonb->>'Name' = u.rolname))
            ORDER BY u.rolname, array_position(ARRAY['admin', 'head', 'clerk'], substr(g.rolname, 14)) LOOP
        EXECUTE format('GRANT %I TO %I', '__ROLE___' || m.role, m.name);
    END LOOP;
    REVOKE ALL ON ALL TABLES IN SCHEMA __SCHEMA__ FROM mektepkezhol_clerk, mektepkezhol_head, mektepkezhol_admin;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA __SCHEMA__ FROM mektepkezhol_clerk, mektepkezhol_head, mektepkezhol_admin;
    REVOKE ALL ON SCHEMA __SCHEMA__ FROM mektepkezhol_clerk, mektepkezhol_head, mektepkezhol_admin;
    FOR m IN SELECT u.rolname AS name FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid
            JOIN pg_roles u ON u.oid = am.member
            WHERE g.rolname = 'mektepkezhol_admin' AND NOT u.rolsuper AND u.rolname NOT LIKE 'mektepkezhol\_%' LOOP
        EXECUTE format('ALTER ROLE %I NOCREATEROLE', m.name);
        EXECUTE format('REVOKE ADMIN OPTION FOR mektepkezhol_clerk, mektepkezhol_head, mektepkezhol_admin FROM %I', m.name);
    END LOOP;
END
$old$;
