-- 0003: several clerks on one database (PostgreSQL mode).
-- Optimistic locking: a row's version goes up with each change, which also
-- records who made it and when; an update of an older version is refused.
ALTER TABLE sponsors ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sponsors ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE sponsors ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE children ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE children ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE donations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE donations ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE donations ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE appeals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE appeals ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE appeals ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';

-- The head approves the distributions clerks enter. Those given before
-- this version count as approved by whoever gave them.
ALTER TABLE distributions ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE distributions ADD COLUMN approved_at TEXT;
UPDATE distributions SET approved_by = CASE WHEN issued_by = '' THEN '-' ELSE issued_by END, approved_at = given_on;
-- only the pending ones are indexed: the head's own are saved approved
CREATE INDEX distributions_pending ON distributions(campaign_id) WHERE approved_by = '';
