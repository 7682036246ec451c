package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// Sponsor kinds.
const (
	SponsorLegal      = "legal"      // ЖШС, АҚ … (BIN)
	SponsorIE         = "ie"         // ЖК / ИП (IIN)
	SponsorIndividual = "individual" // a private person (IIN optional)
	SponsorPublicOrg  = "public_org" // қоғамдық бірлестік (BIN)
	SponsorState      = "state"      // a state body (BIN)
)

// SponsorKinds lists the sponsor kinds in display order.
var SponsorKinds = []string{SponsorLegal, SponsorIE, SponsorIndividual, SponsorPublicOrg, SponsorState}

// Sponsor gives money or goods to the campaign.
type Sponsor struct {
	ID   int64
	Kind string
	Name string
	// NameRU is the name in Russian documents; empty: Name, a proper name
	// that reads the same in both languages.
	NameRU        string
	BIN           string // BIN of an organisation, IIN of a person; may be empty for individuals
	HeadName      string // the organisation's head, for the letter's address
	HeadTitle     string
	ContactPerson string
	Phone         string
	Email         string
	Address       string
	// PublicConsent: an individual agreed to be named in public reports.
	PublicConsent bool
	Notes         string
	// Version goes up with each saved change; an update must carry the
	// version it loaded (optimistic locking). ChangedBy and ChangedAt say
	// who saved the current version and when.
	Version   int64
	ChangedBy string
	ChangedAt time.Time
}

// NameIn returns the sponsor's name in lang (kk or ru).
func (sp Sponsor) NameIn(lang string) string {
	if lang == "ru" && sp.NameRU != "" {
		return sp.NameRU
	}
	return sp.Name
}

// IsPerson tells whether the sponsor is a private person or an IE.
func (sp Sponsor) IsPerson() bool { return sp.Kind == SponsorIndividual || sp.Kind == SponsorIE }

func (sp *Sponsor) validate() error {
	sp.Name = strings.Join(strings.Fields(sp.Name), " ")
	sp.NameRU = strings.Join(strings.Fields(sp.NameRU), " ")
	if err := checkName("name", sp.Name); err != nil {
		return err
	}
	if sp.Name == "" {
		return invalid("name", "", "err.required")
	}
	known := false
	for _, k := range SponsorKinds {
		known = known || sp.Kind == k
	}
	if !known {
		return invalid("kind", sp.Kind, "err.sponsor.kind")
	}
	if strings.TrimSpace(sp.BIN) == "" {
		if sp.Kind != SponsorIndividual {
			return invalid("bin", "", "err.sponsor.bin_required")
		}
		sp.BIN = ""
	} else {
		n, err := parseID("bin", sp.BIN)
		if err != nil {
			return err
		}
		sp.BIN = n
	}
	if sp.Email = strings.TrimSpace(sp.Email); sp.Email != "" {
		if _, err := mail.ParseAddress(sp.Email); err != nil {
			return invalid("email", sp.Email, "err.email")
		}
	}
	return nil
}

