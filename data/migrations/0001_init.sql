-- 0001: the campaign's data. Dates are ISO text (YYYY-MM-DD), money is integer tenge.

CREATE TABLE campaigns (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL UNIQUE,
    name_kk    TEXT NOT NULL,
    name_ru    TEXT NOT NULL,
    slogan     TEXT NOT NULL DEFAULT '',
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'closed')),
    CHECK (ends_on >= starts_on)
);

CREATE TABLE schools (
    id        INTEGER PRIMARY KEY,
    number    INTEGER NOT NULL UNIQUE CHECK (number > 0),
    name_kk   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    type      TEXT NOT NULL CHECK (type IN ('gymnasium', 'lyceum', 'general', 'special')),
    district  TEXT NOT NULL DEFAULT '',
    address   TEXT NOT NULL DEFAULT '',
    director  TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE categories (
    code     TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name_kk  TEXT NOT NULL,
    name_ru  TEXT NOT NULL
);

INSERT INTO categories (code, position, name_kk, name_ru) VALUES
    ('low_income',       1,  'аз қамтылған отбасылардың балалары',         'дети из малообеспеченных семей'),
    ('large_family',     2,  'көп балалы отбасылардың балалары',           'дети из многодетных семей'),
    ('dysfunctional',    3,  'жайсыз отбасылардың балалары',               'дети из неблагополучных семей'),
    ('single_parent',    4,  'толық емес отбасылардың балалары',           'дети из неполных семей'),
    ('special_needs',    5,  'ерекше білім беру қажеттілігі бар балалар',  'дети с особыми образовательными потребностями'),
    ('orphan',           6,  'жетім балалар',                              'дети-сироты'),
    ('no_parental_care', 7,  'ата-анасының қамқорлығынсыз қалған балалар', 'дети, оставшиеся без попечения родителей'),
    ('deviant',          8,  'девиантты мінез-құлықты балалар',            'дети с девиантным поведением'),
    ('risk_group',       9,  'тәуекел тобындағы балалар',                  'дети группы риска'),
    ('other_vulnerable', 10, 'өзге де әлеуметтік осал топтағы балалар',    'дети из других социально уязвимых групп');

CREATE TABLE children (
    id             INTEGER PRIMARY KEY,
    iin            TEXT NOT NULL UNIQUE CHECK (length(iin) = 12),
    surname        TEXT NOT NULL,
    name           TEXT NOT NULL,
    patronymic     TEXT NOT NULL DEFAULT '',
    birth_date     TEXT,
    sex            TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'M', 'F')),
    school_id      INTEGER REFERENCES schools(id),
    grade          INTEGER CHECK (grade BETWEEN 1 AND 11),
    grade_letter   TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    guardian_name  TEXT NOT NULL DEFAULT '',
    guardian_phone TEXT NOT NULL DEFAULT '',
    clothing_size  TEXT NOT NULL DEFAULT '',
    shoe_size      TEXT NOT NULL DEFAULT '',
    consent_on     TEXT,
    consent_by     TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    search         TEXT NOT NULL DEFAULT '' -- lower-cased names and IIN, for search-as-you-type
);
CREATE INDEX children_school ON children(school_id);
CREATE INDEX children_surname ON children(surname COLLATE NOCASE);
CREATE INDEX children_archived ON children(archived, school_id);
-- search-as-you-type scans this narrow index, not the wide rows
CREATE INDEX children_search ON children(archived, search, surname, name);

CREATE TABLE child_categories (
    child_id        INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    category        TEXT NOT NULL REFERENCES categories(code),
    doc_type        TEXT NOT NULL DEFAULT '',
    doc_number      TEXT NOT NULL DEFAULT '',
    doc_date        TEXT,
    doc_valid_until TEXT,
    PRIMARY KEY (child_id, category)
) WITHOUT ROWID;
CREATE INDEX child_categories_category ON child_categories(category, child_id);

CREATE TABLE sponsors (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('legal', 'ie', 'individual', 'public_org', 'state')),
    name           TEXT NOT NULL,
    bin            TEXT CHECK (bin IS NULL OR length(bin) = 12),
    head_name      TEXT NOT NULL DEFAULT '',
    head_title     TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    public_consent INTEGER NOT NULL DEFAULT 0 CHECK (public_consent IN (0, 1)),
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sponsors_bin ON sponsors(bin) WHERE bin IS NOT NULL;

