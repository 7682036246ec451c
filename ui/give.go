package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// giveForm picks the children (one, or a group by school, category and
// grade) and the item, shows the stock, and saves the distributions; the
// duplicate and shortage warning asks before saving anyway.
type giveForm struct {
	u          *App
	recipients []data.Child
	groupMax   int // the most children a group gives to at once (groupMax)
	stock      []data.StockLine
	schools    []data.School

	mode                          *widget.RadioGroup
	search                        *lineEntry
	picks                         *childSearch // ui/child_pick.go
	matches                       []data.Child
	matchList                     *widget.List
	school, category, grade, item *widget.Select
	schoolChoice, catChoice       choice
	itemChoice                    choice
	withoutItem                   *widget.Check
	size, quantity, givenOn, act  *lineEntry
	who                           *widget.Label
	stockInfo                     *widget.Label
	single, group                 *fyne.Container
	onSaved                       func()
}

func newGiveForm(u *App, saved func()) *giveForm {
	f := &giveForm{u: u, who: widget.NewLabel(""), stockInfo: widget.NewLabel(""), groupMax: groupMax}
	f.who.Wrapping, f.stockInfo.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	f.search = newLineEntry()
	f.search.SetPlaceHolder(lang.L("dist.search_child"))
	f.picks = newChildSearch(u, "give", 2, f.showMatches)
	f.search.OnChanged = f.onSearchChanged
	f.matchList = widget.NewList(func() int { return len(f.matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := f.matches[i]
			o.(*widget.Label).SetText(c.FullName() + " · " + string(c.IIN))
		})
	f.matchList.OnSelected = func(i widget.ListItemID) {
		f.recipients = []data.Child{f.matches[i]}
		f.showRecipients()
	}
	f.school, f.category, f.grade = newSelect(nil, nil), newSelect(nil, nil), newSelect(nil, nil)
	f.item = newSelect(nil, func(string) { f.showStock() })
	f.withoutItem = widget.NewCheck(lang.L("dist.without_item"), nil)
	f.withoutItem.SetChecked(true)
	f.size, f.quantity, f.givenOn, f.act = newLineEntry(), newLineEntry(), newLineEntry(), newLineEntry()
	f.givenOn.Validator = dateValidator
	f.mode = widget.NewRadioGroup([]string{lang.L("dist.one"), lang.L("dist.group")}, func(string) { f.showMode() })
	f.mode.Horizontal = true
	f.onSaved = saved
	f.clear()
	return f
}

func (f *giveForm) buildUI() fyne.CanvasObject {
	find := widget.NewButtonWithIcon(lang.L("dist.find_group"), theme.SearchIcon(), f.onFindGroupTapped)
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 180)) // the matches list gets height, not width
	f.single = container.NewBorder(f.search, nil, nil, nil, container.NewStack(room, f.matchList))
	f.group = container.NewVBox(
		widget.NewForm(widget.NewFormItem(lang.L("field.school"), f.school),
			widget.NewFormItem(lang.L("field.category"), f.category),
			widget.NewFormItem(lang.L("field.grade"), f.grade)),
		f.withoutItem, container.NewHBox(find))
	whom := widget.NewCard("", lang.L("dist.whom"), container.NewVBox(f.mode, container.NewStack(f.single, f.group), f.who))
	give := widget.NewButtonWithIcon(lang.L("dist.give"), theme.ConfirmIcon(), f.onGiveTapped)
	give.Importance = widget.HighImportance
	what := widget.NewCard("", lang.L("dist.what"), container.NewVBox(widget.NewForm(
		widget.NewFormItem(lang.L("field.item"), f.item),
		widget.NewFormItem("", f.stockInfo),
		widget.NewFormItem(lang.L("field.size"), f.size),
		widget.NewFormItem(lang.L("field.quantity"), f.quantity),
		widget.NewFormItem(lang.L("field.given_on"), f.givenOn),
		widget.NewFormItem(lang.L("field.act_number"), f.act)), container.NewHBox(give)))
	f.showMode()
	return container.NewVScroll(container.NewVBox(whom, what))
}