// NormalizeSponsorName folds a sponsor's name for duplicate matching:
// lower case, no quotes, no legal-form words, single spaces.
func NormalizeSponsorName(name string) string {
	name = strings.ToLower(name)
	name = strings.NewReplacer("«", " ", "»", " ", "\"", " ", "“", " ", "”", " ", "'", " ").Replace(name)
	var words []string
	for _, w := range strings.Fields(name) {
		switch w {
		case "тоо", "жшс", "ао", "ақ", "ип", "жк", "llp", "ооо", "кгу", "мм", "ru", "ғу":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const sponsorColumns = `sp.id, sp.kind, sp.name, COALESCE(sp.bin, ''), sp.head_name, sp.head_title,
	sp.contact_person, sp.phone, sp.email, sp.address, sp.public_consent, sp.notes, sp.version, sp.changed_by,
	sp.changed_at, sp.name_ru`

// scanSponsor reads sponsorColumns and then any extra columns into extra.
func scanSponsor(sc interface{ Scan(...any) error }, extra ...any) (Sponsor, error) {
	var sp Sponsor
	var at string
	err := sc.Scan(append([]any{&sp.ID, &sp.Kind, &sp.Name, &sp.BIN, &sp.HeadName, &sp.HeadTitle,
		&sp.ContactPerson, &sp.Phone, &sp.Email, &sp.Address, &sp.PublicConsent, &sp.Notes, &sp.Version,
		&sp.ChangedBy, &at, &sp.NameRU}, extra...)...)
	sp.ChangedAt = parseStamp(at)
	return sp, err
}

// CreateSponsor validates and saves a new sponsor.
func (s *Store) CreateSponsor(ctx context.Context, sp *Sponsor) error {
	if err := sp.validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createSponsor(ctx, tx, sp) })
}

func (s *Store) createSponsor(ctx context.Context, tx *sql.Tx, sp *Sponsor) error {
	at, now := s.stamp()
	sp.Version, sp.ChangedBy, sp.ChangedAt = 1, s.actor, now
	err := s.insertRow(ctx, tx, &sp.ID, `INSERT INTO sponsors (kind, name, bin, head_name, head_title, contact_person,
		phone, email, address, public_consent, notes, version, changed_by, changed_at, name_ru)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sp.Kind, sp.Name, nullText(sp.BIN), sp.HeadName, sp.HeadTitle, sp.ContactPerson, sp.Phone, sp.Email,
		sp.Address, sp.PublicConsent, sp.Notes, sp.Version, sp.ChangedBy, at, sp.NameRU)
	if err != nil {
		return fmt.Errorf("create sponsor %q: %w", sp.Name, mapConstraint(err))
	}
	return s.audit(ctx, tx, "sponsors", sp.ID, "insert", nil, sp)
}

// UpdateSponsor validates and saves changes to a sponsor. sp.Version must
// be the version loaded: when someone saved the sponsor since, nothing is
// saved and the error is a *StaleError naming them. On success sp gets the
// new version.
func (s *Store) UpdateSponsor(ctx context.Context, sp *Sponsor) error {
	if err := sp.validate(); err != nil {
		return err
	}
	saved := *sp
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		*sp = saved // a retried transaction starts again from the caller's sponsor
		return s.updateSponsor(ctx, tx, sp)
	})
	if err != nil {
		*sp = saved
	}
	return err
}

// updateSponsor saves sp over the row of the version sp carries.
func (s *Store) updateSponsor(ctx context.Context, tx *sql.Tx, sp *Sponsor) error {
	old, err := scanSponsor(tx.QueryRowContext(ctx, `SELECT `+sponsorColumns+` FROM sponsors sp WHERE sp.id = ?`, sp.ID))
	if err != nil {
		return notFound(err, "sponsor", sp.ID)
	}
	return s.writeSponsor(ctx, tx, old, sp)
}

// writeSponsor saves sp over old if the row is still at the version sp
// carries.
func (s *Store) writeSponsor(ctx context.Context, tx *sql.Tx, old Sponsor, sp *Sponsor) error {
	at, now := s.stamp()
	res, err := tx.ExecContext(ctx, `UPDATE sponsors SET kind = ?, name = ?, bin = ?, head_name = ?,
		head_title = ?, contact_person = ?, phone = ?, email = ?, address = ?, public_consent = ?, notes = ?,
		name_ru = ?, version = version + 1, changed_by = ?, changed_at = ? WHERE id = ? AND version = ?`,
		sp.Kind, sp.Name, nullText(sp.BIN), sp.HeadName, sp.HeadTitle, sp.ContactPerson, sp.Phone, sp.Email,
		sp.Address, sp.PublicConsent, sp.Notes, sp.NameRU, s.actor, at, sp.ID, sp.Version)
	if err != nil {
		return fmt.Errorf("update sponsor %q: %w", sp.Name, mapConstraint(err))
	}
	if err := s.updated(ctx, tx, res, "sponsors", sp.ID, now, versioned{&sp.Version, &sp.ChangedBy, &sp.ChangedAt}); err != nil {
		return err
	}
	return s.audit(ctx, tx, "sponsors", sp.ID, "update", old, sp)
}

// DeleteSponsor removes a sponsor with no donations and no letters.
func (s *Store) DeleteSponsor(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanSponsor(tx.QueryRowContext(ctx, `SELECT `+sponsorColumns+` FROM sponsors sp WHERE sp.id = ?`, id))
		if err != nil {
			return notFound(err, "sponsor", id)
		}
		return s.deleteRow(ctx, tx, "sponsors", id, old)
	})
}

// FindSponsorByID returns a sponsor, or ErrNotFound.
func (s *Store) FindSponsorByID(ctx context.Context, id int64) (Sponsor, error) {
	sp, err := scanSponsor(s.db.QueryRowContext(ctx, `SELECT `+sponsorColumns+` FROM sponsors sp WHERE sp.id = ?`, id))
	if err != nil {
		return sp, notFound(err, "sponsor", id)
	}
	return sp, nil
}

// SponsorFilter narrows a list of sponsors.
type SponsorFilter struct {
	Query string // part of the name or BIN
	// CampaignID computes the totals of that campaign; with OnlyDonors only
	// the sponsors who gave in it are listed.
	CampaignID int64
	OnlyDonors bool
	// Unthanked keeps the donors of CampaignID who have no letter yet.
	Unthanked bool
	IDs       []int64
}

// SponsorRow is a sponsor with its totals in a campaign.
type SponsorRow struct {
	Sponsor
	Donations    int
	MoneyTenge   int64
	InKindItems  int64
	InKindTenge  int64
	LetterNumber int // 0: no letter issued in the campaign
}

// FindSponsorNames lists every sponsor without a campaign's totals, in the
// store's order of names: what a picker needs, without FindSponsors'
// reading of the campaign's donations and letters.
func (s *Store) FindSponsorNames(ctx context.Context) ([]Sponsor, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+sponsorColumns+` FROM sponsors sp ORDER BY lower(sp.name), sp.id`)
	if err != nil {
		return nil, fmt.Errorf("find sponsor names: %w", err)
	}
	defer rows.Close()
	var out []Sponsor
	for rows.Next() {
		sp, err := scanSponsor(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// FindSponsors lists sponsors with their campaign totals, by name.
func (s *Store) FindSponsors(ctx context.Context, f SponsorFilter) ([]SponsorRow, error) {
	where, args := []string{"1 = 1"}, []any{f.CampaignID, f.CampaignID}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, "(sp.name LIKE ? ESCAPE '\\' OR sp.bin LIKE ? ESCAPE '\\')")
		args = append(args, "%"+escapeLike(q)+"%", escapeLike(NormalizeID(q))+"%")
	}
	if f.OnlyDonors || f.Unthanked {
		where = append(where, "t.n > 0")
	}
	if f.Unthanked {
		where = append(where, "l.number IS NULL")
	}
	if len(f.IDs) > 0 {
		where = append(where, "sp.id IN ("+marks(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	rows, err := s.db.QueryContext(ctx, `WITH t AS (
			SELECT d.sponsor_id, count(*) AS n, sum(d.money_tenge) AS money,
				COALESCE(sum((SELECT sum(quantity) FROM donation_items WHERE donation_id = d.id)), 0) AS items,
				COALESCE(sum((SELECT sum(quantity * unit_value_tenge) FROM donation_items WHERE donation_id = d.id)), 0) AS value
			FROM donations d WHERE d.campaign_id = ? GROUP BY d.sponsor_id)
		SELECT `+sponsorColumns+`, COALESCE(t.n, 0), COALESCE(t.money, 0), COALESCE(t.items, 0),
			COALESCE(t.value, 0), COALESCE(l.number, 0)
		FROM sponsors sp LEFT JOIN t ON t.sponsor_id = sp.id
		LEFT JOIN letters l ON l.sponsor_id = sp.id AND l.campaign_id = ?
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY lower(sp.name), sp.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find sponsors: %w", err)
	}
	defer rows.Close()
	var out []SponsorRow
	for rows.Next() {
		var r SponsorRow
		var err error
		r.Sponsor, err = scanSponsor(rows, &r.Donations, &r.MoneyTenge, &r.InKindItems, &r.InKindTenge, &r.LetterNumber)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
