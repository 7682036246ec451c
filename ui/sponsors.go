package ui

import (
	"context"
	"slices"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// sponsorsScreen lists the sponsors with their totals in the campaign and
// edits one in a form beside the list.
type sponsorsScreen struct {
	u      *App
	rows   []data.SponsorRow
	search *lineEntry
	table  *dataTable
	count  *widget.Label
	busy   *spinner // while the list loads
	form   *sponsorForm
	place  listPlace
	loads  loader // a newer search, or leaving the screen, cancels the load (ui/loader.go)
}

func newSponsorsScreen(u *App) *sponsorsScreen {
	s := &sponsorsScreen{u: u, count: widget.NewLabel(""), busy: newSpinner()}
	s.busy.Hide()
	s.search = newLineEntry()
	s.search.SetPlaceHolder(lang.L("sponsors.search"))
	s.search.OnChanged = func(string) { s.refresh() }
	s.table = newDataTable([]string{lang.L("col.name"), lang.L("col.kind"), lang.L("col.bin"), lang.L("col.given"),
		lang.L("col.letter")}, []float32{250, 130, 120, 130, 100},
		func() int { return len(s.rows) }, s.cell)
	s.table.onSort = s.onSortTapped
	s.table.selected = s.onRowSelected
	s.form = newSponsorForm(u, s.onSaved)
	s.form.onDelete = s.onDeleteTapped
	return s
}

func (s *sponsorsScreen) cell(row, col int) string {
	r := s.rows[row]
	switch col {
	case 0:
		return r.Name
	case 1:
		return lang.L("sponsor.kind." + r.Kind)
	case 2:
		return r.BIN
	case 3:
		return money(r.MoneyTenge + r.InKindTenge)
	}
	if r.LetterNumber > 0 {
		return lang.L("sponsors.letter_no", map[string]any{"N": r.LetterNumber})
	}
	return "—"
}

func (s *sponsorsScreen) buildUI() fyne.CanvasObject {
	newBtn := widget.NewButtonWithIcon(lang.L("sponsors.new"), theme.ContentAddIcon(), s.onNewTapped)
	letter := widget.NewButtonWithIcon(lang.L("sponsors.letter"), theme.DocumentPrintIcon(), s.onLetterTapped)
	// the search on a row of its own: beside the buttons it shrank to a
	// few letters on a laptop
	top := container.NewVBox(s.search, container.NewBorder(nil, nil, container.NewHBox(s.busy, s.count), container.NewHBox(newBtn, letter, s.fileButton())))
	list := container.NewBorder(top, nil, nil, nil, s.table.table)
	split := container.NewHSplit(list, s.form.buildUI())
	split.Offset = 0.6
	return split
}

// refresh lists the sponsors found by the search; each key typed starts
// a newer load, which cancels the older one.
func (s *sponsorsScreen) refresh() {
	f := data.SponsorFilter{Query: s.search.Text, CampaignID: s.u.campaign.ID}
	byName := s.table.sortCol < 0
	loadInto(s.u, &s.loads, s.busy, func(ctx context.Context) ([]data.SponsorRow, error) {
		rows, err := s.u.st.FindSponsors(ctx, f)
		if byName {
			// here, not on the UI goroutine: collating thousands of names
			// froze the window (the store orders by code point: Қ after Ш)
			sortSponsorRows(rows)
		}
		return rows, err
	}, func(rows []data.SponsorRow) {
		s.rows = rows
		if s.table.sortCol >= 0 {
			s.sortRows(s.table.sortCol, s.table.sortAsc)
		}
		s.count.SetText(lang.L("list.count", map[string]any{"N": number(int64(len(rows)))}))
		s.table.reload()
		s.place.restore(s.table)
	})
}

func (s *sponsorsScreen) onSortTapped(col int, asc bool) { s.sortRows(col, asc) }

func (s *sponsorsScreen) sortRows(col int, asc bool) {
	if col == 0 {
		sortSponsorRows(s.rows)
		if !asc {
			slices.Reverse(s.rows)
		}
		return
	}
	less := func(a, b data.SponsorRow) bool {
		switch col {
		case 1:
			return a.Kind < b.Kind
		case 2:
			return a.BIN < b.BIN
		case 3:
			return a.MoneyTenge+a.InKindTenge < b.MoneyTenge+b.InKindTenge
		}
		return a.LetterNumber < b.LetterNumber
	}
	sort.SliceStable(s.rows, func(i, j int) bool {
		if asc {
			return less(s.rows[i], s.rows[j])
		}
		return less(s.rows[j], s.rows[i])
	})
}

func (s *sponsorsScreen) onRowSelected(row int) {
	sp := s.rows[row].Sponsor
	if fresh, err := s.u.st.FindSponsorByID(s.u.ctx, sp.ID); err == nil {
		sp = fresh // another clerk may have changed it since the list was read
	}
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(sp) })
}

func (s *sponsorsScreen) onNewTapped() {
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(data.Sponsor{Kind: data.SponsorLegal}) })
}

func (s *sponsorsScreen) onSaveTapped() { s.form.onSaveTapped() }
func (s *sponsorsScreen) focusSearch()  { s.u.win.Canvas().Focus(s.search) }
func (s *sponsorsScreen) unsaved() bool { return s.form.state.dirty }
func (s *sponsorsScreen) onSaved(int64) { s.refresh() }

// onLetterTapped asks whom to thank and prints their Алғыс хат letters
// (ui/letters.go).
func (s *sponsorsScreen) onLetterTapped() {
	if s.u.docs == nil {
		dialog.ShowInformation(lang.L("sponsors.letter"), lang.L("docs.unavailable"), s.u.win)
		return
	}
	newLettersDialog(s).show()
}

// showFirst opens the list's first row in the form (the screenshots' tour).
func (s *sponsorsScreen) showFirst() {
	if len(s.rows) > 0 {
		s.table.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}

// sortSponsorRows puts sponsors in the alphabet of the clerk's language,
// each filed under its own name (lingo.FileUnder: «"Береке" ЖШС» under Б).
// Each name's collation key is made once (lingo.SortByKeys): a region's
// 5,000 sponsors cost 60–80 ms of CPU with a key made at each comparison.
func sortSponsorRows(rows []data.SponsorRow) {
	lingo.SortByKeys(language(), rows, func(r data.SponsorRow) []string { return []string{lingo.FileUnder(r.Name)} })
}
