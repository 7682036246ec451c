package exchange

import (
	"errors"
	"strings"

	"github.com/mektepkezhol/app/data"
)

// sponsor reads one row of the accountant's list: the sponsor and, when
// the row has an amount, its donation.
func (p *rowParser) sponsor(r Row) (data.Sponsor, *data.Donation, []Problem) {
	var sp data.Sponsor
	rc := &rowCheck{p: p, r: r}
	fail := rc.fail
	d := p.donation(r, rc)

	sp.Name, _ = p.cell(r, "name")
	sp.Name = strings.Join(strings.Fields(sp.Name), " ")
	if sp.Name == "" {
		fail("name", KeyRequired)
	}
	if v, _ := p.cell(r, "bin"); v != "" {
		n, err := NormalizeIIN(v)
		if err != nil {
			key := "err.bin.digits"
			if errKey(err) == KeyIINChecksum {
				key = "err.bin.sum"
			}
			fail("bin", key)
		}
		sp.BIN = n
	}
	kindText, kindMapped := p.cell(r, "kind")
	sp.Kind = sponsorKind(kindText, sp.Name, sp.BIN)
	if kindMapped && kindText != "" && sponsorKindWord(kindText) == "" {
		fail("kind", KeySponsorKind)
	}
	for code, dst := range map[string]*string{"name_ru": &sp.NameRU, "head_name": &sp.HeadName, "head_title": &sp.HeadTitle,
		"contact_person": &sp.ContactPerson, "email": &sp.Email, "address": &sp.Address, "notes": &sp.Notes} {
		if v, _ := p.cell(r, code); v != "" {
			*dst = strings.Join(strings.Fields(v), " ")
		}
	}
	if v, _ := p.cell(r, "phone"); v != "" {
		var ok bool
		if sp.Phone, ok = NormalizePhone(v); !ok {
			rc.warn("phone", KeyPhone)
		}
	}
	if hasError(rc.probs) {
		return sp, d, rc.probs
	}
	if err := sp.Validate(); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			fail(ve.Field, ve.Key)
		} else {
			fail("name", err.Error())
		}
	}
	return sp, d, rc.probs
}

// donation reads the row's amount, in-kind gift, its value and date; the
// campaign is the one asked for, else the one whose period holds the date.
// A row with neither money nor a gift has no donation.
func (p *rowParser) donation(r Row, rc *rowCheck) *data.Donation {
	d := &data.Donation{CampaignID: p.campaign.ID, DonatedOn: p.today}
	ok := true
	if text, _ := p.cell(r, "amount"); text != "" {
		amount, err := ParseAmount(text)
		if err != nil {
			rc.fail("amount", KeyAmount)
			ok = false
		}
		d.MoneyTenge = amount
	}
	if text, _ := p.cell(r, "in_kind"); text != "" {
		var good bool
		d.Items, good = p.gift(r, text, rc)
		ok = ok && good
	}
	if text, _ := p.cell(r, "in_kind_value"); text != "" && ok {
		ok = p.giftValue(text, d.Items, rc)
	}
	if !ok || (d.MoneyTenge == 0 && len(d.Items) == 0) {
		return nil
	}
	if v, _ := p.cell(r, "date"); v != "" {
		var err error
		if d.DonatedOn, err = ParseDate(v); err != nil {
			rc.fail("date", KeyDate)
			return nil
		}
	}
	d.DonatedOn = data.Day(d.DonatedOn)
	if d.CampaignID == 0 {
		for _, c := range p.campaigns {
			if !d.DonatedOn.Before(c.StartsOn) && !d.DonatedOn.After(c.EndsOn) {
				d.CampaignID = c.ID
			}
		}
	}
	if d.CampaignID == 0 {
		rc.fail("date", KeyCampaign)
		return nil
	}
	return d
}

