-- 0014: the dashboard's counts kept as they change, not counted on each
-- look. On a region's file Summary counted 1.75M distributions and 367k
-- category memberships each time (~300 ms warm, 180 of it the helped
-- children by category); now it adds up a few hundred rows.
--
-- tally_helped: per campaign, the children with a distribution in it
--   (category '': all of them, archived or not) and, per category, the
--   memberships of those children not archived (Summary's
--   children_helped and helped_by_category).
-- tally_registered: the memberships of the children not archived, per
--   category (children_by_category). The children themselves are counted
--   on reading (30k–300k index entries, 8–14 ms on the stress file): a
--   trigger on their insert would cost SQLite a statement journal for
--   each child saved, whose row has seven indexes.
-- tally_given: per campaign and item, the distributions and the items
--   given (Summary's distributions, items_by_kind; Stock's distributed).
--
-- Each figure is spread over 64 rows by the child's id (shard = child_id
-- % 64) and summed on reading: on a server the write transactions are
-- serializable, and two clerks' saves that changed one shared row would
-- roll one of them back; with 64 rows they rarely meet. A row whose count
-- falls to 0 is deleted, so the tallies kept by the triggers are row for
-- row what counting afresh gives (recountTallies, tally.go).
--
-- The triggers below keep them on every write of distributions,
-- child_categories and children, whoever makes it. A child's categories
-- are cleared before the child is deleted (BEFORE DELETE), while the row
-- still tells whether the child is archived: the foreign key's cascade
-- would delete them after the row.
CREATE TABLE tally_helped (
    campaign_id INTEGER NOT NULL,
    category    TEXT NOT NULL,
    shard       INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, category, shard)
) WITHOUT ROWID;

CREATE TABLE tally_registered (
    category TEXT NOT NULL,
    shard    INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (category, shard)
) WITHOUT ROWID;

CREATE TABLE tally_given (
    campaign_id INTEGER NOT NULL,
    item_id     INTEGER NOT NULL,
    shard       INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    quantity    BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, item_id, shard)
) WITHOUT ROWID;

-- The counts of the rows already saved (the same counts as tallies in
-- tally.go, which recountTallies and checkTallies make). On a server an
-- older app may be saving meanwhile: the tables are locked against writes
-- until the triggers below are in place, so no row is counted twice or
-- missed (a clerk's save waits for the migration's few seconds).
--pg: LOCK TABLE distributions, child_categories, children IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO tally_given (campaign_id, item_id, shard, n, quantity)
    SELECT campaign_id, item_id, child_id % 64, count(*), sum(quantity) FROM distributions
    GROUP BY campaign_id, item_id, child_id % 64;
INSERT INTO tally_helped (campaign_id, category, shard, n)
    SELECT campaign_id, '', child_id % 64, count(*) FROM (SELECT DISTINCT campaign_id, child_id FROM distributions) h
    GROUP BY campaign_id, child_id % 64;
INSERT INTO tally_helped (campaign_id, category, shard, n)
    SELECT h.campaign_id, cc.category, h.child_id % 64, count(*)
    FROM (SELECT DISTINCT campaign_id, child_id FROM distributions) h
    JOIN child_categories cc ON cc.child_id = h.child_id
    JOIN children c ON c.id = h.child_id
    WHERE c.archived = 0
    GROUP BY h.campaign_id, cc.category, h.child_id % 64;
INSERT INTO tally_registered (category, shard, n)
    SELECT cc.category, cc.child_id % 64, count(*) FROM child_categories cc
    JOIN children c ON c.id = cc.child_id
    WHERE c.archived = 0
    GROUP BY cc.category, cc.child_id % 64;

