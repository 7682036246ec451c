package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// SponsorImport is one row of the accountant's list: a sponsor and, when
// the list has amounts, the donation it made (SponsorID is filled in).
type SponsorImport struct {
	Sponsor  Sponsor
	Donation *Donation
	// DonationAdded is set by ImportSponsors: the donation is new (a
	// preview's would be), not one already saved.
	DonationAdded bool
}

// ImportSponsors saves the accountant's list of sponsors and their
// donations in one transaction: all or nothing. A sponsor is matched by
// BIN, or else by its normalised name (NormalizeSponsorName); a match is
// merged: the list's non-empty fields replace the saved ones, the saved name
// stays. A donation of the same sponsor, campaign, day and amount as a saved
// one is that one. So importing the same list again changes nothing. It
// returns each row's outcome, in order: new when a sponsor or a donation is
// added; with DryRun it writes nothing.
func (s *Store) ImportSponsors(ctx context.Context, rows []SponsorImport, opt ImportOptions) ([]ImportOutcome, error) {
	for i := range rows {
		if err := rows[i].Sponsor.validate(); err != nil {
			return nil, fmt.Errorf("sponsor %d of %d: %w", i+1, len(rows), err)
		}
	}
	for i := range opt.NewItems {
		if err := opt.NewItems[i].validate(); err != nil {
			return nil, fmt.Errorf("new item %d of %d: %w", i+1, len(opt.NewItems), err)
		}
	}
	if len(opt.NewItems) > 0 && !opt.DryRun {
		if err := s.require(RoleAdmin); err != nil {
			return nil, fmt.Errorf("add imported items: %w", err)
		}
	}
	out := make([]ImportOutcome, len(rows))
	valid := slices.Clone(rows)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		copy(rows, valid) // a retried run starts from the rows as given
		idx, err := loadSponsorIndex(ctx, tx)
		if err != nil {
			return err
		}
		newIDs, err := s.importItems(ctx, tx, opt.NewItems, opt.DryRun)
		if err != nil {
			return err
		}
		for i := range rows {
			if out[i], err = s.importSponsor(ctx, tx, idx, &rows[i], newIDs, opt.DryRun); err != nil {
				return err
			}
			if opt.Progress != nil {
				opt.Progress(i+1, len(rows))
			}
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if err == errDryRun {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Store) importSponsor(ctx context.Context, tx *sql.Tx, idx *sponsorIndex, r *SponsorImport, newIDs []int64, dryRun bool) (ImportOutcome, error) {
	sp := &r.Sponsor
	old, found := idx.match(*sp)
	outcome := ImportUnchanged
	switch {
	case !found:
		outcome = ImportNew
		if !dryRun {
			if err := s.createSponsor(ctx, tx, sp); err != nil {
				return "", err
			}
		}
	default:
		*sp = mergedSponsor(old, *sp)
		if *sp != old {
			outcome = ImportUpdated
			if err := s.updateImportedSponsor(ctx, tx, old, sp, dryRun); err != nil {
				return "", err
			}
		}
	}
	idx.add(*sp)
	if r.Donation == nil {
		return outcome, nil
	}
	// The lines are resolved on a copy: a retried transaction starts again
	// from the list's own lines.
	d := *r.Donation
	d.SponsorID = sp.ID
	d.Items = resolveItems(r.Donation.Items, newIDs)
	if err := d.validate(); err != nil && !(dryRun && (d.SponsorID == 0 || unresolved(d.Items))) {
		return "", err
	}
	id, err := findSameDonation(ctx, tx, d)
	switch {
	case err != nil:
		return "", fmt.Errorf("match donation of %q: %w", sp.Name, err)
	case id != 0:
		r.Donation.ID, r.DonationAdded = id, false
		return outcome, nil
	}
	if !dryRun {
		if err := s.createDonation(ctx, tx, &d); err != nil {
			return "", err
		}
	}
	r.Donation.ID, r.DonationAdded = d.ID, true
	return ImportNew, nil
}

// updateImportedSponsor saves the merged sponsor sp over old, loaded in the
// same transaction; sp gets the new version.
func (s *Store) updateImportedSponsor(ctx context.Context, tx *sql.Tx, old Sponsor, sp *Sponsor, dryRun bool) error {
	if dryRun {
		return nil
	}
	return s.writeSponsor(ctx, tx, old, sp)
}

// sponsorIndex finds saved sponsors by BIN and by normalised name.
type sponsorIndex struct {
	byBIN  map[string]Sponsor
	byName map[string]Sponsor
}

func loadSponsorIndex(ctx context.Context, tx *sql.Tx) (*sponsorIndex, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+sponsorColumns+` FROM sponsors sp ORDER BY sp.id`)
	if err != nil {
		return nil, fmt.Errorf("load sponsors: %w", err)
	}
	defer rows.Close()
	idx := &sponsorIndex{byBIN: map[string]Sponsor{}, byName: map[string]Sponsor{}}
	for rows.Next() {
		sp, err := scanSponsor(rows)
		if err != nil {
			return nil, err
		}
		idx.add(sp)
	}
	return idx, rows.Err()
}

func (idx *sponsorIndex) add(sp Sponsor) {
	if sp.BIN != "" {
		idx.byBIN[sp.BIN] = sp
	}
	if n := NormalizeSponsorName(sp.Name); n != "" {
		// The first sponsor saved under a name keeps it.
		if _, ok := idx.byName[n]; !ok || idx.byName[n].ID == sp.ID {
			idx.byName[n] = sp
		}
	}
}

// match finds the saved sponsor sp stands for: the same BIN, or the same
// name where one of the two has no BIN.
func (idx *sponsorIndex) match(sp Sponsor) (Sponsor, bool) {
	if sp.BIN != "" {
		if old, ok := idx.byBIN[sp.BIN]; ok {
			return old, true
		}
	}
	old, ok := idx.byName[NormalizeSponsorName(sp.Name)]
	if !ok || (sp.BIN != "" && old.BIN != "" && old.BIN != sp.BIN) {
		return Sponsor{}, false
	}
	return old, true
}

// mergedSponsor lays the imported sponsor's non-empty fields over the saved
// one. The saved name stays: it is the one the office checked for letters,
// and a list spells it its own way («ТОО Нур» for «"Нұр" ЖШС»).
func mergedSponsor(old, in Sponsor) Sponsor {
	m := old
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&m.BIN, in.BIN}, {&m.NameRU, in.NameRU}, {&m.HeadName, in.HeadName}, {&m.HeadTitle, in.HeadTitle},
		{&m.ContactPerson, in.ContactPerson}, {&m.Phone, in.Phone}, {&m.Email, in.Email},
		{&m.Address, in.Address}, {&m.Notes, in.Notes},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	// An importer that could not tell the kind says individual; a saved
	// kind is better knowledge then.
	if in.Kind != "" && in.Kind != SponsorIndividual {
		m.Kind = in.Kind
	}
	m.PublicConsent = old.PublicConsent || in.PublicConsent
	return m
}
