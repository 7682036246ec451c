package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// AidItem is a kind of goods in the catalogue (school uniform, backpack …).
type AidItem struct {
	ID     int64
	Code   string
	NameKK string
	NameRU string
	UnitKK string
	UnitRU string
	// UnitRUFew and UnitRUMany are the Russian unit after 2–4 and after 5–20
	// (2 пары, 5 пар); empty ones fall back to the documents' noun table.
	// Kazakh keeps the singular after a number, so UnitKK serves them all.
	UnitRUFew  string
	UnitRUMany string
	Sized      bool // sizes matter (uniforms, shoes)
}

// Name returns the item's name in lang (kk or ru).
func (a AidItem) Name(lang string) string {
	if lang == "ru" {
		return a.NameRU
	}
	return a.NameKK
}

// Unit returns the item's unit in lang (kk or ru).
func (a AidItem) Unit(lang string) string {
	if lang == "ru" {
		return a.UnitRU
	}
	return a.UnitKK
}

func (a *AidItem) validate() error {
	a.Code, a.NameKK, a.NameRU = strings.TrimSpace(a.Code), strings.TrimSpace(a.NameKK), strings.TrimSpace(a.NameRU)
	switch {
	case a.Code == "":
		return invalid("code", "", "err.required")
	case a.NameKK == "":
		return invalid("name_kk", "", "err.required")
	case strings.TrimSpace(a.UnitKK) == "":
		return invalid("unit_kk", "", "err.required")
	}
	if a.NameRU == "" {
		a.NameRU = a.NameKK
	}
	if a.UnitRU == "" {
		a.UnitRU = a.UnitKK
	}
	a.UnitRUFew, a.UnitRUMany = strings.TrimSpace(a.UnitRUFew), strings.TrimSpace(a.UnitRUMany)
	return nil
}

const itemColumns = `id, code, name_kk, name_ru, unit_kk, unit_ru, unit_ru_few, unit_ru_many, sized`

// FindAidItems returns the catalogue in its order.
func (s *Store) FindAidItems(ctx context.Context) ([]AidItem, error) {
	return findAidItems(ctx, s.db)
}

func findAidItems(ctx context.Context, q queryer) ([]AidItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+itemColumns+` FROM aid_items ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("find aid items: %w", err)
	}
	defer rows.Close()
	var out []AidItem
	for rows.Next() {
		var a AidItem
		if err := rows.Scan(&a.ID, &a.Code, &a.NameKK, &a.NameRU, &a.UnitKK, &a.UnitRU, &a.UnitRUFew, &a.UnitRUMany,
			&a.Sized); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CreateAidItem adds an item to the catalogue.
func (s *Store) CreateAidItem(ctx context.Context, a *AidItem) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("create aid item: %w", err)
	}
	if err := a.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		err := s.insertRow(ctx, tx, &a.ID, `INSERT INTO aid_items (code, name_kk, name_ru, unit_kk, unit_ru,
			unit_ru_few, unit_ru_many, sized) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Code, a.NameKK, a.NameRU, a.UnitKK, a.UnitRU, a.UnitRUFew, a.UnitRUMany, a.Sized)
		if err != nil {
			return fmt.Errorf("create aid item %q: %w", a.Code, mapConstraint(err))
		}
		return s.audit(ctx, tx, "aid_items", a.ID, "insert", nil, a)
	})
}

