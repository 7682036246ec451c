package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ApproveDistributions approves the head's share of the clerks' pending
// distributions, in one transaction, and returns how many it approved;
// ones already approved are left as they are. Only a head (or an admin)
// may.
func (s *Store) ApproveDistributions(ctx context.Context, ids []int64) (int, error) {
	if err := s.require(RoleHead); err != nil {
		return 0, fmt.Errorf("approve distributions: %w", err)
	}
	by := s.actor
	if by == "" {
		by = "-"
	}
	now := s.Now().UTC()
	at := now.Format(time.RFC3339)
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		n = 0
		au, err := s.newAuditor(ctx, tx)
		if err != nil {
			return err
		}
		defer au.Close()
		for _, id := range ids {
			var d Distribution
			err := tx.QueryRowContext(ctx, `UPDATE distributions SET approved_by = ?, approved_at = ?
				WHERE id = ? AND approved_by = '' RETURNING id, child_id, campaign_id, item_id, quantity`,
				by, at, id).Scan(&d.ID, &d.ChildID, &d.CampaignID, &d.ItemID, &d.Quantity)
			if err == sql.ErrNoRows {
				continue // approved meanwhile, or deleted
			}
			if err != nil {
				return fmt.Errorf("approve distribution #%d: %w", id, err)
			}
			old := d
			d.ApprovedBy, d.ApprovedAt = by, now.Truncate(time.Second)
			if err := au.record("distributions", id, "update", old, d); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// parseApprovedAt reads an approval's time: a timestamp, or the day the
// distributions given before approvals existed were handed out.
func parseApprovedAt(s string) time.Time {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	return parseDate(s)
}
