package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Donation is what a sponsor gave in a campaign: money, goods, or both.
type Donation struct {
	ID         int64
	SponsorID  int64
	CampaignID int64
	DonatedOn  time.Time
	MoneyTenge int64
	Notes      string
	Items      []DonationItem
	// Version, ChangedBy, ChangedAt: see Sponsor.
	Version   int64
	ChangedBy string
	ChangedAt time.Time
}

// DonationItem is one in-kind line of a donation.
type DonationItem struct {
	ItemID         int64
	Size           string
	Quantity       int64
	UnitValueTenge int64
}

// ValueTenge is the money plus the estimated value of the goods.
func (d Donation) ValueTenge() int64 {
	v := d.MoneyTenge
	for _, it := range d.Items {
		v += it.Quantity * it.UnitValueTenge
	}
	return v
}

func (d *Donation) validate() error {
	switch {
	case d.SponsorID == 0:
		return invalid("sponsor", "", "err.required")
	case d.CampaignID == 0:
		return invalid("campaign", "", "err.required")
	case d.DonatedOn.IsZero():
		return invalid("donated_on", "", "err.required")
	case d.MoneyTenge < 0:
		return invalid("money_tenge", fmt.Sprint(d.MoneyTenge), "err.amount.negative")
	case d.MoneyTenge > MaxDonationTenge:
		return invalid("money_tenge", fmt.Sprint(d.MoneyTenge), "err.amount.too_big")
	case d.MoneyTenge == 0 && len(d.Items) == 0:
		return invalid("money_tenge", "0", "err.donation.empty")
	}
	for i := range d.Items {
		it := &d.Items[i]
		it.Size = strings.TrimSpace(it.Size)
		if it.ItemID == 0 {
			return invalid(fmt.Sprintf("items[%d].item", i+1), "", "err.required")
		}
		if it.Quantity <= 0 || it.Quantity > MaxQuantity {
			return invalid(fmt.Sprintf("items[%d].quantity", i+1), fmt.Sprint(it.Quantity), "err.quantity")
		}
		if it.UnitValueTenge < 0 {
			return invalid(fmt.Sprintf("items[%d].unit_value", i+1), fmt.Sprint(it.UnitValueTenge), "err.amount.negative")
		}
		if it.UnitValueTenge > MaxDonationTenge/int64(it.Quantity) {
			return invalid(fmt.Sprintf("items[%d].unit_value", i+1), fmt.Sprint(it.UnitValueTenge), "err.amount.too_big")
		}
	}
	return nil
}

// CreateDonation validates and saves a donation with its in-kind lines.
func (s *Store) CreateDonation(ctx context.Context, d *Donation) error {
	if err := d.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createDonation(ctx, tx, d) })
}

