package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// itemsScreen is the aid catalogue with each item's stock in the campaign.
type itemsScreen struct {
	u     *App
	rows  []data.StockLine
	table *dataTable
	item  data.AidItem
	state formState

	heading                              *widget.Label
	code, nameKK, nameRU, unitKK, unitRU *lineEntry
	unitRUFew, unitRUMany                *lineEntry // «пары», «пар»: the unit after 2 and after 5
	sized                                *widget.Check
	purchase                             *purchaseForm // the open «Сатып алу» dialog
	busy                                 *spinner      // while the stock loads
	loads                                loader        // a newer load, or leaving the screen, cancels it (ui/loader.go)
}

func newItemsScreen(u *App) *itemsScreen {
	s := &itemsScreen{u: u, heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		busy: newSpinner()}
	s.busy.Hide()
	s.table = newDataTable([]string{lang.L("col.item"), lang.L("col.donated"), lang.L("col.purchased"),
		lang.L("col.distributed"), lang.L("col.left")}, []float32{190, 115, 115, 115, 115}, func() int { return len(s.rows) }, s.cell)
	s.table.highlight = func(row int) bool { return s.rows[row].Left() < 0 }
	s.table.selected = func(row int) { s.open(s.rows[row].Item) }
	entries := []**lineEntry{&s.code, &s.nameKK, &s.nameRU, &s.unitKK, &s.unitRU, &s.unitRUFew, &s.unitRUMany}
	for _, e := range entries {
		*e = newLineEntry()
	}
	s.state.track(s.code, s.nameKK, s.nameRU, s.unitKK, s.unitRU, s.unitRUFew, s.unitRUMany)
	s.sized = widget.NewCheck(lang.L("item.sized"), func(bool) { s.state.mark() })
	s.edit(data.AidItem{})
	return s
}

func (s *itemsScreen) cell(row, col int) string {
	l := s.rows[row]
	switch col {
	case 0:
		return l.Item.Name(language())
	case 1:
		return unitCount(l.Donated, l.Item)
	case 2:
		return unitCount(l.Purchased, l.Item)
	case 3:
		return unitCount(l.Distributed, l.Item)
	}
	return unitCount(l.Left(), l.Item)
}

func (s *itemsScreen) buildUI() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.onSaveTapped)
	save.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(lang.L("items.new"), theme.ContentAddIcon(), s.onNewTapped)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.code"), s.code),
		widget.NewFormItem(lang.L("field.name_kk"), s.nameKK),
		widget.NewFormItem(lang.L("field.name_ru"), s.nameRU),
		widget.NewFormItem(lang.L("field.unit_kk"), s.unitKK),
		widget.NewFormItem(lang.L("field.unit_ru"), s.unitRU),
		widget.NewFormItem(lang.L("field.unit_ru_few"), s.unitRUFew),
		widget.NewFormItem(lang.L("field.unit_ru_many"), s.unitRUMany),
		widget.NewFormItem("", s.sized))
	buy := widget.NewButtonWithIcon(lang.L("purchase.button"), theme.ContentAddIcon(), s.onPurchaseTapped)
	note := s.u.guard(data.RoleAdmin, save, newBtn)
	list := container.NewBorder(container.NewHBox(newBtn, buy, s.busy), nil, nil, nil, s.table.table)
	split := container.NewHSplit(list, container.NewVScroll(container.NewPadded(container.NewVBox(s.heading, form, container.NewHBox(save, note)))))
	split.Offset = 0.66
	return split
}

// refresh loads the stock off the UI goroutine: it sums the campaign's
// distributions. A newer load cancels the older one.
func (s *itemsScreen) refresh() {
	campaign := s.u.campaign.ID
	loadInto(s.u, &s.loads, s.busy, func(ctx context.Context) ([]data.StockLine, error) {
		return s.u.st.Stock(ctx, campaign)
	}, func(rows []data.StockLine) {
		s.rows = rows
		s.table.reload()
	})
}

func (s *itemsScreen) open(a data.AidItem) {
	if s.state.dirty {
		s.u.confirmDiscard(func() { s.edit(a) }, nil)
		return
	}
	s.edit(a)
}

func (s *itemsScreen) edit(a data.AidItem) {
	s.item = a
	s.state.fill(func() {
		s.heading.SetText(lang.L("items.new"))
		if a.ID != 0 {
			s.heading.SetText(a.Name(language()))
		}
		s.code.SetText(a.Code)
		s.nameKK.SetText(a.NameKK)
		s.nameRU.SetText(a.NameRU)
		s.unitKK.SetText(a.UnitKK)
		s.unitRU.SetText(a.UnitRU)
		s.unitRUFew.SetText(a.UnitRUFew)
		s.unitRUMany.SetText(a.UnitRUMany)
		s.sized.SetChecked(a.Sized)
	})
}

func (s *itemsScreen) onNewTapped() { s.open(data.AidItem{}) }

// onPurchaseTapped records bought goods, the open item proposed.
func (s *itemsScreen) onPurchaseTapped() {
	s.purchase = newPurchaseForm(s, s.item)
	s.purchase.show()
}

func (s *itemsScreen) onSaveTapped() {
	a := s.item
	a.Code, a.NameKK, a.NameRU, a.UnitKK, a.UnitRU = s.code.Text, s.nameKK.Text, s.nameRU.Text, s.unitKK.Text, s.unitRU.Text
	a.Sized = s.sized.Checked
	a.UnitRUFew, a.UnitRUMany = s.unitRUFew.Text, s.unitRUMany.Text
	// forms left empty, or left as they were for a unit now renamed, come
	// from the documents' noun table
	renamed := a.UnitRU != s.item.UnitRU && a.UnitRUFew == s.item.UnitRUFew && a.UnitRUMany == s.item.UnitRUMany
	if renamed || a.UnitRUFew == "" || a.UnitRUMany == "" {
		a.UnitRUFew, a.UnitRUMany = ruUnitForms(a.UnitRU)
	}
	var err error
	if a.ID == 0 {
		err = s.u.st.CreateAidItem(s.u.ctx, &a)
	} else {
		err = s.u.st.UpdateAidItem(s.u.ctx, &a)
	}
	if err != nil {
		showError(s.u.win, err)
		return
	}
	s.edit(a)
	s.refresh()
}

func (s *itemsScreen) unsaved() bool { return s.state.dirty }
