-- 0008: children in the alphabet's order. sort_key is the collation key
-- (golang.org/x/text/collate, Kazakh) of «surname name patronymic»; SQL
-- cannot make it, so the app writes it on every save and fills the rows
-- this migration finds right after it (fillSortKeys in child_sort.go).
-- Both engines compare BLOB and bytea bytewise, which is the key's order.
-- pgSchema writes BLOB as BYTEA on PostgreSQL.
ALTER TABLE children ADD COLUMN sort_key BLOB;
CREATE INDEX children_sort ON children(sort_key, id);
-- search-as-you-type scans this narrow index and sorts only the matches
-- by their keys (was: archived, search, surname, name)
DROP INDEX children_search;
CREATE INDEX children_search ON children(archived, search, sort_key);
