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
		for _, id := range sponsorIDs {
			l := Letter{CampaignID: campaignID, SponsorID: id, Lang: lang, IssuedOn: Day(day)}
			var on string
			err := tx.QueryRowContext(ctx, `SELECT id, number, issued_on FROM letters WHERE campaign_id = ? AND sponsor_id = ?`,
				campaignID, id).Scan(&l.ID, &l.Number, &on)
			switch {
			case err == sql.ErrNoRows:
				l.Number = next
				next++
				if err := s.insertLetter(ctx, tx, &l); err != nil {
					return err
				}
			case err != nil:
				return fmt.Errorf("find letter of sponsor #%d: %w", id, err)
			default:
				l.IssuedOn = parseDate(on) // a reprint keeps its number and date
			}
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

func (s *Store) insertLetter(ctx context.Context, tx *sql.Tx, l *Letter) error {
	err := s.insertRow(ctx, tx, &l.ID, `INSERT INTO letters (campaign_id, number, sponsor_id, lang, issued_on)
		VALUES (?, ?, ?, ?, ?)`, l.CampaignID, l.Number, l.SponsorID, l.Lang, dateText(l.IssuedOn))
	if err != nil {
		return fmt.Errorf("register letter for sponsor #%d: %w", l.SponsorID, mapConstraint(err))
	}
	return s.audit(ctx, tx, "letters", l.ID, "insert", nil, l)
}
