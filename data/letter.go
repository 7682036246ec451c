package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Letter is an issued Алғыс хат in the register.
type Letter struct {
	ID         int64
	CampaignID int64
	Number     int // sequential within the campaign; kept on reprint
	SponsorID  int64
	Lang       string // kk, ru or both
	IssuedOn   time.Time
}

// FindLetters returns a campaign's letter register in number order.
func (s *Store) FindLetters(ctx context.Context, campaignID int64) ([]Letter, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, campaign_id, number, sponsor_id, lang, issued_on
		FROM letters WHERE campaign_id = ? ORDER BY number`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("find letters: %w", err)
	}
	defer rows.Close()
	var out []Letter
	for rows.Next() {
		var l Letter
		var on string
		if err := rows.Scan(&l.ID, &l.CampaignID, &l.Number, &l.SponsorID, &l.Lang, &on); err != nil {
			return nil, err
		}
		l.IssuedOn = parseDate(on)
		out = append(out, l)
	}
	return out, rows.Err()
}

// IssueLetters gives each sponsor its register entry in a campaign: the
// number it already has (a reprint), or the next free one. render is called
// inside the same transaction with the letters in the order of sponsorIDs;
// if it fails (or ctx is cancelled) no register row is written. render may
// be nil.
func (s *Store) IssueLetters(ctx context.Context, campaignID int64, sponsorIDs []int64, lang string,
	day time.Time, render func([]Letter) error) ([]Letter, error) {
	if err := s.require(RoleHead); err != nil {
		return nil, fmt.Errorf("issue letters: %w", err)
	}
	if lang != "kk" && lang != "ru" && lang != "both" {
		return nil, invalid("lang", lang, "err.letter.lang")
	}
	var out []Letter
	err := s.inTxLocked(ctx, numbersLock("letters", campaignID), func(tx *sql.Tx) error {
		var issued []Letter // the closure may run again: nothing collected outside it
		var next int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM letters WHERE campaign_id = ?`,
			campaignID).Scan(&next); err != nil {
			return fmt.Errorf("next letter number: %w", err)
		}
		had, err := registered(ctx, tx, campaignID, sponsorIDs)
		if err != nil {
			return err
		}
		for _, id := range sponsorIDs {
			l, ok := had[id] // a reprint keeps its number and date
			if !ok {
				l = Letter{CampaignID: campaignID, SponsorID: id, Number: next, Lang: lang, IssuedOn: Day(day)}
				next++
				if err := s.insertLetter(ctx, tx, &l); err != nil {
					return err
				}
				had[id] = l // a sponsor asked for twice gets one letter
			}
			l.Lang = lang
			issued = append(issued, l)
		}
		if render != nil {
			if err := render(issued); err != nil {
				return err
			}
		}
		out = issued
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// registered returns the register entries the sponsors already have in a
// campaign, by sponsor: a few hundred at a query, not one each (a
// thousand letters' queries took longer than their register).
func registered(ctx context.Context, tx *sql.Tx, campaignID int64, sponsorIDs []int64) (map[int64]Letter, error) {
	const chunk = 500
	had := make(map[int64]Letter, len(sponsorIDs))
	for start := 0; start < len(sponsorIDs); start += chunk {
		ids := sponsorIDs[start:min(start+chunk, len(sponsorIDs))]
		args := make([]any, 0, len(ids)+1)
		args = append(args, campaignID)
		for _, id := range ids {
			args = append(args, id)
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, sponsor_id, number, issued_on FROM letters
			WHERE campaign_id = ? AND sponsor_id IN (`+marks(len(ids))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("find letters of the sponsors: %w", err)
		}
		for rows.Next() {
			l := Letter{CampaignID: campaignID}
			var on string
			if err := rows.Scan(&l.ID, &l.SponsorID, &l.Number, &on); err != nil {
				rows.Close()
				return nil, err
			}
			l.IssuedOn = parseDate(on)
			had[l.SponsorID] = l
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return had, nil
}

func (s *Store) insertLetter(ctx context.Context, tx *sql.Tx, l *Letter) error {
	err := s.insertRow(ctx, tx, &l.ID, `INSERT INTO letters (campaign_id, number, sponsor_id, lang, issued_on)
		VALUES (?, ?, ?, ?, ?)`, l.CampaignID, l.Number, l.SponsorID, l.Lang, dateText(l.IssuedOn))
	if err != nil {
		return fmt.Errorf("register letter for sponsor #%d: %w", l.SponsorID, mapConstraint(err))
	}
	return s.audit(ctx, tx, "letters", l.ID, "insert", nil, l)
}
