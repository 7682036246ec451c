package data

import (
	"context"
	"fmt"
)

// Summary holds a campaign's headline figures. Its JSON keys are an
// interface that scripts rely on: add, never rename.
type Summary struct {
	Campaign           int              `json:"campaign"`
	CampaignName       string           `json:"campaign_name"`
	Sponsors           int              `json:"sponsors"`
	Donations          int              `json:"donations"`
	MoneyTenge         int64            `json:"money_tenge"`
	InKindItems        int64            `json:"in_kind_items"`
	InKindValueTenge   int64            `json:"in_kind_value_tenge"`
	Schools            int              `json:"schools"`
	Children           int              `json:"children"`
	ChildrenByCategory map[string]int   `json:"children_by_category"`
	Distributions      int              `json:"distributions"`
	ItemsDistributed   int64            `json:"items_distributed"`
	ChildrenHelped     int              `json:"children_helped"`
	HelpedByCategory   map[string]int   `json:"helped_by_category"`
	ItemsByKind        map[string]int64 `json:"items_by_kind"`
	Appeals            AppealCounts     `json:"appeals"`
	Letters            int              `json:"letters"`
}

// AppealCounts counts a campaign's appeals.
type AppealCounts struct {
	Total     int            `json:"total"`
	Resolved  int            `json:"resolved"`
	Rejected  int            `json:"rejected"`
	Open      int            `json:"open"`
	Overdue   int            `json:"overdue"`
	ByChannel map[string]int `json:"by_channel"`
}

// Summary computes a campaign's figures in one read transaction, so they
// agree with each other.
func (s *Store) Summary(ctx context.Context, campaignID int64) (Summary, error) {
	c, err := s.FindCampaignByID(ctx, campaignID)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Campaign: c.Year, CampaignName: c.NameKK,
		ChildrenByCategory: zeroCounts(), HelpedByCategory: zeroCounts(), ItemsByKind: map[string]int64{},
		Appeals: AppealCounts{ByChannel: map[string]int{}}}
	for _, ch := range AppealChannels {
		sum.Appeals.ByChannel[ch] = 0
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return sum, err
	}
	defer tx.Rollback()
	today := dateText(s.Now())
	err = tx.QueryRowContext(ctx, `SELECT
		(SELECT count(DISTINCT sponsor_id) FROM donations WHERE campaign_id = ?1),
		(SELECT count(*) FROM donations WHERE campaign_id = ?1),
		(SELECT COALESCE(sum(money_tenge), 0) FROM donations WHERE campaign_id = ?1),
		(SELECT COALESCE(sum(i.quantity), 0) FROM donation_items i JOIN donations d ON d.id = i.donation_id WHERE d.campaign_id = ?1),
		(SELECT COALESCE(sum(i.quantity * i.unit_value_tenge), 0) FROM donation_items i JOIN donations d ON d.id = i.donation_id WHERE d.campaign_id = ?1),
		(SELECT count(*) FROM schools),
		(SELECT count(*) FROM children WHERE archived = 0),
		`+s.helpedCount()+`,
		(SELECT count(*) FROM letters WHERE campaign_id = ?1),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status = 'resolved'),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status = 'rejected'),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status IN ('new', 'in_progress')),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status IN ('new', 'in_progress') AND due_on < ?2)`,
		campaignID, today).Scan(&sum.Sponsors, &sum.Donations, &sum.MoneyTenge, &sum.InKindItems,
		&sum.InKindValueTenge, &sum.Schools, &sum.Children, &sum.ChildrenHelped, &sum.Letters, &sum.Appeals.Total, &sum.Appeals.Resolved, &sum.Appeals.Rejected,
		&sum.Appeals.Open, &sum.Appeals.Overdue)
	if err != nil {
		return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
	}
	counts := []struct {
		query string
		into  func(key string, n int64)
	}{
		{`SELECT channel, count(*) FROM appeals WHERE campaign_id = ?1 GROUP BY channel`,
			func(k string, n int64) { sum.Appeals.ByChannel[k] = int(n) }},
	}
	// registered and helped by category in one pass over the memberships
	rows, err := tx.QueryContext(ctx, s.categoryCounts(), campaignID)
	if err != nil {
		return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var registered, helped int
		if err := rows.Scan(&code, &registered, &helped); err != nil {
			return sum, err
		}
		sum.ChildrenByCategory[code], sum.HelpedByCategory[code] = registered, helped
	}
	if err := rows.Err(); err != nil {
		return sum, err
	}
	if err := s.givenByItem(ctx, tx, campaignID, &sum); err != nil {
		return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
	}
	for _, q := range counts {
		if err := groupCounts(ctx, tx, q.query, campaignID, q.into); err != nil {
			return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
		}
	}
	return sum, nil
}

