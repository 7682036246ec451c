package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/mektepkezhol/app/data/exchange"
)

// TestImportRemembersTheSchool imports a school's list with the school №
// typed, then opens it again: the № is filled in. A list with other
// headers gets the last № used; the first list keeps its own.
func TestImportRemembersTheSchool(t *testing.T) {
	u, st := newTestUI(t)
	schools, err := st.FindSchools(context.Background())
	if err != nil || len(schools) < 2 {
		t.Fatalf("schools: %d, %v", len(schools), err)
	}
	first, second := strconv.Itoa(schools[0].Number), strconv.Itoa(schools[1].Number)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "list.xlsx")
	writeMessyList(t, xlsx, schools[0].Number)
	csv := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(csv, []byte("№;ФИО учащегося;ИИН;Класс\n1;Омаров Ерлан;"+childIIN(t, 1)+";3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	open := func(path, want, typed string) {
		t.Helper()
		w := newImportWizard(u, exchange.Children, nil)
		w.open(path)
		if w.sheet == nil {
			t.Fatalf("%s not read:\n%s", path, overlayText(u.win))
		}
		if w.school.Text != want {
			t.Errorf("%s opens with school %q, want %q", filepath.Base(path), w.school.Text, want)
		}
		if typed != "" {
			w.school.SetText(typed)
			test.Tap(w.next)
		}
		u.closeDialogs()
	}
	open(xlsx, "", first)
	open(xlsx, first, "")
	open(csv, first, second)
	open(xlsx, first, "")
	open(csv, second, "")
}
