package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

func validationKey(err error) string {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return ve.Key
	}
	return ""
}

// TestAbsurdValues: what once was stored (10^15 ₸, a NUL in a name, a
// 512k-character surname, a child born in 2173) is refused.
func TestAbsurdValues(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 20, Sponsors: 5, Distributions: 10})
	ctx := context.Background()
	sps, err := st.FindSponsors(ctx, data.SponsorFilter{})
	if err != nil || len(sps) == 0 {
		t.Fatal(err)
	}
	sc := mustSchool(t, st, 88)
	for _, tt := range []struct {
		name, key string
		save      func() error
	}{
		{"donation past 10^12", "err.amount.too_big", func() error {
			return st.CreateDonation(ctx, &data.Donation{SponsorID: sps[0].ID, CampaignID: c.ID,
				DonatedOn: data.Date(2019, 8, 1), MoneyTenge: data.MaxDonationTenge + 1})
		}},
		{"NUL in a name", "err.name.control", func() error {
			ch := newChild("061211600012", sc.ID)
			ch.Name = "Да\x00на"
			return st.CreateChild(ctx, &ch)
		}},
		{"long surname", "err.name.too_long", func() error {
			ch := newChild("061211600012", sc.ID)
			ch.Surname = strings.Repeat("а", 201)
			return st.CreateChild(ctx, &ch)
		}},
		{"born 2173", "err.child.birth_date", func() error {
			ch := newChild("061211600012", sc.ID)
			ch.BirthDate = data.Date(2173, 10, 15)
			return st.CreateChild(ctx, &ch)
		}},
		{"sponsor name with a line break", "err.name.control", func() error {
			return st.CreateSponsor(ctx, &data.Sponsor{Kind: data.SponsorIndividual, Name: "Қасымов\u0007Ерлан"})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := validationKey(tt.save()); got != tt.key {
				t.Fatalf("key %q, want %q", got, tt.key)
			}
		})
	}
	// the largest donation is taken on both engines (a server's INTEGER
	// column stopped at 2^31 ₸ before migration 0006)
	if err := st.CreateDonation(ctx, &data.Donation{SponsorID: sps[0].ID, CampaignID: c.ID,
		DonatedOn: data.Date(2019, 8, 1), MoneyTenge: data.MaxDonationTenge}); err != nil {
		t.Fatal(err)
	}
}

// TestCheckFindsAbsurdValues: values a hand edit let in are reported.
func TestCheckFindsAbsurdValues(t *testing.T) {
	st, _ := mustDemo(t, data.DemoOptions{Children: 20, Sponsors: 5, Distributions: 10})
	ctx := context.Background()
	wantDonations := 1
	if err := st.RawExec(`UPDATE donations SET money_tenge = 1000000000000000 WHERE id = (SELECT min(id) FROM donations)`); err != nil {
		t.Fatal(err)
	}
	bell := "char(7)"
	if datatest.OnServer() {
		bell = "chr(7)"
	}
	if err := st.RawExec(`UPDATE children SET name = 'Да' || ` + bell + ` || 'на', birth_date = '2173-10-15' WHERE id = (SELECT min(id) FROM children)`); err != nil {
		t.Fatal(err)
	}
	problems, err := st.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, p := range problems {
		if p.Kind == "bounds" {
			got[p.Table]++
		}
	}
	if got["donations"] != wantDonations || got["children"] != 2 {
		t.Fatalf("bounds problems %v, want 1 donation and 2 of a child: %+v", got, problems)
	}
}