-- SQLite's triggers. A distribution's UPDATE is its DELETE and its INSERT;
-- the helped children change only when its child or campaign does.
-- sqlite-only{
CREATE TRIGGER tally_given_insert AFTER INSERT ON distributions BEGIN
    INSERT INTO tally_given (campaign_id, item_id, shard, n, quantity)
        VALUES (NEW.campaign_id, NEW.item_id, NEW.child_id % 64, 1, NEW.quantity)
        ON CONFLICT (campaign_id, item_id, shard) DO UPDATE SET n = n + 1, quantity = quantity + excluded.quantity;
END;

CREATE TRIGGER tally_given_delete AFTER DELETE ON distributions BEGIN
    UPDATE tally_given SET n = n - 1, quantity = quantity - OLD.quantity
        WHERE campaign_id = OLD.campaign_id AND item_id = OLD.item_id AND shard = OLD.child_id % 64;
    DELETE FROM tally_given
        WHERE campaign_id = OLD.campaign_id AND item_id = OLD.item_id AND shard = OLD.child_id % 64 AND n = 0;
END;

CREATE TRIGGER tally_given_update AFTER UPDATE OF child_id, campaign_id, item_id, quantity ON distributions BEGIN
    UPDATE tally_given SET n = n - 1, quantity = quantity - OLD.quantity
        WHERE campaign_id = OLD.campaign_id AND item_id = OLD.item_id AND shard = OLD.child_id % 64;
    DELETE FROM tally_given
        WHERE campaign_id = OLD.campaign_id AND item_id = OLD.item_id AND shard = OLD.child_id % 64 AND n = 0;
    INSERT INTO tally_given (campaign_id, item_id, shard, n, quantity)
        VALUES (NEW.campaign_id, NEW.item_id, NEW.child_id % 64, 1, NEW.quantity)
        ON CONFLICT (campaign_id, item_id, shard) DO UPDATE SET n = n + 1, quantity = quantity + excluded.quantity;
END;

-- a child's first distribution in a campaign
CREATE TRIGGER tally_helped_insert AFTER INSERT ON distributions
WHEN NOT EXISTS (SELECT 1 FROM distributions
    WHERE campaign_id = NEW.campaign_id AND child_id = NEW.child_id AND id <> NEW.id) BEGIN
    INSERT INTO tally_helped (campaign_id, category, shard, n)
        SELECT NEW.campaign_id, '', NEW.child_id % 64, 1 WHERE true
        UNION ALL
        SELECT NEW.campaign_id, cc.category, NEW.child_id % 64, 1 FROM child_categories cc
        WHERE cc.child_id = NEW.child_id AND (SELECT archived FROM children WHERE id = NEW.child_id) = 0
        ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = n + 1;
END;

-- a child's last distribution in a campaign
CREATE TRIGGER tally_helped_delete AFTER DELETE ON distributions
WHEN NOT EXISTS (SELECT 1 FROM distributions WHERE campaign_id = OLD.campaign_id AND child_id = OLD.child_id) BEGIN
    UPDATE tally_helped SET n = n - 1
        WHERE campaign_id = OLD.campaign_id AND shard = OLD.child_id % 64 AND (category = ''
            OR category IN (SELECT cc.category FROM child_categories cc
                WHERE cc.child_id = OLD.child_id AND (SELECT archived FROM children WHERE id = OLD.child_id) = 0));
    DELETE FROM tally_helped WHERE campaign_id = OLD.campaign_id AND shard = OLD.child_id % 64 AND n = 0;
END;

CREATE TRIGGER tally_helped_update_old AFTER UPDATE OF child_id, campaign_id ON distributions
WHEN (OLD.campaign_id <> NEW.campaign_id OR OLD.child_id <> NEW.child_id)
    AND NOT EXISTS (SELECT 1 FROM distributions WHERE campaign_id = OLD.campaign_id AND child_id = OLD.child_id) BEGIN
    UPDATE tally_helped SET n = n - 1
        WHERE campaign_id = OLD.campaign_id AND shard = OLD.child_id % 64 AND (category = ''
            OR category IN (SELECT cc.category FROM child_categories cc
                WHERE cc.child_id = OLD.child_id AND (SELECT archived FROM children WHERE id = OLD.child_id) = 0));
    DELETE FROM tally_helped WHERE campaign_id = OLD.campaign_id AND shard = OLD.child_id % 64 AND n = 0;
END;

CREATE TRIGGER tally_helped_update_new AFTER UPDATE OF child_id, campaign_id ON distributions
WHEN (OLD.campaign_id <> NEW.campaign_id OR OLD.child_id <> NEW.child_id)
    AND NOT EXISTS (SELECT 1 FROM distributions
        WHERE campaign_id = NEW.campaign_id AND child_id = NEW.child_id AND id <> NEW.id) BEGIN
    INSERT INTO tally_helped (campaign_id, category, shard, n)
        SELECT NEW.campaign_id, '', NEW.child_id % 64, 1 WHERE true
        UNION ALL
        SELECT NEW.campaign_id, cc.category, NEW.child_id % 64, 1 FROM child_categories cc
        WHERE cc.child_id = NEW.child_id AND (SELECT archived FROM children WHERE id = NEW.child_id) = 0
        ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = n + 1;
END;

-- a category of a child not archived: registered, and helped in each
-- campaign the child had a distribution in
CREATE TRIGGER tally_membership_insert AFTER INSERT ON child_categories
WHEN (SELECT archived FROM children WHERE id = NEW.child_id) = 0 BEGIN
    INSERT INTO tally_registered (category, shard, n) VALUES (NEW.category, NEW.child_id % 64, 1)
        ON CONFLICT (category, shard) DO UPDATE SET n = n + 1;
    INSERT INTO tally_helped (campaign_id, category, shard, n)
        SELECT c.id, NEW.category, NEW.child_id % 64, 1 FROM campaigns c
        WHERE EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = NEW.child_id)
        ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER tally_membership_delete AFTER DELETE ON child_categories
