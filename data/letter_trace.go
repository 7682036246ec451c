package data

import (
	"context"
	"fmt"
	"sort"
)

// GiftLine is what a sponsor gave of one catalogue item in a campaign, and
// how much of it reached children.
type GiftLine struct {
	Item       AidItem
	Quantity   int64
	ValueTenge int64
	Delivered  int64
}

// GiftTrace is a sponsor's contribution to a campaign and what it achieved,
// traced through the distributions: the money, the goods by item, and the
// children and schools the goods reached.
type GiftTrace struct {
	SponsorID  int64
	MoneyTenge int64
	Items      []GiftLine // in catalogue order
	// ItemsGiven is the goods donated; ItemsDelivered the part of them
	// handed to children; Children and Schools count whom they reached.
	ItemsGiven     int64
	ItemsDelivered int64
	Children       int
	Schools        int
}

// supplyLot is a donated or purchased quantity of an item, in stock order.
type supplyLot struct {
	sponsorID int64 // 0: bought by the office
	left      int64
}

// TraceGifts returns the contribution of each sponsor in sponsorIDs to a
// campaign, with what it achieved. Distributions carry no link to a
// donation, so the goods are traced first in, first out: each item's
// donations and purchases form a queue by date, and each distribution,
// by date, takes from the head of the queue. A sponsor's goods reached the
// children whose distributions took from its lots. Sponsors who gave
// nothing get a zero trace.
func (s *Store) TraceGifts(ctx context.Context, campaignID int64, sponsorIDs []int64) (map[int64]GiftTrace, error) {
	want := make(map[int64]bool, len(sponsorIDs))
	for _, id := range sponsorIDs {
		want[id] = true
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	items, err := findAidItems(ctx, tx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]GiftTrace, len(sponsorIDs))
	for id := range want {
		out[id] = GiftTrace{SponsorID: id}
	}
	rows, err := tx.QueryContext(ctx, `SELECT sponsor_id, sum(money_tenge) FROM donations
		WHERE campaign_id = ? GROUP BY sponsor_id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("trace gifts: money: %w", err)
	}
	for rows.Next() {
		var id, money int64
		if err := rows.Scan(&id, &money); err != nil {
			rows.Close()
			return nil, err
		}
		if want[id] {
			t := out[id]
			t.MoneyTenge = money
			out[id] = t
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	queues, err := supplyQueues(ctx, tx, campaignID, want, out, items)
	if err != nil {
		return nil, err
	}
	reach, err := traceDistributions(ctx, tx, campaignID, want, queues)
	if err != nil {
		return nil, err
	}
	for id, r := range reach {
		t := out[id]
		t.Children, t.Schools = len(r.children), len(r.schools)
		for i := range t.Items {
			t.Items[i].Delivered = r.delivered[t.Items[i].Item.ID]
			t.ItemsDelivered += t.Items[i].Delivered
		}
		out[id] = t
	}
	return out, nil
}

// supplyQueues reads each item's donated and purchased lots in stock order
// and fills the wanted sponsors' gift lines.
func supplyQueues(ctx context.Context, q queryer, campaignID int64, want map[int64]bool,
	out map[int64]GiftTrace, items []AidItem) (map[int64][]supplyLot, error) {
	// Donations come before purchases of the same day: the office buys what
	// the gifts did not cover.
	rows, err := q.QueryContext(ctx, `SELECT i.item_id, d.sponsor_id, i.quantity, i.quantity * i.unit_value_tenge,
			d.donated_on AS day, 0 AS kind, i.id
		FROM donation_items i JOIN donations d ON d.id = i.donation_id WHERE d.campaign_id = ?1
		UNION ALL
		SELECT item_id, 0, quantity, 0, purchased_on, 1, id FROM purchases WHERE campaign_id = ?1
		ORDER BY 1, 5, 6, 7`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("trace gifts: stock: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]AidItem, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	queues := map[int64][]supplyLot{}
	for rows.Next() {
		var itemID, sponsorID, qty, value, kind, lineID int64
		var day string
		if err := rows.Scan(&itemID, &sponsorID, &qty, &value, &day, &kind, &lineID); err != nil {
			return nil, err
		}
		queues[itemID] = append(queues[itemID], supplyLot{sponsorID: sponsorID, left: qty})
		if sponsorID == 0 || !want[sponsorID] {
			continue
		}
		t := out[sponsorID]
		t.ItemsGiven += qty
		n := len(t.Items)
		if i := sort.Search(n, func(i int) bool { return t.Items[i].Item.ID >= itemID }); i < n && t.Items[i].Item.ID == itemID {
			t.Items[i].Quantity += qty
			t.Items[i].ValueTenge += value
		} else {
			t.Items = append(t.Items, GiftLine{})
			copy(t.Items[i+1:], t.Items[i:])
			t.Items[i] = GiftLine{Item: byID[itemID], Quantity: qty, ValueTenge: value}
		}
		out[sponsorID] = t
	}
	return queues, rows.Err()
}

type sponsorReach struct {
	delivered map[int64]int64 // item → quantity
	children  map[int64]bool
	schools   map[int64]bool
}

// traceDistributions walks the campaign's distributions item by item, in
// date order, taking each from the head of its item's queue.
func traceDistributions(ctx context.Context, q queryer, campaignID int64, want map[int64]bool,
	queues map[int64][]supplyLot) (map[int64]*sponsorReach, error) {
	rows, err := q.QueryContext(ctx, `SELECT item_id, child_id, COALESCE(school_id, 0), quantity
		FROM distributions WHERE campaign_id = ? ORDER BY item_id, given_on, id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("trace gifts: distributions: %w", err)
	}
	defer rows.Close()
	reach := map[int64]*sponsorReach{}
	head := map[int64]int{} // item → index of the first lot not used up
	for rows.Next() {
		var itemID, childID, schoolID, qty int64
		if err := rows.Scan(&itemID, &childID, &schoolID, &qty); err != nil {
			return nil, err
		}
		lots := queues[itemID]
		for qty > 0 && head[itemID] < len(lots) {
			lot := &lots[head[itemID]]
			take := min(qty, lot.left)
			lot.left -= take
			qty -= take
			if lot.left == 0 {
				head[itemID]++
			}
			if take == 0 || !want[lot.sponsorID] {
				continue
			}
			r := reach[lot.sponsorID]
			if r == nil {
				r = &sponsorReach{delivered: map[int64]int64{}, children: map[int64]bool{}, schools: map[int64]bool{}}
				reach[lot.sponsorID] = r
			}
			r.delivered[itemID] += take
			r.children[childID] = true
			if schoolID != 0 {
				r.schools[schoolID] = true
			}
		}
	}
	return reach, rows.Err()
}