// helpedCount counts the campaign's (?1) helped children. SQLite walks
// the index in the children's order, passing each child once instead of
// putting them in a temporary B-tree for count(DISTINCT): on a cold cache
// 131 → 34 ms over a region's 1M distributions (its planner picks a
// narrower index otherwise). PostgreSQL keeps count(DISTINCT), which the
// region's bench found no slower.
func (s *Store) helpedCount() string {
	if s.dialect == postgresDialect {
		return `(SELECT count(DISTINCT child_id) FROM distributions WHERE campaign_id = ?1)`
	}
	return `(SELECT count(*) FROM (SELECT DISTINCT child_id FROM distributions
		INDEXED BY distributions_campaign_child WHERE campaign_id = ?1))`
}

// categoryCounts counts, per category, the memberships of children not
// archived and of those helped in the campaign (?1), each engine its
// fastest way: SQLite a correlated EXISTS on the covering index per
// membership (a join to the set of helped children it can plan as a nested
// scan, quadratic in size; an IN costs it a third more), PostgreSQL an
// uncorrelated IN it hashes once (an EXISTS is a probe per membership, 150
// ms on 100k children; a LEFT JOIN to the distinct helped children, faster
// by hand in psql, made the region bench's dashboard 135 → 390 ms).
func (s *Store) categoryCounts() string {
	if s.dialect == postgresDialect {
		return `SELECT cc.category, count(*),
			sum(CASE WHEN cc.child_id IN (SELECT child_id FROM distributions WHERE campaign_id = ?1) THEN 1 ELSE 0 END)
			FROM child_categories cc
			WHERE cc.child_id NOT IN (SELECT id FROM children WHERE archived = 1) GROUP BY cc.category`
	}
	return `SELECT cc.category, count(*),
		sum(CASE WHEN EXISTS (SELECT 1 FROM distributions d WHERE d.campaign_id = ?1 AND d.child_id = cc.child_id) THEN 1 ELSE 0 END)
		FROM child_categories cc
		WHERE cc.child_id NOT IN (SELECT id FROM children WHERE archived = 1) GROUP BY cc.category`
}

// givenPerItem is an aggregate (count(*), sum(quantity)) of the
// campaign's (?1) distributions of each aid item a, each engine its fastest
// way: SQLite a correlated range of the covering index distributions
// (campaign_id, item_id, quantity) per item (one grouped pass costs it
// 9 ms more on 100k), PostgreSQL one grouped pass joined by
// givenPerItemJoin (seven bitmap scans cost it 35 ms on 150k).
func (s *Store) givenPerItem(agg string) string {
	if s.dialect == postgresDialect {
		return `COALESCE(g.n, 0)`
	}
	return `COALESCE((SELECT ` + agg + ` FROM distributions WHERE campaign_id = ?1 AND item_id = a.id), 0)`
}

// givenPerItemJoin is the join givenPerItem needs, after FROM aid_items a.
func (s *Store) givenPerItemJoin(agg string) string {
	if s.dialect == postgresDialect {
		return `LEFT JOIN (SELECT item_id, ` + agg + ` AS n FROM distributions WHERE campaign_id = ?1
			GROUP BY item_id) g ON g.item_id = a.id`
	}
	return ``
}

// givenByItem adds up the campaign's distributions and items given per
// aid item. On a server one grouped pass gives both (two passes cost the
// dashboard 8 ms of the server's time more on the region's 150 000); SQLite
// takes its two correlated ranges per item (see givenPerItem).
func (s *Store) givenByItem(ctx context.Context, q queryer, campaignID int64, sum *Summary) error {
	query := `SELECT a.code, ` + s.givenPerItem("sum(quantity)") + `, ` + s.givenPerItem("count(*)") + ` FROM aid_items a`
	if s.dialect == postgresDialect {
		query = `SELECT a.code, COALESCE(g.q, 0), COALESCE(g.n, 0) FROM aid_items a
			LEFT JOIN (SELECT item_id, sum(quantity) AS q, count(*) AS n FROM distributions WHERE campaign_id = ?1
			GROUP BY item_id) g ON g.item_id = a.id`
	}
	rows, err := q.QueryContext(ctx, query, campaignID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var items, given int64
		if err := rows.Scan(&code, &items, &given); err != nil {
			return err
		}
		sum.ItemsByKind[code] = items
		sum.ItemsDistributed += items
		sum.Distributions += int(given)
	}
	return rows.Err()
}

func zeroCounts() map[string]int {
	m := map[string]int{}
	for _, c := range CategoryCodes {
		m[c] = 0
	}
	return m
}

func groupCounts(ctx context.Context, q queryer, query string, campaignID int64, into func(string, int64)) error {
	rows, err := q.QueryContext(ctx, query, campaignID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		into(k, n)
	}
	return rows.Err()
}
