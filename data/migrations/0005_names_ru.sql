-- 0005: names in Russian for the Russian documents: a sponsor's name
-- («Центр профсоюзов Карагандинской области» for «Қарағанды облысының
-- кәсіподақтар орталығы») and an event's place. Empty means the name is a
-- proper name that reads the same in both languages: the Kazakh is used.
ALTER TABLE sponsors ADD COLUMN name_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign_events ADD COLUMN place_ru TEXT NOT NULL DEFAULT '';