func (s *Store) createDonation(ctx context.Context, tx *sql.Tx, d *Donation) error {
	at, now := s.stamp()
	d.Version, d.ChangedBy, d.ChangedAt = 1, s.actor, now
	err := s.insertRow(ctx, tx, &d.ID, `INSERT INTO donations (sponsor_id, campaign_id, donated_on, money_tenge, notes,
		version, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, d.SponsorID, d.CampaignID,
		dateText(d.DonatedOn), d.MoneyTenge, d.Notes, d.Version, d.ChangedBy, at)
	if err != nil {
		return fmt.Errorf("create donation of sponsor #%d: %w", d.SponsorID, mapConstraint(err))
	}
	if err := saveDonationItems(ctx, tx, d); err != nil {
		return err
	}
	return s.audit(ctx, tx, "donations", d.ID, "insert", nil, d)
}

func saveDonationItems(ctx context.Context, tx *sql.Tx, d *Donation) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM donation_items WHERE donation_id = ?`, d.ID); err != nil {
		return err
	}
	for _, it := range d.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO donation_items (donation_id, item_id, size, quantity,
			unit_value_tenge) VALUES (?, ?, ?, ?, ?)`, d.ID, it.ItemID, it.Size, it.Quantity, it.UnitValueTenge); err != nil {
			return fmt.Errorf("save in-kind line of donation #%d: %w", d.ID, mapConstraint(err))
		}
	}
	return nil
}

// UpdateDonation saves changes to a donation, its lines included.
// d.Version must be the version loaded (see UpdateSponsor).
func (s *Store) UpdateDonation(ctx context.Context, d *Donation) error {
	if err := d.validate(); err != nil {
		return err
	}
	saved := *d
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		*d = saved // a retried transaction starts again from the caller's donation
		return s.updateDonation(ctx, tx, d)
	})
	if err != nil {
		*d = saved
	}
	return err
}

func (s *Store) updateDonation(ctx context.Context, tx *sql.Tx, d *Donation) error {
	old, err := findDonation(ctx, tx, d.ID)
	if err != nil {
		return err
	}
	at, now := s.stamp()
	res, err := tx.ExecContext(ctx, `UPDATE donations SET sponsor_id = ?, campaign_id = ?, donated_on = ?,
		money_tenge = ?, notes = ?, version = version + 1, changed_by = ?, changed_at = ? WHERE id = ? AND version = ?`,
		d.SponsorID, d.CampaignID, dateText(d.DonatedOn), d.MoneyTenge, d.Notes, s.actor, at, d.ID, d.Version)
	if err != nil {
		return fmt.Errorf("update donation #%d: %w", d.ID, mapConstraint(err))
	}
	if err := s.updated(ctx, tx, res, "donations", d.ID, now, versioned{&d.Version, &d.ChangedBy, &d.ChangedAt}); err != nil {
		return err
	}
	if err := saveDonationItems(ctx, tx, d); err != nil {
		return err
	}
	return s.audit(ctx, tx, "donations", d.ID, "update", old, d)
}

// DeleteDonation removes a donation and its lines.
func (s *Store) DeleteDonation(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := findDonation(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.deleteRow(ctx, tx, "donations", id, old)
	})
}

// FindDonationByID returns a donation with its lines, or ErrNotFound.
func (s *Store) FindDonationByID(ctx context.Context, id int64) (Donation, error) {
	return findDonation(ctx, s.db, id)
}

func findDonation(ctx context.Context, q queryer, id int64) (Donation, error) {
	ds, err := findDonations(ctx, q, "d.id = ?", id)
	if err != nil {
		return Donation{}, err
	}
	if len(ds) == 0 {
		return Donation{}, fmt.Errorf("donation #%d: %w", id, ErrNotFound)
	}
	return ds[0], nil
}

// DonationFilter narrows a list of donations.
type DonationFilter struct {
	CampaignID int64
	SponsorID  int64
}

// FindDonations returns donations with their lines, newest first.
func (s *Store) FindDonations(ctx context.Context, f DonationFilter) ([]Donation, error) {
	where, args := f.where()
	return findDonations(ctx, s.db, where, args...)
}

func (f DonationFilter) where() (string, []any) {
	where, args := []string{"1 = 1"}, []any{}
	if f.CampaignID != 0 {
		where, args = append(where, "d.campaign_id = ?"), append(args, f.CampaignID)
	}
	if f.SponsorID != 0 {
		where, args = append(where, "d.sponsor_id = ?"), append(args, f.SponsorID)
	}
	return strings.Join(where, " AND "), args
}

func findDonations(ctx context.Context, q queryer, where string, args ...any) ([]Donation, error) {
	return findDonationsIn(ctx, q, "donations d WHERE "+where, args...)
}

// findDonationsIn reads the donations of from (a FROM clause naming them
// d, with its WHERE) with their lines, newest first.
func findDonationsIn(ctx context.Context, q queryer, from string, args ...any) ([]Donation, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.sponsor_id, d.campaign_id, d.donated_on, d.money_tenge, d.notes,
		d.version, d.changed_by, d.changed_at, i.item_id, i.size, i.quantity, i.unit_value_tenge
		FROM (SELECT d.* FROM `+from+`) d LEFT JOIN donation_items i ON i.donation_id = d.id
		ORDER BY d.donated_on DESC, d.id DESC, i.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find donations: %w", err)
	}
	defer rows.Close()
	var out []Donation
	for rows.Next() {
		var d Donation
		var on, at string
		var itemID, qty, value sql.NullInt64
		var size sql.NullString
		if err := rows.Scan(&d.ID, &d.SponsorID, &d.CampaignID, &on, &d.MoneyTenge, &d.Notes,
			&d.Version, &d.ChangedBy, &at, &itemID, &size, &qty, &value); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != d.ID {
			d.DonatedOn, d.ChangedAt = parseDate(on), parseStamp(at)
			out = append(out, d)
		}
		if itemID.Valid {
			last := &out[len(out)-1]
			last.Items = append(last.Items, DonationItem{itemID.Int64, size.String, qty.Int64, value.Int64})
		}
	}
	return out, rows.Err()
}
