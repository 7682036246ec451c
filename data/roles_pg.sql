-- The office's roles and their rights on its own schema, applied at Open
-- (and by migrate) by a superuser. Idempotent: run again after each
-- migration. __SCHEMA__ is the office's schema and __ROLE__ the prefix of
-- its roles (mkzh_<schema>), both checked names spliced in by the store.
--
-- Each office has its own group roles, granted rights on its schema alone:
-- __ROLE___clerk enters data; __ROLE___head also approves distributions,
-- issues letters and keeps the events; __ROLE___admin also keeps settings,
-- schools, aid items and campaigns and manages the office's users, through
-- the functions below only (no CREATEROLE). Nobody may write the audit
-- log: the server's triggers do.
DO $roles$
DECLARE
    r text;
BEGIN
    -- Roles are the cluster's: two offices opening at once must not create
    -- them twice.
    PERFORM pg_advisory_xact_lock(20190931);
    FOREACH r IN ARRAY ARRAY['__ROLE___clerk', '__ROLE___head', '__ROLE___admin', '__ROLE___users', '__ROLE___audit'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
    -- The definer of the users' functions: creates, changes and drops the
    -- office's users and nothing else. Nobody logs in as it or is its
    -- member; it holds the groups WITH ADMIN OPTION (PostgreSQL 16 asks
    -- for it, 15 for CREATEROLE).
    ALTER ROLE __ROLE___users NOLOGIN NOSUPERUSER CREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS;
    ALTER ROLE __ROLE___audit NOLOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS;
    IF NOT pg_has_role('__ROLE___head', '__ROLE___clerk', 'MEMBER') THEN
        GRANT __ROLE___clerk TO __ROLE___head;
    END IF;
    IF NOT pg_has_role('__ROLE___admin', '__ROLE___head', 'MEMBER') THEN
        GRANT __ROLE___head TO __ROLE___admin;
    END IF;
    GRANT __ROLE___clerk, __ROLE___head, __ROLE___admin TO __ROLE___users WITH ADMIN OPTION;
END
$roles$;

-- clerk: reads everything, enters data.
GRANT USAGE ON SCHEMA __SCHEMA__ TO __ROLE___clerk, __ROLE___users, __ROLE___audit;
GRANT SELECT ON ALL TABLES IN SCHEMA __SCHEMA__ TO __ROLE___clerk;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA __SCHEMA__ TO __ROLE___clerk;
GRANT INSERT, UPDATE, DELETE ON __SCHEMA__.children, __SCHEMA__.child_categories, __SCHEMA__.sponsors,
    __SCHEMA__.donations, __SCHEMA__.donation_items, __SCHEMA__.appeals, __SCHEMA__.coverage_cases,
    __SCHEMA__.purchases TO __ROLE___clerk;
-- A clerk's distribution waits for the head: every column but the
-- approval's.
GRANT INSERT (child_id, campaign_id, item_id, size, quantity, given_on, school_id, act_number, issued_by, forced),
    UPDATE (child_id, campaign_id, item_id, size, quantity, given_on, school_id, act_number, issued_by, forced),
    DELETE ON __SCHEMA__.distributions TO __ROLE___clerk;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __SCHEMA__.audit_log FROM __ROLE___clerk, __ROLE___head, __ROLE___admin, PUBLIC;
GRANT INSERT ON __SCHEMA__.audit_log TO __ROLE___users, __ROLE___audit;

-- Once approved, a distribution is the head's: a clerk may change or take
-- back only the pending ones (row-level security; the owner, who runs
-- migrations and transfers, is not bound by it).
ALTER TABLE __SCHEMA__.distributions ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS clerk_reads ON __SCHEMA__.distributions;
CREATE POLICY clerk_reads ON __SCHEMA__.distributions FOR SELECT TO __ROLE___clerk USING (true);
DROP POLICY IF EXISTS clerk_enters ON __SCHEMA__.distributions;
CREATE POLICY clerk_enters ON __SCHEMA__.distributions FOR INSERT TO __ROLE___clerk WITH CHECK (true);
DROP POLICY IF EXISTS clerk_changes_pending ON __SCHEMA__.distributions;
CREATE POLICY clerk_changes_pending ON __SCHEMA__.distributions FOR UPDATE TO __ROLE___clerk
    USING (approved_by = '') WITH CHECK (approved_by = '');
DROP POLICY IF EXISTS clerk_takes_back_pending ON __SCHEMA__.distributions;
CREATE POLICY clerk_takes_back_pending ON __SCHEMA__.distributions FOR DELETE TO __ROLE___clerk
    USING (approved_by = '');
DROP POLICY IF EXISTS head_changes ON __SCHEMA__.distributions;
CREATE POLICY head_changes ON __SCHEMA__.distributions FOR ALL TO __ROLE___head USING (true) WITH CHECK (true);

-- head: approves, issues letters, keeps the events.
GRANT INSERT (approved_by, approved_at), UPDATE (approved_by, approved_at) ON __SCHEMA__.distributions TO __ROLE___head;
GRANT INSERT, UPDATE, DELETE ON __SCHEMA__.letters, __SCHEMA__.campaign_events TO __ROLE___head;

-- admin: settings and the office's lists.
GRANT INSERT, UPDATE, DELETE ON __SCHEMA__.settings, __SCHEMA__.schools, __SCHEMA__.aid_items,
    __SCHEMA__.campaigns, __SCHEMA__.categories TO __ROLE___admin;
