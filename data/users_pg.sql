-- The office admin's ways to manage the office's users: SECURITY DEFINER
-- functions owned by __ROLE___users, a role nobody logs in as, which may
-- create, change and drop roles (CREATEROLE). The functions, and only they,
-- keep it inside the office: a user is a new login in one of the office's
-- groups or a login in nothing but the office's groups; a password is a
-- SCRAM-SHA-256 verifier computed by the app, never the password itself;
-- names are checked and quoted; the search path is the catalog's alone.

-- __SCHEMA__.mkzh_office_user checks a user the admin may change: a new
-- name, or a login in the office's groups and no other role, no superuser
-- nor any other attribute above LOGIN, nobody's group.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_office_user(name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    u pg_roles;
BEGIN
    IF NOT pg_has_role(session_user, '__ROLE___admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only the office''s admins manage its users' USING ERRCODE = '42501';
    END IF;
    IF name IS NULL OR name !~ '^[a-z][a-z0-9_.]{1,62}$' OR name ~ '^(pg_|mkzh_|mektepkezhol_)'
            OR name IN ('postgres', 'public') THEN
        RAISE EXCEPTION 'user name %: use lower-case latin letters, digits, _ and .', name USING ERRCODE = '22023';
    END IF;
    SELECT * INTO u FROM pg_roles WHERE rolname = name;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF u.rolsuper OR u.rolcreaterole OR u.rolcreatedb OR u.rolreplication OR u.rolbypassrls
            OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                WHERE m.member = u.oid AND g.rolname NOT IN ('__ROLE___clerk', '__ROLE___head', '__ROLE___admin'))
            OR EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = u.oid)
            OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                WHERE m.member = u.oid AND g.rolname IN ('__ROLE___clerk', '__ROLE___head', '__ROLE___admin')) THEN
        RAISE EXCEPTION 'user % is not only this office''s: the server''s admin manages it', name USING ERRCODE = '42501';
    END IF;
END
$f$;

CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_group(role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF role IN ('clerk', 'head', 'admin') THEN
        RETURN '__ROLE___' || role;
    END IF;
    RAISE EXCEPTION 'role %: clerk, head or admin', role USING ERRCODE = '22023';
END
$f$;

CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_verifier(verifier text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF verifier IS NULL OR verifier ~ '^SCRAM-SHA-256\$[0-9]{4,7}:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$' THEN
        RETURN verifier;
    END IF;
    RAISE EXCEPTION 'a password is given as a SCRAM-SHA-256 verifier only' USING ERRCODE = '22023';
END
$f$;

CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_audit_user(action text, old_json text, new_json text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
    INSERT INTO __SCHEMA__.audit_log (at, os_user, table_name, row_id, action, old_json, new_json)
    VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), session_user, 'users', 0, action, old_json, new_json)
$f$;

-- mkzh_create_user creates a login in one of the office's groups.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_create_user(name text, verifier text, role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    g text := __SCHEMA__.mkzh_group(role);
    v text := __SCHEMA__.mkzh_verifier(verifier);
BEGIN
    PERFORM __SCHEMA__.mkzh_office_user(name);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        RAISE EXCEPTION 'role "%" already exists', name USING ERRCODE = '42710';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS IN ROLE %I', name, g);
    IF v IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', name, v);
    END IF;
    PERFORM __SCHEMA__.mkzh_audit_user('insert', NULL, json_build_object('Name', name, 'Role', role, 'CanLogin', true)::text);
END
$f$;

-- mkzh_set_user_role moves one of the office's users to another group.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_set_user_role(name text, role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    g text := __SCHEMA__.mkzh_group(role);
BEGIN
    PERFORM __SCHEMA__.mkzh_office_user(name);
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member JOIN pg_roles gr ON gr.oid = m.roleid
            WHERE u.rolname = name AND gr.rolname IN ('__ROLE___clerk', '__ROLE___head', '__ROLE___admin')) THEN
        RAISE EXCEPTION 'user %: not found', name USING ERRCODE = 'P0002';
    END IF;
    EXECUTE format('REVOKE __ROLE___clerk, __ROLE___head, __ROLE___admin FROM %I', name);
    EXECUTE format('GRANT %I TO %I', g, name);
    PERFORM __SCHEMA__.mkzh_audit_user('update', NULL, json_build_object('Name', name, 'Role', role)::text);
END
$f$;

-- mkzh_set_user_password gives one of the office's users a new password
-- (a verifier), or none.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_set_user_password(name text, verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v text := __SCHEMA__.mkzh_verifier(verifier);
BEGIN
    PERFORM __SCHEMA__.mkzh_office_user(name);
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        RAISE EXCEPTION 'user %: not found', name USING ERRCODE = 'P0002';
    END IF;
    IF v IS NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD NULL', name);
    ELSE
        EXECUTE format('ALTER ROLE %I PASSWORD %L', name, v);
    END IF;
    PERFORM __SCHEMA__.mkzh_audit_user('update', NULL, json_build_object('User', name, 'Password', 'changed')::text);
END
$f$;

-- mkzh_drop_user drops one of the office's users or, when it still owns
-- something, takes it out of the groups and locks it out.
CREATE OR REPLACE FUNCTION __SCHEMA__.mkzh_drop_user(name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    PERFORM __SCHEMA__.mkzh_office_user(name);
    IF name = session_user THEN
        RAISE EXCEPTION 'one may not remove oneself' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        RAISE EXCEPTION 'user %: not found', name USING ERRCODE = 'P0002';
    END IF;
    EXECUTE format('REVOKE __ROLE___clerk, __ROLE___head, __ROLE___admin FROM %I', name);
    BEGIN
        EXECUTE format('DROP ROLE %I', name);
    EXCEPTION WHEN dependent_objects_still_exist THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN', name);
    END;
    PERFORM __SCHEMA__.mkzh_audit_user('delete', json_build_object('Name', name)::text, NULL);
END
$f$;

DO $owners$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['mkzh_office_user(text)', 'mkzh_audit_user(text, text, text)', 'mkzh_create_user(text, text, text)',
            'mkzh_set_user_role(text, text)', 'mkzh_set_user_password(text, text)', 'mkzh_drop_user(text)'] LOOP
        EXECUTE 'ALTER FUNCTION __SCHEMA__.' || f || ' OWNER TO __ROLE___users';
        EXECUTE 'REVOKE ALL ON FUNCTION __SCHEMA__.' || f || ' FROM PUBLIC';
    END LOOP;
    FOREACH f IN ARRAY ARRAY['mkzh_create_user(text, text, text)', 'mkzh_set_user_role(text, text)',
            'mkzh_set_user_password(text, text)', 'mkzh_drop_user(text)'] LOOP
        EXECUTE 'GRANT EXECUTE ON FUNCTION __SCHEMA__.' || f || ' TO __ROLE___admin';
    END LOOP;
END
$owners$;
