package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/lingo"
)

// Children written by hand, with words found nowhere else in the demo.
var (
	goneOld = data.Child{IIN: "100314607410", Surname: "Шыңғысханова", Name: "Ақбөпежан", Patronymic: "Серікқызы",
		Address: "Жамбыл көшесі, 17-42", GuardianName: "Шыңғысханова Гүлназира", GuardianPhone: "+77015550173",
		Notes: "анасы жұмыссыз", Sex: data.Female, Grade: 4}
	goneAppeal = data.Child{IIN: "091122508328", Surname: "Төлеубердиев", Name: "Ерназарбек",
		Address: "Ермеков көшесі, 9", GuardianPhone: "+77025550284", Sex: data.Male, Grade: 5}
	keptBoth = data.Child{IIN: "110607609134", Surname: "Байжұманова", Name: "Нұрсәуле", Sex: data.Female, Grade: 3}
	keptNone = data.Child{IIN: "080829506549", Surname: "Сейітқалиев", Name: "Бекназар", Sex: data.Male, Grade: 8}
)

// the unregistered child of a 2017 coverage case
const (
	caseIIN  = "120125602753"
	caseName = "Оспанова Жансерікқыз"
)

// gone lists what may not survive retention: the words, and the names'
// collation keys (children.sort_key), from which a name can be read back.
func gone() []string {
	key := func(c data.Child) string { return string(lingo.NewKeyMaker("kk").Key(c.Surname, c.Name, c.Patronymic)) }
	return []string{string(goneOld.IIN), goneOld.Surname, goneOld.Name, goneOld.GuardianPhone, goneOld.Address,
		string(goneAppeal.IIN), goneAppeal.Surname, goneAppeal.Name, goneAppeal.Address, caseIIN, caseName,
		key(goneOld), key(goneAppeal)}
}

type retentionFixture struct {
	st               *data.Store
	c2017, old, kept int64
	years            []int64
}

