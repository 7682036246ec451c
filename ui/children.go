package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// childPage is how many rows the children list loads at a time.
const childPage = 100

// childrenScreen lists the children with search-as-you-type and filters.
// The server pages the list (data.FindChildPage): the screen holds the
// pages on screen, the cursor after each loaded page for the next one, and
// the count; a jump deep into the list loads its page by offset.
type childrenScreen struct {
	u       *App
	total   int                  // rows in the list: the count, or the first page until it is known
	pages   map[int][]data.Child // loaded pages by number
	cursors map[int]data.ChildCursor
	loading map[int]bool
	listed  data.ChildFilter // the search the pages belong to,
	shown   int              // its number
	ctx     context.Context  // and its context: a newer search cancels it
	cancel  context.CancelFunc
	gen     int // bumped by each search; late answers to an old one are dropped
	blanks  int // rows drawn before their page came, for the timings' walk
	schools map[int64]data.School

	search                              *lineEntry
	school, grade, category, helped     *widget.Select
	schoolChoice, catChoice, helpChoice choice
	count                               *widget.Label
	table                               *dataTable
	form                                *childForm
	formBox                             *fyne.Container // where the form is put once built
	preset                              *bool
	place                               listPlace
	wait                                answerWait // how long a key waits for its first page (children_find.go)
}

func newChildrenScreen(u *App) *childrenScreen {
	s := &childrenScreen{u: u, count: widget.NewLabel(""), pages: map[int][]data.Child{},
		cursors: map[int]data.ChildCursor{}, loading: map[int]bool{}, schools: map[int64]data.School{},
		ctx: u.ctx, cancel: func() {}}
	s.wait.limit = firstPageWait
	s.search = newLineEntry()
	s.search.SetPlaceHolder(lang.L("children.search"))
	s.search.OnChanged = s.onSearchChanged
	s.table = newDataTable([]string{lang.L("col.full_name"), lang.L("col.iin"), lang.L("col.school"),
		lang.L("col.grade"), lang.L("col.birth_date"), lang.L("col.categories")},
		[]float32{280, 130, 70, 70, 110, 300}, func() int { return s.total }, s.cell)
	s.table.selected = s.onRowSelected
	s.form = newChildForm(u, s.onSaved)
	s.form.del.OnTapped = s.onDeleteTapped
	s.school = newSelect(nil, func(string) { s.refresh() })
	s.grade = newSelect(nil, func(string) { s.refresh() })
	s.category = newSelect(nil, func(string) { s.refresh() })
	s.helped = newSelect(nil, func(string) { s.refresh() })
	return s
}

// presetHelped opens the list on the children helped (or not yet) in the
// campaign; the dashboard uses it.
func (s *childrenScreen) presetHelped(helped bool) { s.preset = &helped }

func (s *childrenScreen) cell(row, col int) string {
	c, ok := s.childAt(row)
	if !ok {
		s.loadPage(row / childPage)
		if col == 0 {
			s.blanks++
			return "…"
		}
		return ""
	}
	s.prefetch(row)
	switch col {
	case 0:
		return c.FullName()
	case 1:
		return string(c.IIN)
	case 2:
		if sc, ok := s.schools[c.SchoolID]; ok {
			return "№" + strconv.Itoa(sc.Number)
		}
		return ""
	case 3:
		if c.Grade == 0 {
			return ""
		}
		return fmt.Sprintf("%d %s", c.Grade, c.GradeLetter)
	case 4:
		return dateText(c.BirthDate)
	}
	var names []string
	for _, cc := range c.Categories {
		names = append(names, lang.L("cat.short."+cc.Code))
	}
	return strings.Join(names, ", ")
}

// childAt returns the child in a row, if its page is loaded.
func (s *childrenScreen) childAt(row int) (data.Child, bool) {
	page, ok := s.pages[row/childPage]
	if !ok || row%childPage >= len(page) {
		return data.Child{}, false
	}
	return page[row%childPage], true
}

// prefetch loads the next page while the clerk scrolls through the second
// half of this one, so a steady scroll meets no blank rows.
func (s *childrenScreen) prefetch(row int) {
	next := row/childPage + 1
	if row%childPage < childPage/2 || next*childPage >= s.total {
		return
	}
	if _, ok := s.pages[next]; !ok {
		s.loadPage(next)
	}
}

// loadPage loads a page of the list: after the previous page's last
// child when that page is loaded (the usual scroll), by offset otherwise.
func (s *childrenScreen) loadPage(page int) {
	if s.loading[page] {
		return
	}
	s.loading[page] = true
	f, after := s.listed, data.ChildCursor{}
	if cur, ok := s.cursors[page-1]; ok {
		after = cur
	} else {
		f.Offset = page * childPage
	}
	ctx, shown := s.ctx, s.shown
	background(func() {
		rows, err := s.u.st.FindChildPage(ctx, f, after, childPage)
		fyne.Do(func() {
			if shown != s.shown || ctx.Err() != nil {
				return // the list was searched again meanwhile
			}
			if err != nil {
				s.loading[page] = false
				showError(s.u.win, err)
				return
			}
			s.pages[page], s.cursors[page] = rows.Children, rows.Next
			s.table.table.Refresh()
		})
	})
}

