package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// importItems finds or adds the catalogue items a sponsors' list brings
// (ImportOptions.NewItems) and returns their ids in order; a preview adds
// none, and an item it would add has id 0.
func (s *Store) importItems(ctx context.Context, tx *sql.Tx, items []AidItem, dryRun bool) ([]int64, error) {
	ids := make([]int64, len(items))
	for i, it := range items {
		err := tx.QueryRowContext(ctx, `SELECT id FROM aid_items WHERE code = ?`, it.Code).Scan(&ids[i])
		switch {
		case err == nil:
			continue
		case err != sql.ErrNoRows:
			return nil, fmt.Errorf("find aid item %q: %w", it.Code, err)
		case dryRun:
			continue
		}
		err = s.insertRow(ctx, tx, &ids[i], `INSERT INTO aid_items (code, name_kk, name_ru, unit_kk, unit_ru, sized)
			VALUES (?, ?, ?, ?, ?, ?)`, it.Code, it.NameKK, it.NameRU, it.UnitKK, it.UnitRU, it.Sized)
		if err != nil {
			return nil, fmt.Errorf("create aid item %q: %w", it.Code, mapConstraint(err))
		}
		it.ID = ids[i]
		if err := s.audit(ctx, tx, "aid_items", it.ID, "insert", nil, it); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// resolveItems copies a donation's lines with the ids of new items
// (ItemID -(i+1)) put in.
func resolveItems(lines []DonationItem, newIDs []int64) []DonationItem {
	if len(lines) == 0 {
		return nil
	}
	out := slices.Clone(lines)
	for i, l := range out {
		if l.ItemID < 0 && int(-l.ItemID) <= len(newIDs) {
			out[i].ItemID = newIDs[-l.ItemID-1]
		}
	}
	return out
}

// unresolved tells a preview's line of an item not yet in the catalogue.
func unresolved(lines []DonationItem) bool {
	for _, l := range lines {
		if l.ItemID <= 0 {
			return true
		}
	}
	return false
}

// findSameDonation returns the id of a saved donation that is d again:
// the same sponsor, campaign, day and amount and the same items in the
// same quantities; 0 when there is none.
func findSameDonation(ctx context.Context, tx *sql.Tx, d Donation) (int64, error) {
	if d.SponsorID == 0 {
		return 0, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM donations WHERE sponsor_id = ? AND campaign_id = ?
		AND donated_on = ? AND money_tenge = ? ORDER BY id`, d.SponsorID, d.CampaignID, dateText(d.DonatedOn), d.MoneyTenge)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	want := lineKey(d.Items)
	for _, id := range ids {
		got, err := donationLines(ctx, tx, id)
		if err != nil {
			return 0, err
		}
		if slices.Equal(lineKey(got), want) {
			return id, nil
		}
	}
	return 0, nil
}

func donationLines(ctx context.Context, tx *sql.Tx, id int64) ([]DonationItem, error) {
	rows, err := tx.QueryContext(ctx, `SELECT item_id, quantity FROM donation_items WHERE donation_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DonationItem
	for rows.Next() {
		var it DonationItem
		if err := rows.Scan(&it.ItemID, &it.Quantity); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// lineKey sums quantities per item, in item order, to compare two gifts.
func lineKey(lines []DonationItem) [][2]int64 {
	sum := map[int64]int64{}
	for _, l := range lines {
		sum[l.ItemID] += l.Quantity
	}
	out := make([][2]int64, 0, len(sum))
	for id, q := range sum {
		out = append(out, [2]int64{id, q})
	}
	slices.SortFunc(out, func(a, b [2]int64) int { return int(a[0] - b[0]) })
	return out
}