// refresh reloads the stock and the filter choices off the UI goroutine:
// the stock sums a campaign's distributions (a million on a region's file).
func (f *giveForm) refresh() {
	campaign := f.u.campaign.ID
	background(func() {
		schools, err := f.u.st.FindSchools(f.u.ctx)
		var stock []data.StockLine
		if err == nil {
			stock, err = f.u.st.Stock(f.u.ctx, campaign)
		}
		fyne.Do(func() {
			if err != nil {
				showError(f.u.win, err)
				return
			}
			f.schools, f.stock = schools, stock
			f.fillChoices()
		})
	})
}

// fillChoices offers the schools, categories, grades and the items in
// stock.
func (f *giveForm) fillChoices() {
	codes := []string{""}
	for _, sc := range f.schools {
		codes = append(codes, strconv.Itoa(sc.Number))
	}
	f.schoolChoice = newChoice(codes, func(c string) string {
		if c == "" {
			return lang.L("filter.all_schools")
		}
		return lang.L("school.short", map[string]any{"N": c})
	})
	f.catChoice = newChoice(append([]string{""}, data.CategoryCodes...), func(c string) string {
		if c == "" {
			return lang.L("filter.all_categories")
		}
		return lang.L("cat.short." + c)
	})
	grades := []string{lang.L("filter.all_grades")}
	for g := 1; g <= 11; g++ {
		grades = append(grades, lang.L("grade.n", map[string]any{"N": g}))
	}
	setSelectOptions(f.school, f.schoolChoice.labels)
	setSelectOptions(f.category, f.catChoice.labels)
	setSelectOptions(f.grade, grades)
	var ids []string
	for _, l := range f.stock {
		ids = append(ids, strconv.FormatInt(l.Item.ID, 10))
	}
	lingo.SortFunc(language(), ids, func(c string) string { return f.stockLine(c).Item.Name(language()) })
	f.itemChoice = newChoice(ids, func(c string) string {
		l := f.stockLine(c)
		return lang.L("dist.item_stock", map[string]any{"Item": l.Item.Name(language()), "Left": unitCount(l.Left(), l.Item)})
	})
	setSelectOptions(f.item, f.itemChoice.labels)
	f.showStock()
}

func setSelectOptions(sel *widget.Select, labels []string) {
	i := indexOf(sel.Options, sel.Selected)
	sel.Options = labels
	if i < 0 || i >= len(labels) {
		i = 0
	}
	if len(labels) > 0 {
		sel.Selected = labels[i]
	}
	sel.Refresh()
}

func (f *giveForm) stockLine(code string) data.StockLine {
	for _, l := range f.stock {
		if strconv.FormatInt(l.Item.ID, 10) == code {
			return l
		}
	}
	return data.StockLine{}
}

func (f *giveForm) showStock() {
	l := f.stockLine(f.itemChoice.code(f.item.Selected))
	if l.Item.ID == 0 {
		f.stockInfo.SetText("")
		return
	}
	f.stockInfo.SetText(lang.L("dist.stock", map[string]any{"In": number(l.Donated + l.Purchased),
		"Out": number(l.Distributed), "Left": unitCount(l.Left(), l.Item)}))
}

func (f *giveForm) showMode() {
	if f.single == nil {
		return
	}
	if f.mode.Selected == lang.L("dist.group") {
		f.single.Hide()
		f.group.Show()
	} else {
		f.group.Hide()
		f.single.Show()
	}
}

// clear starts a new act: no children, quantity 1, today, a new act number.
func (f *giveForm) clear() {
	f.recipients, f.matches = nil, nil
	f.mode.SetSelected(lang.L("dist.one"))
	f.search.SetText("")
	f.size.SetText("")
	f.quantity.SetText("1")
	f.givenOn.SetText(dateText(f.u.campaignDay()))
	f.act.SetText(newActNumber(time.Now()))
	f.matchList.Refresh()
	f.showRecipients()
}

// newActNumber proposes an act number the clerk may overwrite: the date
// and time make it unique for one desk.
func newActNumber(t time.Time) string { return t.Format("060102-1504") }

func (f *giveForm) onSearchChanged(q string) { f.picks.onChanged(q) }

// showMatches lists the children found for the search box.
func (f *giveForm) showMatches(_ string, found []data.Child) {
	f.matches = found
	f.matchList.UnselectAll()
	f.matchList.Refresh()
}
