-- 0004: a unit's Russian forms after a number (2 пары, 5 пар), so that a
-- stock line agrees with its number. unit_ru stays the form for one; a
-- Kazakh noun after a number keeps its singular, so unit_kk serves every
-- number. Empty forms fall back to the documents' noun table (report/lingo).
ALTER TABLE aid_items ADD COLUMN unit_ru_few TEXT NOT NULL DEFAULT '';
ALTER TABLE aid_items ADD COLUMN unit_ru_many TEXT NOT NULL DEFAULT '';
-- the catalogue's own units, forms as in report/lingo's noun table
UPDATE aid_items SET unit_ru_few = 'комплекта', unit_ru_many = 'комплектов' WHERE unit_ru = 'комплект';
UPDATE aid_items SET unit_ru_few = 'набора', unit_ru_many = 'наборов' WHERE unit_ru = 'набор';
UPDATE aid_items SET unit_ru_few = 'пары', unit_ru_many = 'пар' WHERE unit_ru = 'пара';
UPDATE aid_items SET unit_ru_few = 'штуки', unit_ru_many = 'штук' WHERE unit_ru = 'штука';
UPDATE aid_items SET unit_ru_few = 'шт.', unit_ru_many = 'шт.' WHERE unit_ru IN ('шт.', 'шт');
