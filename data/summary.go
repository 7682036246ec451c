package data

import (
	"context"
	"database/sql"
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
// agree with each other. The counts of children and distributions come
// from the tallies the triggers keep (tally.go).
func (s *Store) Summary(ctx context.Context, campaignID int64) (Summary, error) {
	return s.summary(ctx, campaignID, tallyFigures)
}

// figures are the queries of a summary's counts of children and
// distributions, ?1 the campaign: children gives (Children, ChildrenHelped),
// categories rows of (category, registered, helped), given rows of (aid
// item's code, items, distributions).
type figures struct{ children, categories, given string }

func (s *Store) summary(ctx context.Context, campaignID int64, fill figures) (Summary, error) {
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
		(SELECT count(*) FROM letters WHERE campaign_id = ?1),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status = 'resolved'),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status = 'rejected'),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status IN ('new', 'in_progress')),
		(SELECT count(*) FROM appeals WHERE campaign_id = ?1 AND status IN ('new', 'in_progress') AND due_on < ?2)`,
		campaignID, today).Scan(&sum.Sponsors, &sum.Donations, &sum.MoneyTenge, &sum.InKindItems,
		&sum.InKindValueTenge, &sum.Schools, &sum.Letters, &sum.Appeals.Total, &sum.Appeals.Resolved, &sum.Appeals.Rejected,
		&sum.Appeals.Open, &sum.Appeals.Overdue)
	if err != nil {
		return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
	}
	if err := fill.add(ctx, tx, campaignID, &sum); err != nil {
		return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
	}
	err = groupCounts(ctx, tx, `SELECT channel, count(*) FROM appeals WHERE campaign_id = ?1 GROUP BY channel`, campaignID,
		func(k string, n int64) { sum.Appeals.ByChannel[k] = int(n) })
	if err != nil {
		return sum, fmt.Errorf("summary of campaign %d: %w", c.Year, err)
	}
	return sum, nil
}

// tallyFigures read a summary's counts from the tallies, but for the
// children registered, which an index counts (migration 0014). A category is
// listed once a child not archived is in it, as when the memberships were
// counted (a tally's row of 0 is deleted).
var tallyFigures = figures{
	children: `SELECT
		(SELECT count(*) FROM children WHERE archived = 0),
		(SELECT COALESCE(sum(n), 0) FROM tally_helped WHERE campaign_id = ?1 AND category = '')`,
	categories: `SELECT r.category, r.n, COALESCE(h.n, 0)
		FROM (SELECT category, sum(n) AS n FROM tally_registered GROUP BY category) r
		LEFT JOIN (SELECT category, sum(n) AS n FROM tally_helped WHERE campaign_id = ?1 AND category <> ''
			GROUP BY category) h ON h.category = r.category`,
	given: `SELECT a.code, COALESCE(CAST(sum(g.quantity) AS BIGINT), 0), COALESCE(sum(g.n), 0)
		FROM aid_items a LEFT JOIN tally_given g ON g.campaign_id = ?1 AND g.item_id = a.id
		GROUP BY a.id, a.code`,
}

// add fills in sum's counts of children and distributions by f's queries.
func (f figures) add(ctx context.Context, tx *sql.Tx, campaignID int64, sum *Summary) error {
	err := tx.QueryRowContext(ctx, f.children, campaignID).Scan(&sum.Children, &sum.ChildrenHelped)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, f.categories, campaignID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var registered, helped int
		if err := rows.Scan(&code, &registered, &helped); err != nil {
			return err
		}
		sum.ChildrenByCategory[code], sum.HelpedByCategory[code] = registered, helped
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return addGiven(ctx, tx, f.given, campaignID, sum)
}

// addGiven adds up the distributions and items given per aid item, as
// rows of (code, items, distributions).
func addGiven(ctx context.Context, tx *sql.Tx, query string, campaignID int64, sum *Summary) error {
	rows, err := tx.QueryContext(ctx, query, campaignID)
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
