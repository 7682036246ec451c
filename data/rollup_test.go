package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// district is a small demo office and what the test reads from it itself.
type district struct {
	name       string
	st         *data.Store
	sum        data.Summary
	cov        data.CoverageFigures
	registered map[string]bool // IINs
	helped     map[string]bool
	figs       data.DistrictFigures
}

func openDistrict(t *testing.T, name string, st *data.Store, c data.Campaign) district {
	t.Helper()
	ctx := context.Background()
	d := district{name: name, st: st, registered: map[string]bool{}, helped: map[string]bool{}}
	var err error
	if d.sum, err = st.Summary(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if d.cov, err = st.CoverageFigures(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	children, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range children {
		d.registered[string(ch.IIN)] = true
	}
	yes := true
	helped, err := st.FindChildren(ctx, data.ChildFilter{Helped: &yes, CampaignID: c.ID, IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range helped {
		d.helped[string(ch.IIN)] = true
	}
	if d.figs, err = st.DistrictFigures(ctx, name, c.Year); err != nil {
		t.Fatal(err)
	}
	return d
}

func union(sets ...map[string]bool) int {
	all := map[string]bool{}
	for _, s := range sets {
		for k := range s {
			all[k] = true
		}
	}
	return len(all)
}

func TestRollUpSumsTheDistricts(t *testing.T) {
	st1, c1 := mustDemo(t, data.DemoOptions{Children: 150, Sponsors: 15, Distributions: 200, Seed: 11})
	st2, c2 := mustDemo(t, data.DemoOptions{Children: 100, Sponsors: 12, Distributions: 150, Seed: 12})
	a, b := openDistrict(t, "Теміртау", st1, c1), openDistrict(t, "Абай", st2, c2)
	r := data.RollUp([]data.DistrictFigures{a.figs, b.figs})
	s := r.Summary

	ints := []struct {
		name      string
		got, want int64
	}{
		{"money", s.MoneyTenge, a.sum.MoneyTenge + b.sum.MoneyTenge},
		{"donations", int64(s.Donations), int64(a.sum.Donations + b.sum.Donations)},
		{"in-kind items", s.InKindItems, a.sum.InKindItems + b.sum.InKindItems},
		{"in-kind value", s.InKindValueTenge, a.sum.InKindValueTenge + b.sum.InKindValueTenge},
		{"items given", s.ItemsDistributed, a.sum.ItemsDistributed + b.sum.ItemsDistributed},
		{"distributions", int64(s.Distributions), int64(a.sum.Distributions + b.sum.Distributions)},
		{"schools", int64(s.Schools), int64(a.sum.Schools + b.sum.Schools)},
		{"letters", int64(s.Letters), int64(a.sum.Letters + b.sum.Letters)},
		{"appeals", int64(s.Appeals.Total), int64(a.sum.Appeals.Total + b.sum.Appeals.Total)},
		{"appeals resolved", int64(s.Appeals.Resolved), int64(a.sum.Appeals.Resolved + b.sum.Appeals.Resolved)},
		{"appeals overdue", int64(s.Appeals.Overdue), int64(a.sum.Appeals.Overdue + b.sum.Appeals.Overdue)},
		{"children registered", int64(s.Children), int64(union(a.registered, b.registered))},
		{"children helped", int64(s.ChildrenHelped), int64(union(a.helped, b.helped))},
		{"coverage found", int64(r.Coverage.Found), int64(a.cov.Found + b.cov.Found)},
		{"coverage placed", int64(r.Coverage.Placed), int64(a.cov.Placed + b.cov.Placed)},
		{"school rows", int64(len(r.Schools)), int64(a.sum.Schools + b.sum.Schools)},
	}
	for _, c := range data.CategoryCodes {
		ints = append(ints, struct {
			name      string
			got, want int64
		}{"registered " + c, int64(s.ChildrenByCategory[c]), int64(a.sum.ChildrenByCategory[c] + b.sum.ChildrenByCategory[c])})
	}
	for k, n := range a.sum.ItemsByKind {
		ints = append(ints, struct {
			name      string
			got, want int64
		}{"item " + k, s.ItemsByKind[k], n + b.sum.ItemsByKind[k]})
	}
	for ch, n := range a.sum.Appeals.ByChannel {
		var rolled int
		for _, m := range r.Appeals[ch] {
			rolled += m
		}
		ints = append(ints, struct {
			name      string
			got, want int64
		}{"appeals by " + ch, int64(rolled), int64(n + b.sum.Appeals.ByChannel[ch])})
	}
	for _, x := range ints {
		if x.got != x.want {
			t.Errorf("%s=%d, want %d", x.name, x.got, x.want)
		}
	}
	if s.Children == 0 || s.ChildrenHelped == 0 || s.MoneyTenge == 0 {
		t.Fatalf("an empty roll-up: %+v", s)
	}

	// sponsors: once by name and BIN, their gifts summed
	money := map[string]int64{}
	for _, d := range []district{a, b} {
		for _, sp := range d.figs.Sponsors {
			money[sp.Name+"|"+sp.BIN] += sp.MoneyTenge
		}
	}
	if got, want := s.Sponsors, len(money); got != want || len(r.Sponsors) != want {
		t.Errorf("sponsors=%d (%d listed), want %d", got, len(r.Sponsors), want)
	}
	for _, sp := range r.Sponsors {
		if got, want := sp.MoneyTenge, money[sp.Name+"|"+sp.BIN]; got != want {
			t.Errorf("sponsor %s: money %d, want %d", sp.Name, got, want)
		}
	}
	for _, sc := range r.Schools {
		if !strings.HasPrefix(sc.NameKK, "Теміртау: ") && !strings.HasPrefix(sc.NameKK, "Абай: ") {
			t.Fatalf("school %q is not named by its district", sc.NameKK)
		}
	}
	if r.Previous == nil || r.Previous.Summary.MoneyTenge == 0 {
		t.Fatal("no previous campaign in the roll-up")
	}
	if got, want := r.Previous.Summary.MoneyTenge, a.figs.Previous.Summary.MoneyTenge+b.figs.Previous.Summary.MoneyTenge; got != want {
		t.Errorf("previous money=%d, want %d", got, want)
	}
	for _, tt := range []struct {
		d    district
		want data.DistrictTotals
	}{
		{a, data.DistrictTotals{Name: "Теміртау", Children: a.sum.Children, ChildrenHelped: a.sum.ChildrenHelped,
			ItemsDistributed: a.sum.ItemsDistributed, MoneyTenge: a.sum.MoneyTenge, Sponsors: a.sum.Sponsors, Appeals: a.sum.Appeals.Total}},
		{b, data.DistrictTotals{Name: "Абай", Children: b.sum.Children, ChildrenHelped: b.sum.ChildrenHelped,
			ItemsDistributed: b.sum.ItemsDistributed, MoneyTenge: b.sum.MoneyTenge, Sponsors: b.sum.Sponsors, Appeals: b.sum.Appeals.Total}},
	} {
		if got := tt.d.figs.Totals(); got != tt.want {
			t.Errorf("%s: totals %+v, want %+v", tt.d.name, got, tt.want)
		}
	}
}

// TestRollUpCountsAChildOnce rolls one office up twice, as if every child
// and sponsor were registered in two districts: money doubles, children
// and sponsors do not.
func TestRollUpCountsAChildOnce(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 100, Sponsors: 10, Distributions: 120, Seed: 5})
	one := openDistrict(t, "A", st, c)
	twice := openDistrict(t, "B", st, c)
	r := data.RollUp([]data.DistrictFigures{one.figs, twice.figs})
	if got, want := r.Summary.Children, one.sum.Children; got != want {
		t.Errorf("children=%d, want %d", got, want)
	}
	if got, want := r.Summary.ChildrenHelped, one.sum.ChildrenHelped; got != want {
		t.Errorf("helped=%d, want %d", got, want)
	}
	if got, want := r.Summary.Sponsors, one.sum.Sponsors; got != want {
		t.Errorf("sponsors=%d, want %d", got, want)
	}
	if got, want := r.Summary.MoneyTenge, 2*one.sum.MoneyTenge; got != want {
		t.Errorf("money=%d, want %d", got, want)
	}
	// the category table too counts each child once
	if one.sum.ChildrenByCategory[data.CatLowIncome] == 0 || one.sum.HelpedByCategory[data.CatLowIncome] == 0 {
		t.Fatalf("the demo has no low-income child helped: %v", one.sum.HelpedByCategory)
	}
	for code, want := range one.sum.ChildrenByCategory {
		if got := r.Summary.ChildrenByCategory[code]; got != want {
			t.Errorf("children of %s=%d, want %d", code, got, want)
		}
		if got, want := r.Summary.HelpedByCategory[code], one.sum.HelpedByCategory[code]; got != want {
			t.Errorf("helped of %s=%d, want %d", code, got, want)
		}
	}
	if got := data.RollUp(nil); got.Summary.Children != 0 || got.Sponsors != nil {
		t.Errorf("a roll-up of nothing: %+v", got.Summary)
	}
}

// TestFindOffices lists the office schemas of a server database: the two
// the test makes, each DSN opening that office, and not a schema without
// this app's tables.
func TestFindOffices(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("offices are schemas of a server database (run under .ci/with-postgres)")
	}
	ctx := context.Background()
	if _, err := data.FindOffices(ctx, "office.db"); err == nil {
		t.Error("FindOffices on a file: no error")
	}
	want := map[string]int{}
	var first string
	for _, n := range []int{30, 40} {
		dsn := datatest.DSN(t)
		if first == "" {
			first = dsn
		}
		st, err := data.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.FillDemo(ctx, data.DemoOptions{Children: n, Sponsors: 5, Distributions: 30}); err != nil {
			t.Fatal(err)
		}
		st.Close()
		u, _ := url.Parse(dsn)
		want[u.Query().Get("search_path")] = n
	}
	server := os.Getenv(datatest.EnvPG)
	db, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // after the schema is dropped
	other := fmt.Sprintf("not_office_%d", os.Getpid())
	// an office being set up: its schema_migrations made, its migrations
	// not yet run (no settings table); it may not stop the list
	starting := fmt.Sprintf("office_starting_%d", os.Getpid())
	if _, err := db.Exec(`CREATE SCHEMA ` + other + `; CREATE TABLE ` + other + `.notes (id int);
		CREATE SCHEMA ` + starting + `; CREATE TABLE ` + starting + `.schema_migrations (version int)`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP SCHEMA ` + other + ` CASCADE; DROP SCHEMA ` + starting + ` CASCADE`); err != nil {
			t.Error(err)
		}
	})
	offices, err := data.FindOffices(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, o := range offices {
		if o.Name == other {
			t.Errorf("%s has no schema_migrations but is listed", other)
		}
		n, ok := want[o.Name]
		if !ok {
			continue // another test's office on the same server
		}
		found++
		st, err := data.Open(o.DSN)
		if err != nil {
			t.Fatal(err)
		}
		count, err := st.CountChildren(ctx, data.ChildFilter{})
		st.Close()
		if err != nil || count != n {
			t.Errorf("office %s: %d children (%v), want %d", o.Name, count, err, n)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d offices in %v", found, len(want), offices)
	}

	// an office's store lists its server's offices, to be opened as its user
	st, err := data.Open(first)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mine, err := st.Offices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, o := range mine {
		if _, ok := want[o.Name]; ok {
			seen++
		}
	}
	if seen != len(want) {
		t.Errorf("the store's offices %v miss some of %v", mine, want)
	}
	file, err := data.Open(filepath.Join(t.TempDir(), "office.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if _, err := file.Offices(ctx); !errors.Is(err, data.ErrNotServer) {
		t.Errorf("offices of a SQLite file: %v, want ErrNotServer", err)
	}
}