WHEN (SELECT archived FROM children WHERE id = OLD.child_id) = 0 BEGIN
    UPDATE tally_registered SET n = n - 1 WHERE category = OLD.category AND shard = OLD.child_id % 64;
    DELETE FROM tally_registered WHERE category = OLD.category AND shard = OLD.child_id % 64 AND n = 0;
    UPDATE tally_helped SET n = n - 1 WHERE category = OLD.category AND shard = OLD.child_id % 64
        AND campaign_id IN (SELECT c.id FROM campaigns c
            WHERE EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = OLD.child_id));
    DELETE FROM tally_helped WHERE category = OLD.category AND shard = OLD.child_id % 64 AND n = 0;
END;

CREATE TRIGGER tally_membership_update_old AFTER UPDATE OF child_id, category ON child_categories
WHEN (OLD.child_id <> NEW.child_id OR OLD.category <> NEW.category)
    AND (SELECT archived FROM children WHERE id = OLD.child_id) = 0 BEGIN
    UPDATE tally_registered SET n = n - 1 WHERE category = OLD.category AND shard = OLD.child_id % 64;
    DELETE FROM tally_registered WHERE category = OLD.category AND shard = OLD.child_id % 64 AND n = 0;
    UPDATE tally_helped SET n = n - 1 WHERE category = OLD.category AND shard = OLD.child_id % 64
        AND campaign_id IN (SELECT c.id FROM campaigns c
            WHERE EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = OLD.child_id));
    DELETE FROM tally_helped WHERE category = OLD.category AND shard = OLD.child_id % 64 AND n = 0;
END;

CREATE TRIGGER tally_membership_update_new AFTER UPDATE OF child_id, category ON child_categories
WHEN (OLD.child_id <> NEW.child_id OR OLD.category <> NEW.category)
    AND (SELECT archived FROM children WHERE id = NEW.child_id) = 0 BEGIN
    INSERT INTO tally_registered (category, shard, n) VALUES (NEW.category, NEW.child_id % 64, 1)
        ON CONFLICT (category, shard) DO UPDATE SET n = n + 1;
    INSERT INTO tally_helped (campaign_id, category, shard, n)
        SELECT c.id, NEW.category, NEW.child_id % 64, 1 FROM campaigns c
        WHERE EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = NEW.child_id)
        ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER tally_child_delete BEFORE DELETE ON children BEGIN
    DELETE FROM child_categories WHERE child_id = OLD.id;
END;

