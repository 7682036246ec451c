-- The rights of the office's roles on its schema (the current one), applied
-- at Open by a superuser or the schema's owner. Idempotent: run again after
-- each migration. A clerk enters data; the head also approves
-- distributions, issues letters and keeps the events; the admin also keeps
-- settings, schools, aid items and campaigns and manages users. Nobody but
-- the owner may change or delete the audit log.
DO $roles$
DECLARE
    sch text := current_schema();
    r text;
    t text;
BEGIN
    -- Group roles are the cluster's: two offices opening at once must not
    -- create them twice.
    PERFORM pg_advisory_xact_lock(20190931);
    FOREACH r IN ARRAY ARRAY['mektepkezhol_clerk', 'mektepkezhol_head', 'mektepkezhol_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
            WHERE g.rolname = 'mektepkezhol_clerk' AND u.rolname = 'mektepkezhol_head') THEN
        GRANT mektepkezhol_clerk TO mektepkezhol_head;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
            WHERE g.rolname = 'mektepkezhol_head' AND u.rolname = 'mektepkezhol_admin') THEN
        GRANT mektepkezhol_head TO mektepkezhol_admin;
    END IF;

    -- clerk: reads everything, enters data.
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO mektepkezhol_clerk', sch);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO mektepkezhol_clerk', sch);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO mektepkezhol_clerk', sch);
    FOREACH t IN ARRAY ARRAY['children', 'child_categories', 'sponsors', 'donations', 'donation_items',
            'appeals', 'coverage_cases', 'purchases'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO mektepkezhol_clerk', sch, t);
    END LOOP;
    -- A clerk's distribution waits for the head: every column but the
    -- approval's.
    EXECUTE format('GRANT INSERT (child_id, campaign_id, item_id, size, quantity, given_on, school_id, act_number, issued_by, forced),
        UPDATE (child_id, campaign_id, item_id, size, quantity, given_on, school_id, act_number, issued_by, forced),
        DELETE ON %I.distributions TO mektepkezhol_clerk', sch);
    EXECUTE format('GRANT INSERT ON %I.audit_log TO mektepkezhol_clerk', sch);

    -- head: approves, issues letters, keeps the events.
    EXECUTE format('GRANT INSERT (approved_by, approved_at), UPDATE (approved_by, approved_at)
        ON %I.distributions TO mektepkezhol_head', sch);
    FOREACH t IN ARRAY ARRAY['letters', 'campaign_events'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO mektepkezhol_head', sch, t);
    END LOOP;

    -- admin: settings and the office's lists.
    FOREACH t IN ARRAY ARRAY['settings', 'schools', 'aid_items', 'campaigns', 'categories'] LOOP
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I.%I TO mektepkezhol_admin', sch, t);
    END LOOP;
END
$roles$;
