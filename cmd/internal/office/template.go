package office

import (
	"context"
	"fmt"
	"io"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// LetterTemplate reads the saved letter template (defaults until edited).
func LetterTemplate(ctx context.Context, st *data.Store) (report.LetterTemplate, error) {
	settings, err := st.Settings(ctx)
	if err != nil {
		return report.LetterTemplate{}, err
	}
	return report.LoadLetterTemplate(settings)
}

// SaveLetterTemplate checks t and saves it into the settings.
func SaveLetterTemplate(ctx context.Context, st *data.Store, t report.LetterTemplate) error {
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	if err := report.SaveLetterTemplate(&settings, t); err != nil {
		return err
	}
	return st.SaveSettings(ctx, settings)
}

// PreviewLetter writes, with template t (saved or not), the letter of the
// campaign's first donor to path, registering nothing; with no donor yet,
// a sample sponsor stands in.
func PreviewLetter(ctx context.Context, st *data.Store, c data.Campaign, t report.LetterTemplate, lang string, blank bool, path string) error {
	if err := t.Validate(); err != nil {
		return err
	}
	opt, err := LetterOptions(ctx, st, blank)
	if err != nil {
		return err
	}
	opt.Template = t
	if err := readImages(&opt); err != nil {
		return err
	}
	l := report.Letter{Number: 1, Lang: lang, IssuedOn: data.Day(st.Now()), Campaign: c,
		Sponsor: data.Sponsor{Kind: data.SponsorLegal, Name: "«Үлгі» ЖШС"}}
	donors, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, OnlyDonors: true})
	if err != nil {
		return err
	}
	if len(donors) > 0 {
		sp := donors[0]
		gifts, err := st.TraceGifts(ctx, c.ID, []int64{sp.ID})
		if err != nil {
			return err
		}
		l.Sponsor, l.Gift = sp.Sponsor, gifts[sp.ID]
		if sp.LetterNumber > 0 {
			l.Number = sp.LetterNumber
		}
	}
	return WriteFileAtomically(path, 0o600, func(w io.Writer) error {
		if err := report.WriteLetters(w, []report.Letter{l}, opt); err != nil {
			return fmt.Errorf("letter preview: %w", err)
		}
		return nil
	})
}
