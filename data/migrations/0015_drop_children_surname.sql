-- 0015: children_surname (0001) is left over from before the children's
-- alphabetical order had its own key (0008's sort_key): no query filters or
-- sorts by surname first, and on SQLite none compares it COLLATE NOCASE,
-- the only way SQLite could use it. Every save of a child still paid for
-- it: 0.5 of 3.3 s of SQLite's CPU inserting 100,000 children.
DROP INDEX children_surname;
