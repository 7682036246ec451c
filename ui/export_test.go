package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
)

// TestExportChildrenFiltered exports the children list filtered by a
// school and compares the file's rows with the list on screen.
func TestExportChildrenFiltered(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	all := s.total
	s.school.SetSelectedIndex(1) // the first school
	if s.total == 0 || s.total == all {
		t.Fatalf("the school filter kept %d of %d children", s.total, all)
	}
	path := filepath.Join(t.TempDir(), "дети.xlsx")
	u.exportTo(path, "children", s.exportTable())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("the export is %v, want 0600: it holds personal data", fi.Mode().Perm())
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	iinCol := -1
	for i, h := range rows[0] {
		if h == "ЖСН" || h == "ИИН" {
			iinCol = i
		}
	}
	if iinCol < 0 {
		t.Fatalf("no IIN column in %q", rows[0])
	}
	var got []string
	for _, r := range rows[1:] {
		if len(r) > iinCol && r[iinCol] != "" {
			got = append(got, r[iinCol])
		}
	}
	kids, err := st.FindChildrenByIDs(ctx, s.shownIDs())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range kids {
		want = append(want, string(c.IIN))
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(got) != len(want) {
		t.Fatalf("the file has %d children, the filtered list %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("row %d: IIN %s in the file, %s in the list", i, got[i], want[i])
		}
	}
}

// TestExportSponsorsCSV exports the sponsors found by a search as csv.
func TestExportSponsorsCSV(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	s.search.SetText("ЖШС")
	if len(s.rows) == 0 {
		s.search.SetText("")
	}
	path := filepath.Join(t.TempDir(), "sponsors.csv")
	u.exportTo(path, "sponsors", s.exportTable())
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, c := range b {
		if c == '\n' {
			lines++
		}
	}
	if got, want := lines-1, len(s.rows); got != want {
		t.Fatalf("the csv has %d rows, the list %d", got, want)
	}
}

// TestExportNeverOverADatabase: a list saved under a database's name (the
// clerk typed it in the save dialog) is refused, and the database keeps
// every byte.
func TestExportNeverOverADatabase(t *testing.T) {
	u, _ := newTestUI(t)
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	path := filepath.Join(t.TempDir(), "office.xlsx")
	other, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u.exportTo(path, "sponsors", s.exportTable())
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the export wrote over a database")
	}
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("err.unsafe_output")) {
		t.Errorf("the clerk is not told why:\n%s", msg)
	}
}
