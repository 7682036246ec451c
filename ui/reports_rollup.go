package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// officeLister is a store on a server: it lists the offices of its
// database, to be rolled up into the region's report.
type officeLister interface {
	Offices(ctx context.Context) ([]data.Office, error)
	OnServer() bool
}

// rollUp is the Reports screen's card of the region's roll-up: the offices
// of the server database, ticked, added up into one PDF or workbook.
type rollUp struct {
	s       *reportsScreen
	offices []data.Office
	checks  *widget.CheckGroup
}

// newRollUp returns the card's state, or nil when the store is a file.
func newRollUp(s *reportsScreen) *rollUp {
	if l, ok := s.u.st.(officeLister); !ok || !l.OnServer() {
		return nil
	}
	return &rollUp{s: s, checks: widget.NewCheckGroup(nil, nil)}
}

func (r *rollUp) buildUI() fyne.CanvasObject {
	r.checks.Horizontal = true
	buttons := container.NewHBox(
		r.s.button("rollup.pdf", theme.DocumentPrintIcon(), func() { r.write("pdf") }),
		r.s.button("rollup.xlsx", theme.GridIcon(), func() { r.write("xlsx") }))
	hint := widget.NewLabel(lang.L("rollup.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return widget.NewCard("", lang.L("rollup.title"), container.NewVBox(r.checks, buttons, hint))
}

// refresh lists the server's offices, all ticked.
func (r *rollUp) refresh() {
	l := r.s.u.st.(officeLister)
	background(func() {
		offices, err := l.Offices(r.s.u.ctx)
		fyne.Do(func() {
			if err != nil {
				showError(r.s.u.win, err)
				return
			}
			r.offices = offices
			names := make([]string, len(offices))
			for i, o := range offices {
				names[i] = o.Name
			}
			r.checks.Options = names
			r.checks.SetSelected(names)
		})
	})
}

func (r *rollUp) chosen() []data.Office {
	var out []data.Office
	for _, o := range r.offices {
		for _, name := range r.checks.Selected {
			if o.Name == name {
				out = append(out, o)
			}
		}
	}
	return out
}

func (r *rollUp) write(format string) {
	offices := r.chosen()
	if len(offices) == 0 {
		showError(r.s.u.win, &data.ValidationError{Field: "offices", Key: "err.required"})
		return
	}
	names := make([]string, len(offices))
	for i, o := range offices {
		names[i] = o.Name
	}
	s := r.s
	path := freePath(s.folder.dir, s.fileName("rollup.file", map[string]any{"Offices": strings.Join(names, ", ")}), "."+format)
	year, lng := s.u.campaign.Year, s.lang()
	s.run(func() (string, error) {
		return path, s.u.docs.WriteRollUp(s.u.ctx, offices, year, format, lng, path)
	}, s.written)
}
