package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// privacyStore is what the access record, the audit log's screen and
// retention need of the store.
type privacyStore interface {
	RecordAccess(ctx context.Context, what string, childID int64, count int) error
	FindAuditPage(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, int, error)
	AuditUsers(ctx context.Context) ([]string, error)
	Retain(ctx context.Context, before int, dryRun bool) (data.RetentionReport, error)
}

// auditPage is how many records the screen shows at once.
const auditPage = 100

// auditExportMax bounds an export of the log (in pages read one by one).
const auditExportMax = 200000

// auditScreen lists the audit log, newest first, a page at a time, with
// filters by user, days and action: the admin's «Журнал».
type auditScreen struct {
	u        *App
	user     *widget.Select
	users    choice
	from, to *lineEntry
	action   *widget.Select
	actions  choice
	table    *dataTable
	pageInfo *widget.Label
	prev     *widget.Button
	next     *widget.Button

	filter  data.AuditFilter
	entries []data.AuditEntry
	total   int
}

var auditActions = []string{"", "insert", "update", "delete", data.ActionAccess}

func newAuditScreen(u *App) *auditScreen {
	s := &auditScreen{u: u, from: newLineEntry(), to: newLineEntry(), pageInfo: widget.NewLabel("")}
	s.from.SetPlaceHolder(lang.L("field.audit_from"))
	s.to.SetPlaceHolder(lang.L("field.audit_to"))
	s.users = newChoice([]string{""}, auditUserLabel)
	s.user = widget.NewSelect(s.users.labels, nil)
	s.user.SetSelected(s.users.label(""))
	s.actions = newChoice(auditActions, func(c string) string {
		if c == "" {
			return lang.L("audit.all_actions")
		}
		return lang.L("audit.action." + c)
	})
	s.action = widget.NewSelect(s.actions.labels, nil)
	s.action.SetSelected(s.actions.label(""))
	headers := []string{lang.L("audit.at"), lang.L("audit.user"), lang.L("audit.action"), lang.L("audit.table"),
		lang.L("audit.row"), lang.L("audit.values")}
	s.table = newDataTable(headers, []float32{150, 110, 110, 130, 70, 400},
		func() int { return len(s.entries) }, s.cell)
	s.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.load(s.filter.Offset - auditPage) })
	s.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.load(s.filter.Offset + auditPage) })
	return s
}

func auditUserLabel(c string) string {
	if c == "" {
		return lang.L("audit.all_users")
	}
	return c
}

func (s *auditScreen) buildUI() fyne.CanvasObject {
	apply := widget.NewButtonWithIcon(lang.L("audit.apply"), theme.SearchIcon(), s.onApplyTapped)
	export := widget.NewButtonWithIcon(lang.L("exchange.export"), theme.DocumentSaveIcon(), s.onExportTapped)
	filters := container.NewHBox(s.user, s.from, s.to, s.action, apply)
	foot := container.NewHBox(s.prev, s.pageInfo, s.next, export)
	return container.NewBorder(filters, foot, nil, nil, s.table.table)
}

func (s *auditScreen) cell(row, col int) string {
	e := s.entries[row]
	switch col {
	case 0:
		return e.At.Local().Format("02.01.2006 15:04:05")
	case 1:
		return e.OSUser
	case 2:
		return s.actions.label(e.Action)
	case 3:
		return e.Table
	case 4:
		return fmt.Sprint(e.RowID)
	}
	return strings.TrimSpace(e.OldJSON + " → " + e.NewJSON)
}

// readFilter reads the fields; a malformed date names its field.
func (s *auditScreen) readFilter() (data.AuditFilter, error) {
	f := data.AuditFilter{User: s.users.code(s.user.Selected), Action: s.actions.code(s.action.Selected), Limit: auditPage}
	var ok bool
	if f.From, ok = parseDate(s.from.Text); !ok {
		return f, &data.ValidationError{Field: "audit_from", Value: s.from.Text, Key: "err.date"}
	}
	if f.To, ok = parseDate(s.to.Text); !ok {
		return f, &data.ValidationError{Field: "audit_to", Value: s.to.Text, Key: "err.date"}
	}
	// the clerk's days are local ones
	f.From, f.To = localDay(f.From), localDay(f.To)
	return f, nil
}

func localDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}

func (s *auditScreen) onApplyTapped() {
	f, err := s.readFilter()
	if err != nil {
		showError(s.u.win, err)
		return
	}
	s.filter = f
	s.load(0)
}

// refresh reads the log's users and the first page.
func (s *auditScreen) refresh() {
	background(func() {
		users, err := s.u.st.AuditUsers(s.u.ctx)
		fyne.Do(func() {
			if err != nil {
				showError(s.u.win, err)
				return
			}
			s.users = newChoice(append([]string{""}, users...), auditUserLabel)
			s.user.SetOptions(s.users.labels)
			s.user.SetSelected(s.users.label(""))
			s.onApplyTapped()
		})
	})
}

// load reads the page at offset off the UI goroutine.
func (s *auditScreen) load(offset int) {
	f := s.filter
	f.Offset = max(offset, 0)
	background(func() {
		entries, total, err := s.u.st.FindAuditPage(s.u.ctx, f)
		fyne.Do(func() {
			if err != nil {
				showError(s.u.win, err)
				return
			}
			s.filter, s.entries, s.total = f, entries, total
			s.pageInfo.SetText(lang.L("audit.page", map[string]any{
				"From": min(f.Offset+1, total), "To": f.Offset + len(entries), "Total": total}))
			s.prev.Disable()
			if f.Offset > 0 {
				s.prev.Enable()
			}
			s.next.Disable()
			if f.Offset+len(entries) < total {
				s.next.Enable()
			}
			s.table.table.Refresh()
		})
	})
}

func (s *auditScreen) onExportTapped() {
	s.u.askSavePath(folderExport, lang.L("audit.file")+".xlsx", []string{".xlsx"}, func(path string) {
		s.u.exportTo(path, "audit", s.exportTable)
	})
}

// exportTable reads every record the filter selects, a page at a time. The
// log's values hold children's personal data: the table is marked so.
func (s *auditScreen) exportTable(l string) (exchange.Table, error) {
	t := exchange.Table{Name: lang.L("audit.title"), Personal: true, Headers: []string{lang.L("audit.at"),
		lang.L("audit.user"), lang.L("audit.action"), lang.L("audit.table"), lang.L("audit.row"),
		lang.L("audit.old"), lang.L("audit.new")}}
	f := s.filter
	f.Limit = 1000
	for f.Offset = 0; f.Offset < auditExportMax; f.Offset += f.Limit {
		page, _, err := s.u.st.FindAuditPage(s.u.ctx, f)
		if err != nil {
			return t, err
		}
		for _, e := range page {
			t.Rows = append(t.Rows, []any{e.At.Local().Format("02.01.2006 15:04:05"), e.OSUser,
				s.actions.label(e.Action), e.Table, e.RowID, e.OldJSON, e.NewJSON})
		}
		if len(page) < f.Limit {
			break
		}
	}
	return t, nil
}

// showAudit opens the log in a window of its own, for the admin.
func (u *App) showAudit() {
	if !u.may(data.RoleAdmin) {
		return
	}
	w := u.app.NewWindow(lang.L("audit.title"))
	s := newAuditScreen(u)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1100, 640))
	s.refresh()
	w.Show()
}

// newAuditCard is the settings' card that opens the log, shown to the
// admin only (settingsScreen).
func newAuditCard(u *App) fyne.CanvasObject {
	open := widget.NewButtonWithIcon(lang.L("audit.open"), theme.ListIcon(), u.showAudit)
	hint := widget.NewLabel(lang.L("audit.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return widget.NewCard("", lang.L("audit.title"), container.NewVBox(container.NewHBox(open), hint))
}
