package data_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

func importChildren(t *testing.T, n int) []data.Child {
	t.Helper()
	var cs []data.Child
	for i := 0; len(cs) < n; i++ {
		id, ok := data.MakeIIN(time.Date(2010, 3, 1+i, 0, 0, 0, 0, time.UTC), data.Female, 100+i)
		if !ok {
			continue
		}
		cs = append(cs, data.Child{IIN: id, Surname: fmt.Sprintf("тегі%d", i), Name: "аты",
			Categories: []data.ChildCategory{{Code: data.CatLowIncome}}})
	}
	return cs
}

func TestImportChildrenDryRunAndRepeat(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	cs := importChildren(t, 5)
	out, err := st.ImportChildren(ctx, append([]data.Child(nil), cs...), data.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != 0 || len(out) != 5 || out[0] != data.ImportNew {
		t.Fatalf("dry run: %d saved, outcomes %v", n, out)
	}
	var progress int
	out, err = st.ImportChildren(ctx, append([]data.Child(nil), cs...), data.ImportOptions{
		Progress: func(done, total int) { progress = done }})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != 5 || progress != 5 {
		t.Fatalf("%d saved, progress %d; want 5", n, progress)
	}
	audit, _ := st.FindAudit(ctx, "children", 0)
	out, err = st.ImportChildren(ctx, append([]data.Child(nil), cs...), data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range out {
		if o != data.ImportUnchanged {
			t.Fatalf("repeat: child %d %s, want unchanged", i, o)
		}
	}
	if again, _ := st.FindAudit(ctx, "children", 0); len(again) != len(audit) {
		t.Fatalf("repeat wrote %d audit rows", len(again)-len(audit))
	}
}

// A failure on the last child leaves nothing of the import saved.
func TestImportChildrenAllOrNothing(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	cs := importChildren(t, 6)
	cs[5].SchoolID = 9999 // no such school: the foreign key fails last
	if _, err := st.ImportChildren(ctx, cs, data.ImportOptions{}); err == nil {
		t.Fatal("import with a missing school saved")
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != 0 {
		t.Fatalf("%d children saved by a failed import", n)
	}
	if a, _ := st.FindAudit(ctx, "", 0); len(a) != 0 {
		t.Fatalf("%d audit rows from a failed import", len(a))
	}
}

func TestImportSponsorsMatchesByBINAndName(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	bin, _ := data.MakeBIN(data.Date(2004, 2, 1), '4', 55)
	saved := []*data.Sponsor{
		{Kind: data.SponsorLegal, Name: "«Қарағанды Жарық» ЖШС", BIN: string(bin)},
		{Kind: data.SponsorIndividual, Name: "Сейітов Болат"},
	}
	for _, sp := range saved {
		if err := st.CreateSponsor(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	in := []data.SponsorImport{
		{Sponsor: data.Sponsor{Kind: data.SponsorLegal, Name: "ТОО Караганды Жарык", BIN: string(bin), Phone: "+7 701 111 22 33"}},
		{Sponsor: data.Sponsor{Kind: data.SponsorIndividual, Name: "СЕЙІТОВ  Болат"}},
		{Sponsor: data.Sponsor{Kind: data.SponsorIndividual, Name: "Жаңа Адам"}},
	}
	out, err := st.ImportSponsors(ctx, in, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []data.ImportOutcome{data.ImportUpdated, data.ImportUnchanged, data.ImportNew}
	for i := range want {
		if out[i] != want[i] {
			t.Fatalf("outcomes %v, want %v", out, want)
		}
	}
	if in[0].Sponsor.ID != saved[0].ID || in[1].Sponsor.ID != saved[1].ID {
		t.Fatalf("matched %d, %d; want %d, %d", in[0].Sponsor.ID, in[1].Sponsor.ID, saved[0].ID, saved[1].ID)
	}
	got, _ := st.FindSponsorByID(ctx, saved[0].ID)
	if got.Name != saved[0].Name || got.Phone != "+7 701 111 22 33" {
		t.Fatalf("merged %+v: the saved name stays, the phone is added", got)
	}
	all, _ := st.FindSponsors(ctx, data.SponsorFilter{})
	if len(all) != 3 {
		t.Fatalf("%d sponsors, want 3", len(all))
	}
}

// Donations of the accountant's list are added once: the same sponsor,
// campaign, day and amount again is the saved donation.
func TestImportSponsorsDonations(t *testing.T) {
	ctx := context.Background()
	st, c := mustDemo(t, data.DemoOptions{Children: 50, Sponsors: 5, Distributions: 20})
	before, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows := func() []data.SponsorImport {
		return []data.SponsorImport{
			{Sponsor: data.Sponsor{Kind: data.SponsorIndividual, Name: "Донор Бір"},
				Donation: &data.Donation{CampaignID: c.ID, DonatedOn: data.Date(2019, 8, 1), MoneyTenge: 150000}},
			{Sponsor: data.Sponsor{Kind: data.SponsorIndividual, Name: "Донор Бір"},
				Donation: &data.Donation{CampaignID: c.ID, DonatedOn: data.Date(2019, 8, 20), MoneyTenge: 50000}},
		}
	}
	out, err := st.ImportSponsors(ctx, rows(), data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != data.ImportNew || out[1] != data.ImportNew {
		t.Fatalf("outcomes %v", out)
	}
	after, _ := st.Summary(ctx, c.ID)
	if after.MoneyTenge-before.MoneyTenge != 200000 || after.Donations-before.Donations != 2 ||
		after.Sponsors-before.Sponsors != 1 {
		t.Fatalf("summary moved by %d ₸, %d donations, %d sponsors; want 200000, 2, 1",
			after.MoneyTenge-before.MoneyTenge, after.Donations-before.Donations, after.Sponsors-before.Sponsors)
	}
	out, err = st.ImportSponsors(ctx, rows(), data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := st.Summary(ctx, c.ID)
	if out[0] != data.ImportUnchanged || out[1] != data.ImportUnchanged || again.MoneyTenge != after.MoneyTenge {
		t.Fatalf("repeat: %v, money %d → %d", out, after.MoneyTenge, again.MoneyTenge)
	}
}

// A list naming a child twice saves the child once and merges the second
// row into it; 1,200 children take three lookups of the saved ones. The
// input is left as given: a birth date guessed from the IIN is the
// store's, not the list's.
func TestImportChildrenTwiceInOneList(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	cs := importChildren(t, 1200)
	if _, err := st.ImportChildren(ctx, cs[:700], data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	again := cs[1000] // new in this list, at its row 400
	again.Categories = []data.ChildCategory{{Code: data.CatOrphan}}
	list := append(append([]data.Child(nil), cs[600:]...), again)
	out, err := st.ImportChildren(ctx, list, data.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != data.ImportUnchanged || out[99] != data.ImportUnchanged || out[100] != data.ImportNew ||
		out[599] != data.ImportNew || out[600] != data.ImportUpdated {
		t.Fatalf("outcomes %v … %v", out[:2], out[98:])
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != 1200 {
		t.Fatalf("%d saved, want 1200", n)
	}
	if !list[100].BirthDate.IsZero() || list[100].ID != 0 {
		t.Fatalf("the list was changed: %+v", list[100])
	}
	found, err := st.FindChildren(ctx, data.ChildFilter{Query: string(cs[1000].IIN)})
	if err != nil || len(found) != 1 || !found[0].HasCategory(data.CatOrphan) || !found[0].HasCategory(data.CatLowIncome) {
		t.Fatalf("merged child %+v, %v", found, err)
	}
}
