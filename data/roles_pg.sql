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

    -- Once approved, a distribution is the head's: a clerk may change or
    -- take back only the pending ones (row-level security; the owner,
    -- who runs migrations and transfers, is not bound by it).
    EXECUTE format('ALTER TABLE %I.distributions ENABLE ROW LEVEL SECURITY', sch);
    EXECUTE format('DROP POLICY IF EXISTS clerk_reads ON %I.distributions', sch);
    EXECUTE format('CREATE POLICY clerk_reads ON %I.distributions FOR SELECT TO mektepkezhol_clerk USING (true)', sch);
    EXECUTE format('DROP POLICY IF EXISTS clerk_enters ON %I.distributions', sch);
    EXECUTE format('CREATE POLICY clerk_enters ON %I.distributions FOR INSERT TO mektepkezhol_clerk WITH CHECK (true)', sch);
    EXECUTE format('DROP POLICY IF EXISTS clerk_changes_pending ON %I.distributions', sch);
    EXECUTE format($p$CREATE POLICY clerk_changes_pending ON %I.distributions FOR UPDATE TO mektepkezhol_clerk
        USING (approved_by = '') WITH CHECK (approved_by = '')$p$, sch);
    EXECUTE format('DROP POLICY IF EXISTS clerk_takes_back_pending ON %I.distributions', sch);
    EXECUTE format($p$CREATE POLICY clerk_takes_back_pending ON %I.distributions FOR DELETE TO mektepkezhol_clerk
        USING (approved_by = '')$p$, sch);
    EXECUTE format('DROP POLICY IF EXISTS head_changes ON %I.distributions', sch);
    EXECUTE format('CREATE POLICY head_changes ON %I.distributions FOR ALL TO mektepkezhol_head USING (true) WITH CHECK (true)', sch);

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
