-- 0016: a search for six digits or more (part of an IIN) finds its few
-- matches without walking the whole alphabet.
--
-- On SQLite the search walks children_alpha in the alphabet's order and
-- stops when its page is full; a query that matches fewer children than a
-- page («030617502693») walks all of it, 13,600 pages on a region's 300 000
-- (60–130 ms in the window). Digits can only be in the IIN, the names'
-- rare digits (a name may hold any letter but control characters) and a
-- search text that does not end in its IIN; this index holds the last two
-- kinds, almost always none, and the IIN's own index (UNIQUE) the first.
-- ChildFilter keeps its condition on search, so the set found is the same.
-- A server finds any part through its trigram index (0010).
-- sqlite-only{
CREATE INDEX children_digits ON children(id)
    WHERE search <> '' AND (substr(search, 1, length(search) - 12) GLOB '*[0-9]*' OR substr(search, -12) <> iin);
-- }sqlite-only
