package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Campaign statuses.
const (
	CampaignPlanned = "planned"
	CampaignActive  = "active"
	CampaignClosed  = "closed"
)

// Campaign is one year's «Мектепке жол».
type Campaign struct {
	ID       int64
	Year     int
	NameKK   string
	NameRU   string
	Slogan   string
	StartsOn time.Time
	EndsOn   time.Time
	Status   string
}

// Name returns the campaign's name in lang (kk or ru).
func (c Campaign) Name(lang string) string {
	if lang == "ru" {
		return c.NameRU
	}
	return c.NameKK
}

func (c *Campaign) validate() error {
	c.NameKK, c.NameRU = strings.TrimSpace(c.NameKK), strings.TrimSpace(c.NameRU)
	switch {
	case c.Year < 2000 || c.Year > 2100:
		return invalid("year", fmt.Sprint(c.Year), "err.campaign.year")
	case c.NameKK == "":
		return invalid("name_kk", c.NameKK, "err.required")
	case c.StartsOn.IsZero():
		return invalid("starts_on", "", "err.required")
	case c.EndsOn.Before(c.StartsOn):
		return invalid("ends_on", dateText(c.EndsOn), "err.campaign.dates")
	}
	if c.NameRU == "" {
		c.NameRU = c.NameKK
	}
	switch c.Status {
	case "":
		c.Status = CampaignPlanned
	case CampaignPlanned, CampaignActive, CampaignClosed:
	default:
		return invalid("status", c.Status, "err.campaign.status")
	}
	return nil
}

const campaignColumns = `id, year, name_kk, name_ru, slogan, starts_on, ends_on, status`

func scanCampaign(sc interface{ Scan(...any) error }) (Campaign, error) {
	var c Campaign
	var starts, ends string
	err := sc.Scan(&c.ID, &c.Year, &c.NameKK, &c.NameRU, &c.Slogan, &starts, &ends, &c.Status)
	c.StartsOn, c.EndsOn = parseDate(starts), parseDate(ends)
	return c, err
}

// FindCampaigns returns all campaigns, newest year first.
func (s *Store) FindCampaigns(ctx context.Context) ([]Campaign, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+campaignColumns+` FROM campaigns ORDER BY year DESC`)
	if err != nil {
		return nil, fmt.Errorf("find campaigns: %w", err)
	}
	defer rows.Close()
	var out []Campaign
	for rows.Next() {
		c, err := scanCampaign(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FindCampaignByYear returns the campaign of a year, or ErrNotFound.
func (s *Store) FindCampaignByYear(ctx context.Context, year int) (Campaign, error) {
	c, err := scanCampaign(s.db.QueryRowContext(ctx, `SELECT `+campaignColumns+` FROM campaigns WHERE year = ?`, year))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("campaign %d: %w", year, ErrNotFound)
	}
	return c, err
}

// FindCampaignByID returns a campaign, or ErrNotFound.
func (s *Store) FindCampaignByID(ctx context.Context, id int64) (Campaign, error) {
	c, err := scanCampaign(s.db.QueryRowContext(ctx, `SELECT `+campaignColumns+` FROM campaigns WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("campaign #%d: %w", id, ErrNotFound)
	}
	return c, err
}

// CreateCampaign saves a new campaign and sets its ID.
func (s *Store) CreateCampaign(ctx context.Context, c *Campaign) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("create campaign: %w", err)
	}
	if err := c.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createCampaign(ctx, tx, c) })
}

func (s *Store) createCampaign(ctx context.Context, tx *sql.Tx, c *Campaign) error {
	err := s.insertRow(ctx, tx, &c.ID, `INSERT INTO campaigns (year, name_kk, name_ru, slogan, starts_on, ends_on, status)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.Year, c.NameKK, c.NameRU, c.Slogan, dateText(c.StartsOn), dateText(c.EndsOn), c.Status)
	if err != nil {
		return fmt.Errorf("create campaign %d: %w", c.Year, mapConstraint(err))
	}
	return s.audit(ctx, tx, "campaigns", c.ID, "insert", nil, c)
}

// UpdateCampaign saves changes to a campaign.
func (s *Store) UpdateCampaign(ctx context.Context, c *Campaign) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("update campaign: %w", err)
	}
	if err := c.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanCampaign(tx.QueryRowContext(ctx, `SELECT `+campaignColumns+` FROM campaigns WHERE id = ?`, c.ID))
		if err != nil {
			return notFound(err, "campaign", c.ID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE campaigns SET year = ?, name_kk = ?, name_ru = ?, slogan = ?,
			starts_on = ?, ends_on = ?, status = ? WHERE id = ?`, c.Year, c.NameKK, c.NameRU, c.Slogan,
			dateText(c.StartsOn), dateText(c.EndsOn), c.Status, c.ID); err != nil {
			return fmt.Errorf("update campaign %d: %w", c.Year, mapConstraint(err))
		}
		return s.audit(ctx, tx, "campaigns", c.ID, "update", old, c)
	})
}
