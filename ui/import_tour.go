package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// tourImport opens the import wizard's preview on a school's list made
// from the database (some children known, two new, a repeat, a wrong IIN)
// for the screenshots.
func (u *App) tourImport() {
	kids, err := u.st.FindChildren(u.ctx, data.ChildFilter{Limit: 3})
	schools, err2 := u.st.FindSchools(u.ctx)
	if err != nil || err2 != nil || len(schools) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString("№;ФИО учащегося;ИИН;Класс;Школа №\n")
	n := 1
	for _, c := range kids {
		fmt.Fprintf(&b, "%d;%s;%s;%d;%d\n", n, c.FullName(), c.IIN, c.Grade, schools[0].Number)
		n++
	}
	for i, name := range []string{"Жұмабекова Аружан Ерланқызы", "Иванова Мария Петровна"} {
		for serial := 9100 + i*17; ; serial++ {
			if iin, ok := data.MakeIIN(data.Date(2012, 4, 3+i), data.Female, serial); ok {
				fmt.Fprintf(&b, "%d;%s;%s;2;%d\n", n, name, iin, schools[0].Number)
				if i == 0 {
					fmt.Fprintf(&b, "%d;%s;%s;2;%d\n", n+1, name, iin, schools[0].Number)
					n++
				}
				break
			}
		}
		n++
	}
	fmt.Fprintf(&b, "%d;Омаров Ерлан;12345678901;3;%d\n", n, schools[0].Number)
	path := filepath.Join(os.TempDir(), "mektepkezhol-tour-list.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return
	}
	w := newImportWizard(u, exchange.Children, nil)
	w.autoPreview = true // the parse lands after the tour's call returns
	w.open(path)
}

// tourEvents shows the coverage screen's events tab with the first event
// open (the screenshots).
func (u *App) tourEvents() {
	u.show(scrCoverage, nil)
	s := u.screens[scrCoverage].(*coverageScreen)
	if s.tabs != nil {
		s.tabs.SelectIndex(1)
	}
	if len(s.events.rows) > 0 {
		s.events.edit(s.events.rows[0])
	}
}
