package data

import (
	"context"
	"fmt"
	"time"
)

// DonationCursor marks where a page of the newest-first list of donations
// ended: the next page starts after it. The zero cursor starts at the
// newest.
type DonationCursor struct {
	DonatedOn time.Time
	ID        int64
}

// Cursor returns the cursor just after d.
func (d Donation) Cursor() DonationCursor { return DonationCursor{DonatedOn: d.DonatedOn, ID: d.ID} }

// FindNewestDonations returns one page of the donations f selects, with
// their lines, in the order the donations screen shows them: by the day
// given, newest first, then the latest typed in first; at most n after the
// cursor. The page is chosen on donations alone (migration 0013's index
// walks this order), then its lines are joined: a page reads n donations'
// lines, not the campaign's.
func (s *Store) FindNewestDonations(ctx context.Context, f DonationFilter, after DonationCursor, n int) ([]Donation, error) {
	where, args := f.where()
	if after.ID != 0 {
		day := dateText(after.DonatedOn)
		where += " AND (d.donated_on < ? OR (d.donated_on = ? AND d.id < ?))"
		args = append(args, day, day, after.ID)
	}
	ds, err := findDonationsIn(ctx, s.db, "donations d WHERE "+where+
		" ORDER BY d.donated_on DESC, d.id DESC LIMIT ?", append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("find newest donations: %w", err)
	}
	return ds, nil
}

// CountDonations returns how many donations f selects.
func (s *Store) CountDonations(ctx context.Context, f DonationFilter) (int, error) {
	where, args := f.where()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM donations d WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count donations: %w", err)
	}
	return n, nil
}
