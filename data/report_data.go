package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ReportFigures are the aggregates of a campaign's public reports: the
// headline Summary plus the tables by school, category, sponsor and appeal,
// the coverage register's counts and the campaign's events.
// It holds no child's personal data; sponsors who are private persons are
// listed with their consent flag so the report can leave their names out.
type ReportFigures struct {
	Campaign   Campaign
	Settings   Settings
	Summary    Summary
	Categories []Category
	Items      []AidItem
	Schools    []SchoolFigures
	// CategoryItems counts the items given to the children of a category:
	// category code → item code → quantity. A child in two categories
	// counts in both.
	CategoryItems map[string]map[string]int64
	Sponsors      []SponsorFigures
	// Appeals counts the appeals by channel → status.
	Appeals map[string]map[string]int
	// Coverage counts the coverage register's cases: aggregates only, no
	// child of the register is named.
	Coverage CoverageFigures
	// Events are the campaign's events in date order.
	Events []Event
	// Previous is the campaign of the latest earlier year, if any.
	Previous *PreviousFigures
}

// PreviousFigures are the headline figures of an earlier campaign, for comparison.
type PreviousFigures struct {
	Campaign Campaign
	Summary  Summary
	Coverage CoverageFigures
}

// SchoolFigures are one school's figures in a campaign. A distribution
// counts at the school it was given at, or the child's own school.
type SchoolFigures struct {
	SchoolID       int64
	Number         int
	NameKK         string
	NameRU         string
	Children       int   // registered, not archived
	ChildrenHelped int   // got at least one item in the campaign
	Distributions  int   // rows
	Items          int64 // quantity given
}

// Name returns the school's name in lang (kk or ru).
func (s SchoolFigures) Name(lang string) string {
	if lang == "ru" {
		return s.NameRU
	}
	return s.NameKK
}

// NameIn returns the sponsor's name in lang (kk or ru).
func (sp SponsorFigures) NameIn(lang string) string {
	if lang == "ru" && sp.NameRU != "" {
		return sp.NameRU
	}
	return sp.Name
}

// SponsorFigures are one sponsor's gifts in a campaign.
type SponsorFigures struct {
	SponsorID        int64
	Kind             string
	Name             string
	NameRU           string // empty: Name serves Russian documents too
	BIN              string
	PublicConsent    bool
	Donations        int
	MoneyTenge       int64
	InKindItems      int64
	InKindValueTenge int64
}

// IsPerson tells whether the sponsor is a private person or an IE, whose
// name is personal data.
func (s SponsorFigures) IsPerson() bool { return s.Kind == SponsorIndividual || s.Kind == SponsorIE }

// ReportFigures gathers the aggregates of a campaign's reports. The tables
// are read in one read transaction; the headline figures come from Summary.
func (s *Store) ReportFigures(ctx context.Context, campaignID int64) (ReportFigures, error) {
	var f ReportFigures
	var err error
	if f.Summary, err = s.Summary(ctx, campaignID); err != nil {
		return f, err
	}
	if f.Campaign, err = s.FindCampaignByID(ctx, campaignID); err != nil {
		return f, err
	}
	if f.Settings, err = s.Settings(ctx); err != nil {
		return f, err
	}
	if f.Categories, err = s.FindCategories(ctx); err != nil {
		return f, err
	}
	if f.Items, err = s.FindAidItems(ctx); err != nil {
		return f, err
	}
	if f.Coverage, err = s.CoverageFigures(ctx, campaignID); err != nil {
		return f, err
	}
	if f.Events, err = s.FindEvents(ctx, campaignID); err != nil {
		return f, err
	}
	if f.Previous, err = s.previousFigures(ctx, f.Campaign); err != nil {
		return f, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return f, err
	}
	defer tx.Rollback()
	steps := []func(context.Context, *sql.Tx, int64, *ReportFigures) error{
		schoolFigures, categoryItems, sponsorFigures, appealFigures}
	for _, step := range steps {
		if err := step(ctx, tx, campaignID, &f); err != nil {
			return f, fmt.Errorf("report figures of campaign %d: %w", f.Campaign.Year, err)
		}
	}
	return f, nil
}

