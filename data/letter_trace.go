package data

import (
	"cmp"
	"context"
	"fmt"
	"slices"
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
	qty, left int64
	wanted    bool // a sponsor whose trace was asked for
}

// TraceGifts returns the contribution of each sponsor in sponsorIDs to a
// campaign, with what it achieved. Distributions carry no link to a
// donation, so the goods are traced first in, first out: each item's
// donations and purchases form a queue by date, and each distribution,
// by date, takes from the head of the queue. A sponsor's goods reached the
// children whose distributions took from its lots. Sponsors who gave
// nothing get a zero trace. sponsorIDs nil means every donor of the
// campaign: the walk over the distributions costs the same for one sponsor
// as for all, and a caller may start it before it knows whom it thanks.
func (s *Store) TraceGifts(ctx context.Context, campaignID int64, sponsorIDs []int64) (map[int64]GiftTrace, error) {
	set := make(map[int64]bool, len(sponsorIDs))
	for _, id := range sponsorIDs {
		set[id] = true
	}
	want := func(id int64) bool { return id != 0 && (sponsorIDs == nil || set[id]) }
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
	for id := range set {
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
		if want(id) {
			t := out[id]
			t.SponsorID, t.MoneyTenge = id, money
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
	reach, err := traceDistributions(ctx, tx, campaignID, queues)
	if err != nil {
		return nil, err
	}
	for id, r := range reach {
		t := out[id]
		t.SponsorID = id
		t.Children, t.Schools = r.children, r.schools
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
func supplyQueues(ctx context.Context, q queryer, campaignID int64, want func(int64) bool,
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
		wanted := want(sponsorID)
		queues[itemID] = append(queues[itemID], supplyLot{sponsorID: sponsorID, qty: qty, left: qty, wanted: wanted})
		if !wanted {
			continue
		}
		t := out[sponsorID]
		t.SponsorID = sponsorID
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

// sponsorReach is what a sponsor's goods achieved.
type sponsorReach struct {
	delivered         map[int64]int64 // item → quantity
	children, schools int
}

// reached is a child or a school that a sponsor's goods reached.
type reached struct{ sponsorID, id int64 }

// traceDistributions walks the campaign's distributions item by item, in
// date order, taking each from the head of its item's queue. The walk is
// the whole campaign (100k rows in the bench's), so it keeps to slices: a
// lot counts what it gave out, and the children and schools reached are
// collected as pairs (reachSet) and counted once each at the end, which
// cost a third of what a set per sponsor did.
func traceDistributions(ctx context.Context, q queryer, campaignID int64,
	queues map[int64][]supplyLot) (map[int64]*sponsorReach, error) {
	var kids, schools reachSet
	// distributions_trace (migration 0012) holds this order and these
	// columns: no sort, no lookup in the table.
	rows, err := q.QueryContext(ctx, `SELECT item_id, child_id, COALESCE(school_id, 0), quantity
		FROM distributions WHERE campaign_id = ? ORDER BY item_id, given_on, id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("trace gifts: distributions: %w", err)
	}
	defer rows.Close()
	var lots []supplyLot
	item, head := int64(-1), 0 // the item being walked, its first lot not used up
	var vals [4]any            // scanned as they come: no reflection per row
	for rows.Next() {
		if err := rows.Scan(&vals[0], &vals[1], &vals[2], &vals[3]); err != nil {
			return nil, err
		}
		var n [4]int64
		for i, v := range vals {
			x, ok := v.(int64)
			if !ok {
				return nil, fmt.Errorf("trace gifts: distributions: column %d is %T, not a whole number", i+1, v)
			}
			n[i] = x
		}
		itemID, childID, schoolID, qty := n[0], n[1], n[2], n[3]
		if itemID != item {
			item, lots, head = itemID, queues[itemID], 0
		}
		for qty > 0 && head < len(lots) {
			lot := &lots[head]
			take := min(qty, lot.left)
			lot.left -= take
			qty -= take
			if lot.left == 0 {
				head++
			}
			if take == 0 || !lot.wanted {
				continue
			}
			kids.add(reached{lot.sponsorID, childID})
			if schoolID != 0 {
				schools.add(reached{lot.sponsorID, schoolID})
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	reach := map[int64]*sponsorReach{}
	get := func(id int64) *sponsorReach {
		r := reach[id]
		if r == nil {
			r = &sponsorReach{delivered: map[int64]int64{}}
			reach[id] = r
		}
		return r
	}
	for itemID, lots := range queues {
		for _, lot := range lots {
			if lot.wanted && lot.left < lot.qty {
				get(lot.sponsorID).delivered[itemID] += lot.qty - lot.left
			}
		}
	}
	kids.count(func(id int64) { get(id).children++ })
	schools.count(func(id int64) { get(id).schools++ })
	return reach, nil
}

// reachSet collects the (sponsor, id) pairs a walk reached, to count the
// distinct ones at the end. A pair is kept packed into one number (sponsor
// above id) while both fit, as rowids and serials do: half the memory of a
// pair, and sorted twice as fast. The walk makes a few hundred thousand
// pairs; grown by append (a quarter at a time), their slice allocated five
// times its size, in fresh pages, a quarter of the trace's time.
type reachSet struct {
	keys  []uint64  // while every pair fits
	pairs []reached // every pair, once one did not fit
	last  reached
}

func fits(p reached) bool {
	return p.sponsorID >= 0 && p.sponsorID < 1<<24 && p.id >= 0 && p.id < 1<<40
}

// add adds p, unless it repeats the last pair: a child's several items from
// one lot come one after another.
func (s *reachSet) add(p reached) {
	if p == s.last && (len(s.keys) > 0 || len(s.pairs) > 0) {
		return
	}
	s.last = p
	if s.pairs == nil && fits(p) {
		if len(s.keys) == cap(s.keys) {
			s.keys = slices.Grow(s.keys, max(len(s.keys), 1<<14)) // doubles
		}
		s.keys = append(s.keys, uint64(p.sponsorID)<<40|uint64(p.id))
		return
	}
	if s.pairs == nil {
		s.pairs = make([]reached, len(s.keys), 2*len(s.keys)+1)
		for i, k := range s.keys {
			s.pairs[i] = reached{int64(k >> 40), int64(k & (1<<40 - 1))}
		}
		s.keys = nil
	}
	s.pairs = append(s.pairs, p)
}

// count calls one for each distinct pair, with its sponsor.
func (s *reachSet) count(one func(sponsorID int64)) {
	if s.pairs != nil {
		countReachedPairs(s.pairs, one)
		return
	}
	slices.Sort(s.keys)
	for i, k := range s.keys {
		if i == 0 || k != s.keys[i-1] {
			one(int64(k >> 40))
		}
	}
}

// countReachedPairs is count for ids too large to pack.
func countReachedPairs(ps []reached, one func(sponsorID int64)) {
	slices.SortFunc(ps, func(a, b reached) int {
		if c := cmp.Compare(a.sponsorID, b.sponsorID); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for i, p := range ps {
		if i == 0 || p != ps[i-1] {
			one(p.sponsorID)
		}
	}
}
