package ui

import (
	"context"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// dashboardScreen shows the selected campaign's figures; each figure
// opens its list.
type dashboardScreen struct {
	u       *App
	body    *fyne.Container
	summary data.Summary
	stock   []data.StockLine
	cats    []data.Category
	cover   data.CoverageFigures
	loads   loader // left while loading: the load is cancelled (ui/leave.go)
}

func newDashboardScreen(u *App) *dashboardScreen {
	return &dashboardScreen{u: u, body: container.NewStack()}
}

func (s *dashboardScreen) buildUI() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(s.body))
}

func (s *dashboardScreen) refresh() {
	id := s.u.campaign.ID
	if id == 0 {
		s.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("campaign.none"))}
		s.body.Refresh()
		return
	}
	ctx, gen, _ := s.loads.start(s.u.ctx, "", true)
	started := time.Now()
	background(func() {
		// the summary and the stock each read a campaign's distributions:
		// on two cores they run side by side (each is consistent in itself)
		var sum data.Summary
		var stock []data.StockLine
		var cats []data.Category
		var cover data.CoverageFigures
		var sumErr error
		var g sync.WaitGroup
		sumCtx, stopSum := context.WithCancel(ctx)
		defer stopSum()
		g.Go(func() { sum, sumErr = s.u.st.Summary(sumCtx, id) })
		stock, err := s.u.st.Stock(ctx, id)
		if err == nil {
			cats, err = s.u.st.FindCategories(ctx)
		}
		if err == nil {
			cover, err = s.u.st.CoverageFigures(ctx, id)
		}
		if err != nil {
			stopSum() // the error is shown now, not once the summary is done
		}
		g.Wait()
		if err == nil {
			err = sumErr
		}
		fyne.Do(func() {
			if !s.loads.current(gen) {
				return // left, or loading again
			}
			s.loads.done(gen)
			if err != nil {
				showError(s.u.win, err)
				return
			}
			s.summary, s.stock, s.cats, s.cover = sum, stock, cats, cover
			s.showParts(gen, started)
		})
	})
}

// showParts shows the loaded figures, then each chart below them, in
// frames of their own (ui/frames.go): at the start the answer often lands
// before the window's first frame, and in one run with it and the charts
// the first paint took 80–100 ms on the stress database; the two charts
// together, 35 ms and then 55 ms. A newer load (a campaign, leaving)
// drops the parts not yet shown.
func (s *dashboardScreen) showParts(gen int, started time.Time) {
	var shown, charts *fyne.Container
	inFrames(func() {
		if s.loads.current(gen) {
			shown = s.figures()
			s.body.Objects = []fyne.CanvasObject{shown}
			s.body.Refresh()
			s.u.timings.listShown(scrDashboard, 0, started) // ui/timings.go
		}
	}, func() {
		if s.loads.current(gen) && shown != nil {
			charts = container.NewGridWithColumns(2, s.categoryChart())
			shown.Add(charts)
			canvas.Refresh(shown) // Add lays out, but leaves the window unpainted
		}
	}, func() {
		if s.loads.current(gen) && charts != nil {
			charts.Add(s.stockChart())
			canvas.Refresh(charts)
		}
	})
}

// figures are the campaign's name and its figures' cards.
func (s *dashboardScreen) figures() *fyne.Container {
	sum := s.summary
	cards := container.NewGridWithColumns(4,
		s.card(lang.L("dash.sponsors"), number(int64(sum.Sponsors)), tn("dash.donations", int64(sum.Donations), nil), scrSponsors, nil),
		s.card(lang.L("dash.money"), money(sum.MoneyTenge), lang.L("dash.in_kind_value", map[string]any{"V": money(sum.InKindValueTenge)}), scrDonations, nil),
		s.card(lang.L("dash.in_kind"), number(sum.InKindItems), lang.L("dash.given", map[string]any{"N": number(sum.ItemsDistributed)}), scrDistributions, nil),
		s.card(lang.L("dash.helped"), fmt.Sprintf("%s / %s", number(int64(sum.ChildrenHelped)), number(int64(sum.Children))),
			lang.L("dash.helped_of"), scrChildren, func(sc screen) { sc.(*childrenScreen).presetHelped(true) }),
		s.card(lang.L("dash.not_helped"), number(int64(sum.Children-sum.ChildrenHelped)), lang.L("dash.not_helped_hint"),
			scrChildren, func(sc screen) { sc.(*childrenScreen).presetHelped(false) }),
		s.card(lang.L("dash.appeals_open"), number(int64(sum.Appeals.Open)), lang.L("dash.appeals_total", map[string]any{"N": number(int64(sum.Appeals.Total))}),
			scrAppeals, func(sc screen) { sc.(*appealsScreen).presetOverdue(false) }),
		s.card(lang.L("dash.appeals_overdue"), number(int64(sum.Appeals.Overdue)), lang.L("dash.appeals_overdue_hint"),
			scrAppeals, func(sc screen) { sc.(*appealsScreen).presetOverdue(true) }),
		s.card(lang.L("dash.letters"), number(int64(sum.Letters)), lang.L("dash.letters_hint"), scrSponsors, nil),
	)
	cards.Objects = append(cards.Objects, s.coverageCards(s.cover)...) // ui/coverage_dashboard.go
	title := canvas.NewText(s.u.campaign.Name(language()), theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.TextSubHeadingSize()
	title.TextStyle.Bold = true
	return container.NewVBox(title, cards)
}

// categoryChart is the children helped by category.
func (s *dashboardScreen) categoryChart() fyne.CanvasObject {
	sum := s.summary
	var bars []bar
	for _, c := range s.cats {
		reg, got := int64(sum.ChildrenByCategory[c.Code]), int64(sum.HelpedByCategory[c.Code])
		bars = append(bars, bar{label: c.Name(language()), value: reg, part: got,
			text: fmt.Sprintf("%s / %s", number(got), number(reg))})
	}
	return widget.NewCard(lang.L("dash.by_category"), lang.L("dash.by_category_hint"), barChart(bars))
}

// stockChart is the stock left of each item.
func (s *dashboardScreen) stockChart() fyne.CanvasObject {
	var bars []bar
	for _, l := range s.stock {
		bars = append(bars, bar{label: l.Item.Name(language()), value: l.Donated + l.Purchased, part: l.Left(),
			text: lang.L("dash.stock_left", map[string]any{"Left": unitCount(l.Left(), l.Item),
				"In": number(l.Donated + l.Purchased)})})
	}
	return widget.NewCard(lang.L("dash.stock"), lang.L("dash.stock_hint"), barChart(bars))
}

// card is a figure that opens its list when tapped.
func (s *dashboardScreen) card(title, value, hint, target string, setup func(screen)) fyne.CanvasObject {
	v := canvas.NewText(value, theme.Color(theme.ColorNamePrimary))
	v.TextSize = theme.TextHeadingSize()
	v.TextStyle.Bold = true
	h := widget.NewLabel(hint)
	h.Wrapping = fyne.TextWrapWord
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon(lang.L("dash.open"), theme.NavigateNextIcon(), func() { s.u.show(target, setup) })
	open.Importance = widget.LowImportance
	open.IconPlacement = widget.ButtonIconTrailingText
	return widget.NewCard("", "", container.NewVBox(t, v, h, container.NewHBox(open)))
}
