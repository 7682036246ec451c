-- 0002: the coverage register (children found out of school and what was
-- done about each) and the campaign's events.

CREATE TABLE coverage_cases (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns(id),
    child_id         INTEGER REFERENCES children(id),
    -- a child not yet in the registry is described here until registered
    child_name       TEXT NOT NULL DEFAULT '',
    child_iin        TEXT NOT NULL DEFAULT '',
    birth_date       TEXT,
    address          TEXT NOT NULL DEFAULT '',
    found_on         TEXT NOT NULL,
    source           TEXT NOT NULL CHECK (source IN ('school', 'police', 'probation', 'raid', 'appeal')),
    source_school_id INTEGER REFERENCES schools(id),
    source_name      TEXT NOT NULL DEFAULT '',
    appeal_id        INTEGER REFERENCES appeals(id) ON DELETE SET NULL,
    reason           TEXT NOT NULL CHECK (reason IN ('no_clothes', 'hardship', 'left_school', 'moved_in', 'illness', 'deviant', 'other')),
    action           TEXT NOT NULL DEFAULT '',
    outcome          TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'placed', 'police', 'guardianship')),
    placed_school_id INTEGER REFERENCES schools(id),
    placed_on        TEXT,
    due_on           TEXT NOT NULL,
    CHECK (outcome <> 'placed' OR (placed_school_id IS NOT NULL AND placed_on IS NOT NULL)),
    CHECK (child_id IS NOT NULL OR child_name <> '')
);
CREATE INDEX coverage_cases_campaign ON coverage_cases(campaign_id, outcome, due_on);
CREATE INDEX coverage_cases_child ON coverage_cases(child_id);

CREATE TABLE campaign_events (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
    kind         TEXT NOT NULL CHECK (kind IN ('launch', 'handover', 'press_conference', 'hotline', 'other')),
    held_on      TEXT NOT NULL,
    time_text    TEXT NOT NULL DEFAULT '', -- «10:00», «09:00–18:00»
    title_kk     TEXT NOT NULL,
    title_ru     TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    school_id    INTEGER REFERENCES schools(id),
    participants TEXT NOT NULL DEFAULT '', -- comma-separated: maslikhat, department, police, probation, schools, sponsors
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaign_events_campaign ON campaign_events(campaign_id, held_on);