func (s *Store) previousFigures(ctx context.Context, c Campaign) (*PreviousFigures, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM campaigns WHERE year < ? ORDER BY year DESC LIMIT 1`, c.Year).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("find the campaign before %d: %w", c.Year, err)
	}
	p := &PreviousFigures{}
	if p.Campaign, err = s.FindCampaignByID(ctx, id); err != nil {
		return nil, err
	}
	if p.Summary, err = s.Summary(ctx, id); err != nil {
		return nil, err
	}
	if p.Coverage, err = s.CoverageFigures(ctx, id); err != nil {
		return nil, err
	}
	return p, nil
}

func schoolFigures(ctx context.Context, tx *sql.Tx, campaignID int64, f *ReportFigures) error {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.number, s.name_kk, s.name_ru,
		(SELECT count(*) FROM children c WHERE c.school_id = s.id AND c.archived = 0),
		COALESCE(g.helped, 0), COALESCE(g.rows, 0), COALESCE(g.items, 0)
		FROM schools s LEFT JOIN (
			-- a distribution records the school it was given at (the child's, by default)
			SELECT d.school_id, count(DISTINCT d.child_id) AS helped, count(*) AS rows, sum(d.quantity) AS items
			FROM distributions d WHERE d.campaign_id = ? GROUP BY d.school_id
		) g ON g.school_id = s.id
		ORDER BY s.number`, campaignID)
	if err != nil {
		return fmt.Errorf("figures by school: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sf SchoolFigures
		if err := rows.Scan(&sf.SchoolID, &sf.Number, &sf.NameKK, &sf.NameRU, &sf.Children, &sf.ChildrenHelped,
			&sf.Distributions, &sf.Items); err != nil {
			return err
		}
		f.Schools = append(f.Schools, sf)
	}
	return rows.Err()
}

func categoryItems(ctx context.Context, tx *sql.Tx, campaignID int64, f *ReportFigures) error {
	f.CategoryItems = map[string]map[string]int64{}
	for _, c := range CategoryCodes {
		f.CategoryItems[c] = map[string]int64{}
	}
	rows, err := tx.QueryContext(ctx, `SELECT cc.category, a.code, sum(d.quantity)
		FROM distributions d JOIN child_categories cc ON cc.child_id = d.child_id JOIN aid_items a ON a.id = d.item_id
		WHERE d.campaign_id = ? GROUP BY cc.category, a.code`, campaignID)
	if err != nil {
		return fmt.Errorf("items by category: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cat, item string
		var n int64
		if err := rows.Scan(&cat, &item, &n); err != nil {
			return err
		}
		if f.CategoryItems[cat] == nil {
			f.CategoryItems[cat] = map[string]int64{}
		}
		f.CategoryItems[cat][item] = n
	}
	return rows.Err()
}

func sponsorFigures(ctx context.Context, tx *sql.Tx, campaignID int64, f *ReportFigures) error {
	rows, err := tx.QueryContext(ctx, `SELECT sp.id, sp.kind, sp.name, sp.name_ru, COALESCE(sp.bin, ''), sp.public_consent,
		count(*), sum(d.money_tenge), COALESCE(sum(i.qty), 0), COALESCE(sum(i.value), 0)
		FROM donations d JOIN sponsors sp ON sp.id = d.sponsor_id
		LEFT JOIN (SELECT donation_id, sum(quantity) AS qty, sum(quantity * unit_value_tenge) AS value
			FROM donation_items GROUP BY donation_id) i ON i.donation_id = d.id
		WHERE d.campaign_id = ?
		GROUP BY sp.id
		ORDER BY sum(d.money_tenge) + COALESCE(sum(i.value), 0) DESC, sp.name`, campaignID)
	if err != nil {
		return fmt.Errorf("figures by sponsor: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sp SponsorFigures
		if err := rows.Scan(&sp.SponsorID, &sp.Kind, &sp.Name, &sp.NameRU, &sp.BIN, &sp.PublicConsent, &sp.Donations,
			&sp.MoneyTenge, &sp.InKindItems, &sp.InKindValueTenge); err != nil {
			return err
		}
		f.Sponsors = append(f.Sponsors, sp)
	}
	return rows.Err()
}

func appealFigures(ctx context.Context, tx *sql.Tx, campaignID int64, f *ReportFigures) error {
	f.Appeals = map[string]map[string]int{}
	for _, ch := range AppealChannels {
		f.Appeals[ch] = map[string]int{}
	}
	rows, err := tx.QueryContext(ctx, `SELECT channel, status, count(*) FROM appeals WHERE campaign_id = ?
		GROUP BY channel, status`, campaignID)
	if err != nil {
		return fmt.Errorf("appeals by channel: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ch, st string
		var n int
		if err := rows.Scan(&ch, &st, &n); err != nil {
			return err
		}
		if f.Appeals[ch] == nil {
			f.Appeals[ch] = map[string]int{}
		}
		f.Appeals[ch][st] = n
	}
	return rows.Err()
}