func (s *childrenScreen) buildUI() fyne.CanvasObject {
	s.loadFilters()
	newBtn := widget.NewButtonWithIcon(lang.L("children.new"), theme.ContentAddIcon(), s.onNewTapped)
	filters := container.NewGridWithColumns(4, s.school, s.grade, s.category, s.helped)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.count, newBtn, s.fileButton()), s.search), filters)
	list := container.NewBorder(top, nil, nil, nil, s.table.table)
	// the form comes in a frame of its own (ui/frames.go): the list shows
	// first, and the window's paint is split in two
	form := container.NewStack()
	s.formBox = form
	inFrames(func() {
		if s.formBox != form || s.u.screens[scrChildren] != s || s.u.current != scrChildren {
			return // shown again meanwhile, or left, or the screens built anew (a language)
		}
		form.Add(s.form.buildUI())
		canvas.Refresh(form) // Add lays out, but leaves the window unpainted
	})
	split := container.NewHSplit(list, form)
	split.Offset = 0.57
	return split
}

// loadFilters fills the filter choices from the catalogue.
func (s *childrenScreen) loadFilters() {
	schools, err := s.u.st.FindSchools(s.u.ctx)
	if err != nil {
		showError(s.u.win, err)
	}
	codes := []string{""}
	for _, sc := range schools {
		s.schools[sc.ID] = sc
		codes = append(codes, strconv.FormatInt(sc.ID, 10))
	}
	s.schoolChoice = newChoice(codes, func(code string) string {
		if code == "" {
			return lang.L("filter.all_schools")
		}
		id, _ := strconv.ParseInt(code, 10, 64)
		return lang.L("school.short", map[string]any{"N": s.schools[id].Number})
	})
	s.catChoice = newChoice(append([]string{""}, data.CategoryCodes...), func(code string) string {
		if code == "" {
			return lang.L("filter.all_categories")
		}
		return lang.L("cat.short." + code)
	})
	grades := []string{""}
	for g := 1; g <= 11; g++ {
		grades = append(grades, strconv.Itoa(g))
	}
	s.helpChoice = newChoice([]string{"", "yes", "no"}, func(code string) string { return lang.L("filter.helped." + code) })
	s.setOptions(s.school, s.schoolChoice.labels)
	s.setOptions(s.category, s.catChoice.labels)
	s.setOptions(s.helped, s.helpChoice.labels)
	gradeLabels := []string{lang.L("filter.all_grades")}
	for _, g := range grades[1:] {
		gradeLabels = append(gradeLabels, lang.L("grade.n", map[string]any{"N": g}))
	}
	s.setOptions(s.grade, gradeLabels)
	if s.preset != nil {
		code := "no"
		if *s.preset {
			code = "yes"
		}
		s.helped.Selected = s.helpChoice.label(code)
		s.preset = nil
	}
}

func (s *childrenScreen) setOptions(sel *widget.Select, labels []string) {
	keep := sel.Selected
	sel.Options = labels
	if indexOf(labels, keep) < 0 {
		keep = labels[0]
	}
	sel.Selected = keep
	sel.Refresh()
}

// filter reads the search box and the filters.
func (s *childrenScreen) filter() data.ChildFilter {
	f := data.ChildFilter{Query: s.search.Text, CampaignID: s.u.campaign.ID, Category: s.catChoice.code(s.category.Selected)}
	f.SchoolID, _ = strconv.ParseInt(s.schoolChoice.code(s.school.Selected), 10, 64)
	// «№7» in the search box finds the children of school №7
	if n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f.Query), "№"))); err == nil &&
		strings.HasPrefix(strings.TrimSpace(f.Query), "№") {
		for id, sc := range s.schools {
			if sc.Number == n {
				f.SchoolID, f.Query = id, ""
			}
		}
	}
	if i := indexOf(s.grade.Options, s.grade.Selected); i > 0 {
		f.Grade = i
	}
	switch s.helpChoice.code(s.helped.Selected) {
	case "yes":
		f.Helped = new(bool)
		*f.Helped = true
	case "no":
		f.Helped = new(bool)
	}
	return f
}

// refresh runs the search again from the list's start: the first page
// shows as soon as it comes, the count after it (a first page that is not
// full is the whole list and needs no count).
func (s *childrenScreen) refresh() { s.find(0) }

// onSearchChanged searches as the clerk types. The count waits until the
// keys have rested (searchDelay, ui/children_find.go): it walks every match (on
// SQLite the whole of children_alpha, 60–80 ms of CPU on a region's
// file), each key would cancel it, and meanwhile it took a core from the
// next key's page and from the painting (half the CPU of typing
// «Ахметов» went to counts thrown away).
func (s *childrenScreen) onSearchChanged(string) { s.find(s.u.searchWait) }

func (s *childrenScreen) showCount(n int) {
	s.count.SetText(lang.L("list.count", map[string]any{"N": number(int64(n))}))
}

func (s *childrenScreen) onRowSelected(row int) {
	c, ok := s.childAt(row)
	if !ok {
		return
	}
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(c.ID) })
}

func (s *childrenScreen) onNewTapped() {
	s.u.whenClean(s.form.state.dirty, func() { s.form.edit(0) })
}

func (s *childrenScreen) onSaveTapped() { s.form.onSaveTapped() }
func (s *childrenScreen) focusSearch()  { s.u.win.Canvas().Focus(s.search) }
func (s *childrenScreen) unsaved() bool { return s.form.state.dirty }
func (s *childrenScreen) onSaved(int64) { s.refresh() }

// showFirst opens the list's first row in the form (the screenshots' tour).
func (s *childrenScreen) showFirst() {
	if s.total > 0 {
		s.table.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}