CREATE TABLE aid_items (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_kk  TEXT NOT NULL,
    name_ru  TEXT NOT NULL,
    unit_kk  TEXT NOT NULL,
    unit_ru  TEXT NOT NULL,
    sized    INTEGER NOT NULL DEFAULT 0 CHECK (sized IN (0, 1))
);

INSERT INTO aid_items (code, name_kk, name_ru, unit_kk, unit_ru, sized) VALUES
    ('school_uniform', 'Мектеп формасы',      'Школьная форма',     'жиынтық', 'комплект', 1),
    ('sports_uniform', 'Спорт формасы',       'Спортивная форма',   'жиынтық', 'комплект', 1),
    ('stationery',     'Кеңсе тауарлары жинағы', 'Набор канцтоваров', 'жинақ', 'набор', 0),
    ('backpack',       'Рюкзак',              'Рюкзак',             'дана',    'шт.',      0),
    ('shoes',          'Аяқ киім',            'Обувь',              'жұп',     'пара',     1),
    ('outerwear',      'Сырт киім',           'Верхняя одежда',     'дана',    'шт.',      1),
    ('other',          'Басқа',               'Другое',             'дана',    'шт.',      0);

CREATE TABLE donations (
    id          INTEGER PRIMARY KEY,
    sponsor_id  INTEGER NOT NULL REFERENCES sponsors(id),
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    donated_on  TEXT NOT NULL,
    money_tenge INTEGER NOT NULL DEFAULT 0 CHECK (money_tenge >= 0),
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX donations_campaign ON donations(campaign_id, sponsor_id);
CREATE INDEX donations_sponsor ON donations(sponsor_id);

CREATE TABLE donation_items (
    id               INTEGER PRIMARY KEY,
    donation_id      INTEGER NOT NULL REFERENCES donations(id) ON DELETE CASCADE,
    item_id          INTEGER NOT NULL REFERENCES aid_items(id),
    size             TEXT NOT NULL DEFAULT '',
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_value_tenge INTEGER NOT NULL DEFAULT 0 CHECK (unit_value_tenge >= 0)
);
CREATE INDEX donation_items_donation ON donation_items(donation_id);
CREATE INDEX donation_items_item ON donation_items(item_id);

CREATE TABLE purchases (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns(id),
    item_id          INTEGER NOT NULL REFERENCES aid_items(id),
    size             TEXT NOT NULL DEFAULT '',
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_tenge INTEGER NOT NULL DEFAULT 0 CHECK (unit_price_tenge >= 0),
    purchased_on     TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchases_campaign ON purchases(campaign_id, item_id);

CREATE TABLE distributions (
    id          INTEGER PRIMARY KEY,
    child_id    INTEGER NOT NULL REFERENCES children(id),
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    item_id     INTEGER NOT NULL REFERENCES aid_items(id),
    size        TEXT NOT NULL DEFAULT '',
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    given_on    TEXT NOT NULL,
    school_id   INTEGER REFERENCES schools(id),
    act_number  TEXT NOT NULL DEFAULT '',
    issued_by   TEXT NOT NULL DEFAULT '',
    forced      INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1))
);
-- covering indexes: the summary counts helped children and sums stock per item without touching the rows
CREATE INDEX distributions_campaign_child ON distributions(campaign_id, child_id, item_id, quantity);
CREATE INDEX distributions_campaign_item ON distributions(campaign_id, item_id, quantity);
CREATE INDEX distributions_child ON distributions(child_id);
CREATE INDEX distributions_school ON distributions(campaign_id, school_id, child_id, quantity);

CREATE TABLE appeals (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
    reg_number    TEXT NOT NULL UNIQUE,
    received_at   TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('hotline', 'trust_phone', 'reception', 'written', 'online')),
    citizen_name  TEXT NOT NULL DEFAULT '',
    citizen_phone TEXT NOT NULL DEFAULT '',
    subject       TEXT NOT NULL,
    child_id      INTEGER REFERENCES children(id) ON DELETE SET NULL,
    assigned_to   TEXT NOT NULL DEFAULT '',
    due_on        TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved', 'rejected')),
    resolution    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX appeals_campaign ON appeals(campaign_id, status, due_on);

CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    number      INTEGER NOT NULL CHECK (number > 0),
    sponsor_id  INTEGER NOT NULL REFERENCES sponsors(id),
    lang        TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'both')),
    issued_on   TEXT NOT NULL,
    UNIQUE (campaign_id, number),
    UNIQUE (campaign_id, sponsor_id)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    os_user    TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_json   TEXT,
    new_json   TEXT
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