// mustRetentionFixture fills the demo (2018 and 2019) and a 2017 campaign
// with the children above: one helped in 2017 only, one named in a 2017
// appeal only, one helped in 2017 and 2019, one never helped, and an
// unregistered child found in 2017.
func mustRetentionFixture(t *testing.T) retentionFixture {
	t.Helper()
	ctx := context.Background()
	st, c2019 := mustDemo(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	c2017 := data.Campaign{Year: 2017, NameKK: "Мектепке жол – 2017", NameRU: "Дорога в школу – 2017",
		StartsOn: data.Date(2017, 7, 1), EndsOn: data.Date(2017, 9, 30), Status: data.CampaignClosed}
	if err := st.CreateCampaign(ctx, &c2017); err != nil {
		t.Fatal(err)
	}
	sc := mustSchool(t, st, 977)
	f := retentionFixture{st: st, c2017: c2017.ID}
	kids := []*data.Child{&goneOld, &goneAppeal, &keptBoth, &keptNone}
	for _, k := range kids {
		ch := *k
		ch.SchoolID, ch.BirthDate = sc.ID, data.Date(2010, 3, 14)
		ch.Categories = []data.ChildCategory{{Code: data.CatLowIncome, DocType: "анықтама", DocNumber: "АҚ-7731"}}
		if err := st.CreateChild(ctx, &ch); err != nil {
			t.Fatal(err)
		}
		k.ID = ch.ID
	}
	// an edit, so the audit log holds the old values as well
	ch, err := st.FindChildByID(ctx, goneOld.ID)
	if err != nil {
		t.Fatal(err)
	}
	ch.Notes = "әкесі мүгедек"
	if err := st.UpdateChild(ctx, &ch); err != nil {
		t.Fatal(err)
	}
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	give := []data.Distribution{
		{ChildID: goneOld.ID, CampaignID: c2017.ID, ItemID: items[0].ID, Quantity: 1, GivenOn: data.Date(2017, 8, 20)},
		{ChildID: keptBoth.ID, CampaignID: c2017.ID, ItemID: items[0].ID, Quantity: 1, GivenOn: data.Date(2017, 8, 20)},
		{ChildID: keptBoth.ID, CampaignID: c2019.ID, ItemID: items[1].ID, Quantity: 1, GivenOn: data.Date(2019, 8, 20)},
	}
	if err := st.CreateDistributions(ctx, give, true); err != nil {
		t.Fatal(err)
	}
	ap := data.Appeal{CampaignID: c2017.ID, ReceivedAt: data.Date(2017, 8, 1), Channel: data.AppealChannels[0],
		Subject: "форма сұрайды", ChildID: goneAppeal.ID, Status: data.AppealStatuses[0]}
	if err := st.CreateAppeal(ctx, &ap); err != nil {
		t.Fatal(err)
	}
	cc := data.CoverageCase{CampaignID: c2017.ID, ChildName: caseName, ChildIIN: caseIIN, Address: "Гоголь көшесі, 3",
		FoundOn: data.Date(2017, 8, 5), Source: data.SourceRaid, Reason: data.ReasonNoClothes}
	if err := st.CreateCoverageCase(ctx, &cc); err != nil {
		t.Fatal(err)
	}
	campaigns, err := st.FindCampaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range campaigns {
		f.years = append(f.years, c.ID)
	}
	return f
}

// figures returns every campaign's summary and report figures as JSON.
func (f retentionFixture) figures(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, id := range f.years {
		sum, err := f.st.Summary(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := f.st.ReportFigures(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []any{sum, rep} {
			j, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(j)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// fileWords lists the words found in the SQLite file and its -wal.
func fileWords(t *testing.T, path string, words []string) []string {
	t.Helper()
	var all []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	var found []string
	for _, w := range words {
		if bytes.Contains(all, []byte(w)) {
			found = append(found, w)
		}
	}
	return found
}

func TestRetainKeepsEveryCampaignsFigures(t *testing.T) {
	ctx := context.Background()
	f := mustRetentionFixture(t)
	before := f.figures(t)
	problems, err := f.st.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !f.st.OnServer() {
		if found := fileWords(t, f.st.Path(), gone()); len(found) != len(gone()) {
			t.Fatalf("the file shows %v before retention, want all of %v", found, gone())
		}
	}
	rep, err := f.st.Retain(ctx, 2018, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Children, 2; got != want {
		t.Fatalf("children anonymised=%d, want %d (%+v)", got, want, rep)
	}
	if len(rep.Campaigns) != 1 || rep.Campaigns[0] != (data.RetainedCampaign{Year: 2017, Children: 2, CoverageCases: 1}) {
		t.Fatalf("campaigns=%+v, want 2017: 2 children, 1 coverage case", rep.Campaigns)
	}
	if !rep.Vacuumed || rep.DryRun || rep.AuditRecords == 0 {
		t.Fatalf("report=%+v, want vacuumed, audit records scrubbed", rep)
	}
	if after := f.figures(t); after != before {
		t.Fatalf("figures changed:\nbefore %s\nafter  %s", before, after)
	}
	for _, k := range []data.Child{keptBoth, keptNone} {
		ch, err := f.st.FindChildByID(ctx, k.ID)
		if err != nil || ch.IIN != k.IIN || ch.Surname != k.Surname || ch.Categories[0].DocNumber != "АҚ-7731" {
			t.Fatalf("kept child %s: %+v, %v", k.IIN, ch, err)
		}
	}
	ch, err := f.st.FindChildByID(ctx, goneOld.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !data.IsAnonymousIIN(string(ch.IIN)) || ch.Surname != data.AnonymousName || ch.Name != "" || ch.Address != "" ||
		ch.GuardianPhone != "" || ch.Notes != "" || ch.Categories[0].DocNumber != "" {
		t.Fatalf("anonymised child=%+v", ch)
	}
	if _, ok := ch.IIN.BirthDate(); ok || ch.IIN.Sex() != "" || len(ch.IIN) != 12 {
		t.Fatalf("the mark %q reads as an IIN", ch.IIN)
	}
	if ch.SchoolID == 0 || ch.Grade != 4 || ch.Sex != data.Female || ch.BirthDate.Year() != 2010 ||
		ch.Categories[0].Code != data.CatLowIncome {
		t.Fatalf("anonymised child lost what stays: %+v", ch)
	}
	// the 2017 gifts were forced without stock: that stays, and nothing more
	if after, err := f.st.Check(ctx); err != nil || string(jsonOf(t, after)) != string(jsonOf(t, problems)) {
		t.Fatalf("check after retention: %+v, %v; before %+v", after, err, problems)
	}
	backup := filepath.Join(t.TempDir(), "after.db")
	if err := f.st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if found := fileWords(t, backup, gone()); len(found) > 0 {
		t.Fatalf("the backup made after retention shows %v", found)
	}
	if !f.st.OnServer() {
		if found := fileWords(t, f.st.Path(), gone()); len(found) > 0 {
			t.Fatalf("the database file shows %v after retention", found)
		}
	}
	again, err := f.st.Retain(ctx, 2018, false)
	if err != nil || again.Children != 0 || again.CoverageCases != 0 {
		t.Fatalf("retention again: %+v, %v; want nothing left to anonymise", again, err)
	}
}

// A dry run counts what a real one would do and writes nothing.
func TestRetainDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	f := mustRetentionFixture(t)
	var files [][]byte
	read := func() [][]byte {
		var out [][]byte
		for _, p := range []string{f.st.Path(), f.st.Path() + "-wal"} {
			b, _ := os.ReadFile(p)
			out = append(out, b)
		}
		return out
	}
	dump := datatest.Dump(t, f.st) // (a backup: it records itself first)
	if !f.st.OnServer() {
		files = read()
	}
	rep, err := f.st.Retain(ctx, 2019, true)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.DryRun || rep.Children < 3 || rep.Campaigns[0] != (data.RetainedCampaign{Year: 2017, Children: 2, CoverageCases: 1}) {
		t.Fatalf("dry run=%+v, want 2017: 2 children and 1 case, and the demo's 2018-only children", rep)
	}
	if !f.st.OnServer() {
		for i, b := range read() {
			if !bytes.Equal(b, files[i]) {
				t.Fatalf("dry run changed the bytes of file %d", i)
			}
		}
	}
	if got := datatest.Dump(t, f.st); got != dump {
		t.Fatal("dry run changed the data")
	}
	real, err := f.st.Retain(ctx, 2019, false)
	if err != nil {
		t.Fatal(err)
	}
	real.DryRun, real.AuditRecords, real.Vacuumed, rep.AuditRecords, rep.Vacuumed = true, 0, false, 0, false
	if a, b := jsonOf(t, real), jsonOf(t, rep); string(a) != string(b) {
		t.Fatalf("dry run said %s, the real run did %s", b, a)
	}
}

// On a server the office's admin (not the schema's owner) retains through
// the server's function; a clerk may not.
func TestRetainRolesOnServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("roles are the server's")
	}
	ctx := context.Background()
	f := mustRetentionFixture(t)
	clerk := mustUser(t, f.st, data.RoleClerk)
	if _, err := clerk.Retain(ctx, 2018, true); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk's retention: %v, want ErrForbidden", err)
	}
	admin := mustUser(t, f.st, data.RoleAdmin)
	rep, err := admin.Retain(ctx, 2018, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Children != 2 || rep.Vacuumed || rep.AuditRecords == 0 {
		t.Fatalf("admin's retention=%+v, want 2 children, records scrubbed, no VACUUM FULL (not the owner)", rep)
	}
	backup := filepath.Join(t.TempDir(), "after.db")
	if err := f.st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if found := fileWords(t, backup, gone()); len(found) > 0 {
		t.Fatalf("the backup made after retention shows %v", found)
	}
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