// UpdateAidItem saves changes to a catalogue item.
func (s *Store) UpdateAidItem(ctx context.Context, a *AidItem) error {
	if err := s.require(RoleAdmin); err != nil {
		return fmt.Errorf("update aid item: %w", err)
	}
	if err := a.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE aid_items SET code = ?, name_kk = ?, name_ru = ?, unit_kk = ?,
			unit_ru = ?, unit_ru_few = ?, unit_ru_many = ?, sized = ? WHERE id = ?`,
			a.Code, a.NameKK, a.NameRU, a.UnitKK, a.UnitRU, a.UnitRUFew, a.UnitRUMany, a.Sized, a.ID)
		if err != nil {
			return fmt.Errorf("update aid item %q: %w", a.Code, mapConstraint(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("aid item #%d: %w", a.ID, ErrNotFound)
		}
		return s.audit(ctx, tx, "aid_items", a.ID, "update", nil, a)
	})
}

// Purchase is goods the office bought with the money raised.
type Purchase struct {
	ID             int64
	CampaignID     int64
	ItemID         int64
	Size           string
	Quantity       int64
	UnitPriceTenge int64
	PurchasedOn    time.Time
	Notes          string
}

// CreatePurchase records bought goods, which add to the stock.
func (s *Store) CreatePurchase(ctx context.Context, p *Purchase) error {
	switch {
	case p.CampaignID == 0:
		return invalid("campaign", "", "err.required")
	case p.ItemID == 0:
		return invalid("item", "", "err.required")
	case p.Quantity <= 0:
		return invalid("quantity", fmt.Sprint(p.Quantity), "err.quantity")
	case p.UnitPriceTenge < 0:
		return invalid("unit_price", fmt.Sprint(p.UnitPriceTenge), "err.amount.negative")
	case p.PurchasedOn.IsZero():
		return invalid("purchased_on", "", "err.required")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createPurchase(ctx, tx, p) })
}

func (s *Store) createPurchase(ctx context.Context, tx *sql.Tx, p *Purchase) error {
	err := s.insertRow(ctx, tx, &p.ID, `INSERT INTO purchases (campaign_id, item_id, size, quantity, unit_price_tenge,
		purchased_on, notes) VALUES (?, ?, ?, ?, ?, ?, ?)`, p.CampaignID, p.ItemID, p.Size, p.Quantity,
		p.UnitPriceTenge, dateText(p.PurchasedOn), p.Notes)
	if err != nil {
		return fmt.Errorf("create purchase: %w", mapConstraint(err))
	}
	return s.audit(ctx, tx, "purchases", p.ID, "insert", nil, p)
}

// StockLine is an item's stock in a campaign:
// donated + purchased − distributed. It is always computed, never stored.
type StockLine struct {
	Item        AidItem
	Donated     int64
	Purchased   int64
	Distributed int64
}

// Left is what remains in the store room.
func (l StockLine) Left() int64 { return l.Donated + l.Purchased - l.Distributed }

// Stock returns every catalogue item's stock in a campaign. What was
// distributed comes from the tally the triggers keep (tally.go).
func (s *Store) Stock(ctx context.Context, campaignID int64) ([]StockLine, error) {
	return s.stock(ctx, s.db, campaignID)
}

// tallyDistributed is the quantity of aid item a distributed in the
// campaign ?1, as stock's column.
const tallyDistributed = `COALESCE((SELECT CAST(sum(quantity) AS BIGINT) FROM tally_given
	WHERE campaign_id = ?1 AND item_id = a.id), 0)`

func (s *Store) stock(ctx context.Context, q queryer, campaignID int64) ([]StockLine, error) {
	return stockLines(ctx, q, campaignID, tallyDistributed)
}

// stockLines computes the stock with distributed, the column of what was
// distributed of aid item a in the campaign ?1.
func stockLines(ctx context.Context, q queryer, campaignID int64, distributed string) ([]StockLine, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.code, a.name_kk, a.name_ru, a.unit_kk, a.unit_ru, a.unit_ru_few, a.unit_ru_many, a.sized,
		COALESCE(dn.quantity, 0),
		COALESCE((SELECT sum(quantity) FROM purchases WHERE campaign_id = ?1 AND item_id = a.id), 0),
		`+distributed+`
		FROM aid_items a LEFT JOIN (SELECT i.item_id, sum(i.quantity) AS quantity
			FROM donation_items i JOIN donations d ON d.id = i.donation_id
			WHERE d.campaign_id = ?1 GROUP BY i.item_id) dn ON dn.item_id = a.id
		ORDER BY a.id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("compute stock: %w", err)
	}
	defer rows.Close()
	var out []StockLine
	for rows.Next() {
		var l StockLine
		a := &l.Item
		if err := rows.Scan(&a.ID, &a.Code, &a.NameKK, &a.NameRU, &a.UnitKK, &a.UnitRU, &a.UnitRUFew, &a.UnitRUMany,
			&a.Sized, &l.Donated, &l.Purchased, &l.Distributed); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