// gift reads an in-kind cell into donation lines, each item found in the
// catalogue by its kk or ru name; an item the catalogue lacks is a problem
// naming it, unless the import adds items (Options.AddItems).
func (p *rowParser) gift(r Row, text string, rc *rowCheck) ([]data.DonationItem, bool) {
	var lines []data.DonationItem
	ok := true
	for _, part := range splitGift(text) {
		g := parseGiftLine(part)
		switch {
		case g.qty <= 0:
			rc.probs = append(rc.probs, p.problem(r, "in_kind", KeyGiftQuantity, false, part))
			ok = false
			continue
		case g.name == "":
			rc.probs = append(rc.probs, p.problem(r, "in_kind", KeyGiftItem, false, part))
			ok = false
			continue
		}
		id, found := p.itemID(g)
		if !found {
			rc.probs = append(rc.probs, p.problem(r, "in_kind", KeyUnknownItem, false, g.name))
			ok = false
			continue
		}
		lines = append(lines, data.DonationItem{ItemID: id, Quantity: g.qty})
	}
	return lines, ok
}

// itemID finds a gift's item in the catalogue or, with AddItems, among
// the items the import adds (negative ids, see data.ImportOptions).
func (p *rowParser) itemID(g giftLine) (int64, bool) {
	if it, ok := p.items.match(g.name); ok {
		return it.ID, true
	}
	if !p.addItems {
		return 0, false
	}
	it := newGiftItem(g)
	for i, n := range p.newItems {
		if n.Code == it.Code {
			return -int64(i + 1), true
		}
	}
	p.newItems = append(p.newItems, it)
	return -int64(len(p.newItems)), true
}

// giftValue spreads the fair value of the row's gift over its units; a
// value without a gift is a problem, not a silent zero.
func (p *rowParser) giftValue(text string, lines []data.DonationItem, rc *rowCheck) bool {
	value, err := ParseAmount(text)
	if err != nil {
		rc.fail("in_kind_value", KeyAmount)
		return false
	}
	var units int64
	for _, l := range lines {
		units += l.Quantity
	}
	if units == 0 {
		if value != 0 {
			rc.fail("in_kind_value", KeyGiftValueAlone)
			return false
		}
		return true
	}
	unit := (value + units/2) / units
	for i := range lines {
		lines[i].UnitValueTenge = unit
	}
	if unit*units != value {
		// Values are kept per unit, in whole tenge: say what is saved.
		rc.probs = append(rc.probs, p.problem(rc.r, "in_kind_value", KeyGiftValueRounded, true, units,
			data.FormatNumber(unit), data.FormatNumber(unit*units)))
	}
	return true
}

// sponsorKindWord reads a kind column: «ТОО», «ИП», «физ. лицо», «ҚБ» …
func sponsorKindWord(s string) string {
	k := headerKey(s)
	switch {
	case k == "":
		return ""
	}
	for _, known := range data.SponsorKinds {
		if strings.ReplaceAll(k, " ", "_") == known {
			return known
		}
	}
	for _, w := range []struct{ kind, words string }{
		{data.SponsorIE, "ип жк индивидуальный предприниматель жеке кәсіпкер"},
		{data.SponsorIndividual, "физ лицо физическое лицо жеке тұлға частное лицо физлицо"},
		{data.SponsorPublicOrg, "оо қб общественное объединение қоғамдық бірлестік фонд қор"},
		{data.SponsorState, "гу кгу ргп кгп мм ғу мкк государственный орган мемлекеттік орган мемлекеттік"},
		{data.SponsorLegal, "тоо жшс ао ақ ооо юр лицо юридическое лицо заңды тұлға компания"},
	} {
		if strings.Contains(" "+w.words+" ", " "+k+" ") || strings.HasPrefix(k, strings.Fields(w.words)[0]+" ") {
			return w.kind
		}
	}
	return ""
}

// sponsorKind takes the kind column, else guesses from the legal-form
// word in the name, else from the BIN: an organisation with one, a person
// without.
func sponsorKind(kindText, name, bin string) string {
	if k := sponsorKindWord(kindText); k != "" {
		return k
	}
	for _, w := range strings.Fields(headerKey(name)) {
		switch w {
		case "ип", "жк":
			return data.SponsorIE
		case "тоо", "жшс", "ао", "ақ", "ооо":
			return data.SponsorLegal
		case "кгу", "гу", "мм", "ғу", "кгп", "ркп", "мкк":
			return data.SponsorState
		case "оо", "қб", "фонд", "қоры":
			return data.SponsorPublicOrg
		}
	}
	if bin != "" {
		return data.SponsorLegal
	}
	return data.SponsorIndividual
}
