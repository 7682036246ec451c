-- Money on a server: PostgreSQL's INTEGER holds 4 bytes, so a server
-- refused a donation over 2 147 483 647 ₸ that SQLite (8-byte INTEGER)
-- takes; the store accepts up to 10^12 ₸ a donation on both. The lines
-- marked --pg: run on PostgreSQL only (pgSchema); on SQLite this file is a
-- comment and changes nothing.
--pg: ALTER TABLE donations ALTER COLUMN money_tenge TYPE BIGINT;
--pg: ALTER TABLE donation_items ALTER COLUMN unit_value_tenge TYPE BIGINT;
--pg: ALTER TABLE purchases ALTER COLUMN unit_price_tenge TYPE BIGINT;
SELECT 1;
