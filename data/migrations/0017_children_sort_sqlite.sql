-- 0017: on SQLite, children_sort (sort_key, id; 0008) is the first two
-- columns of children_alpha (sort_key, id, archived, search; 0010), which
-- walks the children in the same order: a list or a group without a search
-- now walks children_alpha and stops at its page's end as before. Every
-- save of a child paid for both: about 0.5 s of SQLite's CPU inserting
-- 100,000 children. A server keeps its index: its planner picks it for a
-- page in the alphabet's order.
-- sqlite-only{
DROP INDEX children_sort;
-- }sqlite-only
