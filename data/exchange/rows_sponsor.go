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
	d := p.donation(r, fail)

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
	for code, dst := range map[string]*string{"head_name": &sp.HeadName, "head_title": &sp.HeadTitle,
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

// donation reads the row's amount and date; the campaign is the one asked
// for, else the one whose period holds the date.
func (p *rowParser) donation(r Row, fail func(code, key string)) *data.Donation {
	text, _ := p.cell(r, "amount")
	if text == "" {
		return nil
	}
	amount, err := ParseAmount(text)
	if err != nil {
		fail("amount", KeyAmount)
		return nil
	}
	if amount == 0 {
		return nil
	}
	d := &data.Donation{MoneyTenge: amount, CampaignID: p.campaign.ID, DonatedOn: p.today}
	if v, _ := p.cell(r, "date"); v != "" {
		if d.DonatedOn, err = ParseDate(v); err != nil {
			fail("date", KeyDate)
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
		fail("date", KeyCampaign)
		return nil
	}
	return d
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