-- archived (+1 → −1) or back (−1 → +1): the child's categories,
-- registered and helped in each campaign
CREATE TRIGGER tally_child_archived AFTER UPDATE OF archived ON children
WHEN OLD.archived <> NEW.archived BEGIN
    INSERT INTO tally_registered (category, shard, n)
        SELECT category, NEW.id % 64, 1 - 2 * NEW.archived FROM child_categories WHERE child_id = NEW.id
        ON CONFLICT (category, shard) DO UPDATE SET n = n + excluded.n;
    DELETE FROM tally_registered WHERE shard = NEW.id % 64 AND n = 0;
    INSERT INTO tally_helped (campaign_id, category, shard, n)
        SELECT c.id, cc.category, NEW.id % 64, 1 - 2 * NEW.archived FROM campaigns c, child_categories cc
        WHERE cc.child_id = NEW.id
            AND EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = NEW.id)
        ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = n + excluded.n;
    DELETE FROM tally_helped WHERE shard = NEW.id % 64 AND n = 0;
END;
-- }sqlite-only

-- PostgreSQL's triggers: the same, in plpgsql. They run as the tables'
-- owner (SECURITY DEFINER), so a clerk who may give but not write the
-- tallies still keeps them; their search_path is fixed to the office's
-- schema, so no table of another schema (or a session's temporary one)
-- takes a tally's place. The helpers they call run as they do (no one
-- else may call them), without a SET of their own, which each call
-- would pay for.
--pg: CREATE FUNCTION tally_given_add(p_campaign bigint, p_item bigint, p_child bigint, p_n integer, p_quantity bigint)
--pg: RETURNS void LANGUAGE plpgsql AS $f$
--pg: BEGIN
--pg:     INSERT INTO tally_given AS t (campaign_id, item_id, shard, n, quantity)
--pg:         VALUES (p_campaign, p_item, p_child % 64, p_n, p_quantity)
--pg:         ON CONFLICT (campaign_id, item_id, shard) DO UPDATE SET n = t.n + excluded.n, quantity = t.quantity + excluded.quantity;
--pg:     IF p_n < 0 THEN
--pg:         DELETE FROM tally_given WHERE campaign_id = p_campaign AND item_id = p_item AND shard = p_child % 64 AND n = 0;
--pg:     END IF;
--pg: END
--pg: $f$;
--pg: 
--pg: -- the child counted (p_n 1) or no more (−1) as helped in the campaign
--pg: CREATE FUNCTION tally_helped_add(p_campaign bigint, p_child bigint, p_n integer)
--pg: RETURNS void LANGUAGE plpgsql AS $f$
--pg: BEGIN
--pg:     INSERT INTO tally_helped AS t (campaign_id, category, shard, n)
--pg:         SELECT p_campaign, '', p_child % 64, p_n
--pg:         UNION ALL
--pg:         SELECT p_campaign, cc.category, p_child % 64, p_n FROM child_categories cc JOIN children c ON c.id = cc.child_id
--pg:         WHERE cc.child_id = p_child AND c.archived = 0
--pg:         ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = t.n + excluded.n;
--pg:     IF p_n < 0 THEN
--pg:         DELETE FROM tally_helped WHERE campaign_id = p_campaign AND shard = p_child % 64 AND n = 0;
--pg:     END IF;
--pg: END
--pg: $f$;
--pg: 
--pg: -- a category of a child not archived counted (p_n 1) or no more (−1):
--pg: -- registered, and helped in each campaign the child had a distribution in.
--pg: -- A new child's categories, saved in the transaction that saved the
--pg: -- child (tally_child marks it, with its archived) before any distribution,
--pg: -- read nothing: the child has no distribution, and a read of the indexes
--pg: -- that the other clerks' new children and gives write to would make the
--pg: -- server roll back one of two clerks saving at once (serializable).
--pg: CREATE FUNCTION tally_membership_add(p_child bigint, p_category text, p_n integer)
--pg: RETURNS void LANGUAGE plpgsql AS $f$
--pg: DECLARE
--pg:     mark text := COALESCE(current_setting('mkzh.tally_new_child', true), '');
--pg: BEGIN
--pg:     IF p_n > 0 AND mark = txid_current() || ':' || p_child || ':1' THEN
--pg:         RETURN;
--pg:     END IF;
--pg:     IF p_n > 0 AND mark = txid_current() || ':' || p_child || ':0' THEN
--pg:         INSERT INTO tally_registered AS t (category, shard, n) VALUES (p_category, p_child % 64, 1)
--pg:             ON CONFLICT (category, shard) DO UPDATE SET n = t.n + 1;
--pg:         RETURN;
--pg:     END IF;
--pg:     IF NOT EXISTS (SELECT 1 FROM children WHERE id = p_child AND archived = 0) THEN
--pg:         RETURN;
--pg:     END IF;
--pg:     INSERT INTO tally_registered AS t (category, shard, n) VALUES (p_category, p_child % 64, p_n)
--pg:         ON CONFLICT (category, shard) DO UPDATE SET n = t.n + excluded.n;
--pg:     INSERT INTO tally_helped AS t (campaign_id, category, shard, n)
--pg:         SELECT c.id, p_category, p_child % 64, p_n FROM campaigns c
--pg:         WHERE EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = p_child)
--pg:         ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = t.n + excluded.n;
--pg:     IF p_n < 0 THEN
--pg:         DELETE FROM tally_registered WHERE category = p_category AND shard = p_child % 64 AND n = 0;
--pg:         DELETE FROM tally_helped WHERE category = p_category AND shard = p_child % 64 AND n = 0;
--pg:     END IF;
--pg: END
--pg: $f$;
--pg: 
--pg: CREATE FUNCTION tally_distribution() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
--pg: BEGIN
--pg:     IF TG_OP <> 'DELETE' AND current_setting('mkzh.tally_new_child', true) <> '' THEN
--pg:         PERFORM set_config('mkzh.tally_new_child', '', false); -- see tally_membership_add
--pg:     END IF;
--pg:     IF TG_OP <> 'INSERT' THEN
--pg:         PERFORM tally_given_add(OLD.campaign_id, OLD.item_id, OLD.child_id, -1, -OLD.quantity);
--pg:     END IF;
--pg:     IF TG_OP <> 'DELETE' THEN
--pg:         PERFORM tally_given_add(NEW.campaign_id, NEW.item_id, NEW.child_id, 1, NEW.quantity);
--pg:     END IF;
--pg:     RETURN NULL;
--pg: END
--pg: $f$;
--pg: CREATE TRIGGER tally_distribution AFTER INSERT OR DELETE OR UPDATE OF child_id, campaign_id, item_id, quantity
--pg:     ON distributions FOR EACH ROW EXECUTE FUNCTION tally_distribution();
--pg: 
--pg: -- The helped children, before each row is written: a row-level BEFORE
--pg: -- trigger sees the rows its statement wrote before it (an AFTER one sees
--pg: -- them all), so one statement writing two distributions of a child (a
--pg: -- DBA's DELETE of a campaign's rows, an INSERT … SELECT, two rows moved to
--pg: -- another child) counts the child once, as SQLite's triggers do.
--pg: CREATE FUNCTION tally_distribution_helped() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
--pg: BEGIN
--pg:     IF TG_OP = 'UPDATE' THEN
--pg:         IF OLD.campaign_id = NEW.campaign_id AND OLD.child_id = NEW.child_id THEN
--pg:             RETURN NEW;
--pg:         END IF;
--pg:     END IF;
--pg:     IF TG_OP <> 'INSERT' THEN
--pg:         IF NOT EXISTS (SELECT 1 FROM distributions
--pg:                 WHERE campaign_id = OLD.campaign_id AND child_id = OLD.child_id AND id <> OLD.id) THEN
--pg:             PERFORM tally_helped_add(OLD.campaign_id, OLD.child_id, -1);
--pg:         END IF;
--pg:     END IF;
--pg:     IF TG_OP <> 'DELETE' THEN
--pg:         IF NOT EXISTS (SELECT 1 FROM distributions
--pg:                 WHERE campaign_id = NEW.campaign_id AND child_id = NEW.child_id AND id <> NEW.id) THEN
--pg:             PERFORM tally_helped_add(NEW.campaign_id, NEW.child_id, 1);
--pg:         END IF;
--pg:         RETURN NEW;
--pg:     END IF;
--pg:     RETURN OLD;
--pg: END
--pg: $f$;
--pg: CREATE TRIGGER tally_distribution_helped BEFORE INSERT OR DELETE OR UPDATE OF child_id, campaign_id
--pg:     ON distributions FOR EACH ROW EXECUTE FUNCTION tally_distribution_helped();
--pg: 
--pg: CREATE FUNCTION tally_membership() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
--pg: BEGIN
--pg:     IF TG_OP = 'UPDATE' THEN
--pg:         IF OLD.child_id = NEW.child_id AND OLD.category = NEW.category THEN
--pg:             RETURN NULL;
--pg:         END IF;
--pg:     END IF;
--pg:     IF TG_OP <> 'INSERT' THEN
--pg:         PERFORM tally_membership_add(OLD.child_id, OLD.category, -1);
--pg:     END IF;
--pg:     IF TG_OP <> 'DELETE' THEN
--pg:         PERFORM tally_membership_add(NEW.child_id, NEW.category, 1);
--pg:     END IF;
--pg:     RETURN NULL;
--pg: END
--pg: $f$;
--pg: CREATE TRIGGER tally_membership AFTER INSERT OR DELETE OR UPDATE OF child_id, category
--pg:     ON child_categories FOR EACH ROW EXECUTE FUNCTION tally_membership();
--pg: 
--pg: CREATE FUNCTION tally_child() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
--pg: DECLARE
--pg:     d integer;
--pg: BEGIN
--pg:     IF TG_OP = 'INSERT' THEN
--pg:         -- the mark of tally_membership_add: this transaction's new child.
--pg:         -- Set for the session (a SET LOCAL would end with this function),
--pg:         -- so it names the transaction.
--pg:         PERFORM set_config('mkzh.tally_new_child', txid_current() || ':' || NEW.id || ':' || NEW.archived, false);
--pg:     ELSIF OLD.archived <> NEW.archived THEN
--pg:         PERFORM set_config('mkzh.tally_new_child', '', false);
--pg:         d := 1 - 2 * NEW.archived;
--pg:         INSERT INTO tally_registered AS t (category, shard, n)
--pg:             SELECT category, NEW.id % 64, d FROM child_categories WHERE child_id = NEW.id
--pg:             ON CONFLICT (category, shard) DO UPDATE SET n = t.n + excluded.n;
--pg:         DELETE FROM tally_registered WHERE shard = NEW.id % 64 AND n = 0;
--pg:         INSERT INTO tally_helped AS t (campaign_id, category, shard, n)
--pg:             SELECT c.id, cc.category, NEW.id % 64, d FROM campaigns c, child_categories cc
--pg:             WHERE cc.child_id = NEW.id
--pg:                 AND EXISTS (SELECT 1 FROM distributions WHERE campaign_id = c.id AND child_id = NEW.id)
--pg:             ON CONFLICT (campaign_id, category, shard) DO UPDATE SET n = t.n + excluded.n;
--pg:         DELETE FROM tally_helped WHERE shard = NEW.id % 64 AND n = 0;
--pg:     END IF;
--pg:     RETURN NULL;
--pg: END
--pg: $f$;
--pg: CREATE TRIGGER tally_child AFTER INSERT OR UPDATE OF archived
--pg:     ON children FOR EACH ROW EXECUTE FUNCTION tally_child();
--pg: 
--pg: CREATE FUNCTION tally_child_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
--pg: BEGIN
--pg:     DELETE FROM child_categories WHERE child_id = OLD.id;
--pg:     RETURN OLD;
--pg: END
--pg: $f$;
--pg: CREATE TRIGGER tally_child_delete BEFORE DELETE ON children FOR EACH ROW EXECUTE FUNCTION tally_child_delete();
--pg: 
--pg: DO $mkzh$
--pg: DECLARE
--pg:     f text;
--pg: BEGIN
--pg:     FOREACH f IN ARRAY ARRAY['tally_distribution()', 'tally_distribution_helped()', 'tally_membership()', 'tally_child()',
--pg:             'tally_child_delete()'] LOOP
--pg:         EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
--pg:     END LOOP;
--pg:     FOREACH f IN ARRAY ARRAY['tally_given_add(bigint, bigint, bigint, integer, bigint)',
--pg:             'tally_helped_add(bigint, bigint, integer)', 'tally_membership_add(bigint, text, integer)',
--pg:             'tally_distribution()', 'tally_distribution_helped()', 'tally_membership()', 'tally_child()',
--pg:             'tally_child_delete()'] LOOP
--pg:         EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
--pg:     END LOOP;
--pg: END
--pg: $mkzh$;
