package data

import (
	"context"
	"fmt"
	"strings"
)

// PurchaseFilter narrows a list of purchases.
type PurchaseFilter struct {
	CampaignID int64
	ItemID     int64
}

// FindPurchases returns the goods bought, newest first.
func (s *Store) FindPurchases(ctx context.Context, f PurchaseFilter) ([]Purchase, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.CampaignID != 0 {
		where, args = append(where, "campaign_id = ?"), append(args, f.CampaignID)
	}
	if f.ItemID != 0 {
		where, args = append(where, "item_id = ?"), append(args, f.ItemID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, campaign_id, item_id, size, quantity, unit_price_tenge,
		purchased_on, notes FROM purchases WHERE `+strings.Join(where, " AND ")+`
		ORDER BY purchased_on DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("find purchases: %w", err)
	}
	defer rows.Close()
	var out []Purchase
	for rows.Next() {
		var p Purchase
		var on string
		if err := rows.Scan(&p.ID, &p.CampaignID, &p.ItemID, &p.Size, &p.Quantity, &p.UnitPriceTenge,
			&on, &p.Notes); err != nil {
			return nil, err
		}
		p.PurchasedOn = parseDate(on)
		out = append(out, p)
	}
	return out, rows.Err()
}
