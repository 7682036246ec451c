package data

import "context"

// The oracle of the tallies' tests: the summary's and the stock's counts
// made as they were before the tallies (migration 0014), by counting the
// distributions, memberships and children themselves.

// DirectSummary is Summary with its counts of children and distributions
// made from the rows, not the tallies.
func (s *Store) DirectSummary(ctx context.Context, campaignID int64) (Summary, error) {
	return s.summary(ctx, campaignID, directFigures)
}

// DirectStock is Stock with what was distributed summed from the rows.
func (s *Store) DirectStock(ctx context.Context, campaignID int64) ([]StockLine, error) {
	return stockLines(ctx, s.db, campaignID,
		`COALESCE((SELECT sum(quantity) FROM distributions WHERE campaign_id = ?1 AND item_id = a.id), 0)`)
}

// CheckTallies compares the tallies with their counts afresh.
func (s *Store) CheckTallies(ctx context.Context) ([]Problem, error) { return checkTallies(ctx, s.db) }

// directFigures count a summary's figures from the rows, as Summary did
// before the tallies: the oracle of the tally tests.
var directFigures = figures{
	children: `SELECT
		(SELECT count(*) FROM children WHERE archived = 0),
		(SELECT count(DISTINCT child_id) FROM distributions WHERE campaign_id = ?1)`,
	categories: `SELECT cc.category, count(*),
		sum(CASE WHEN EXISTS (SELECT 1 FROM distributions d WHERE d.campaign_id = ?1 AND d.child_id = cc.child_id) THEN 1 ELSE 0 END)
		FROM child_categories cc
		WHERE cc.child_id NOT IN (SELECT id FROM children WHERE archived = 1) GROUP BY cc.category`,
	given: `SELECT a.code,
		COALESCE((SELECT sum(quantity) FROM distributions WHERE campaign_id = ?1 AND item_id = a.id), 0),
		(SELECT count(*) FROM distributions WHERE campaign_id = ?1 AND item_id = a.id)
		FROM aid_items a`,
}
