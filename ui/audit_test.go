package ui

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// Opening a child's card in the list writes an access record naming the
// child and the user.
func TestChildCardRecordsAccess(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.show(scrChildren, nil)
	s := u.screens[scrChildren].(*childrenScreen)
	s.table.table.Select(widget.TableCellID{Row: 2, Col: 0})
	row, ok := s.childAt(2)
	if !ok {
		t.Fatal("the list shows no third child")
	}
	id := row.ID
	if s.form.child.ID != id {
		t.Fatalf("the card shows child %d, want %d", s.form.child.ID, id)
	}
	got, total, err := st.FindAuditPage(ctx, data.AuditFilter{Action: data.ActionAccess, Table: data.AccessCard})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || got[0].RowID != id || got[0].OSUser != st.Actor() {
		t.Fatalf("access records=%+v, want child %d's card opened by %s", got, id, st.Actor())
	}
}

// The «Журнал» filters by user and by days, and its export holds what
// the filter selects.
func TestAuditScreenFilters(t *testing.T) {
	u, st := newTestUI(t)
	// written by hand: two other clerks' work of other days
	day := func(d int) time.Time { return time.Date(2019, 9, d, 6, 0, 0, 0, time.UTC) }
	datatest.AddAuditEntries(t, st,
		data.AuditEntry{At: day(16), OSUser: "aigerim", Table: "children", RowID: 5, Action: "update",
			OldJSON: `{"Notes":"a"}`, NewJSON: `{"Notes":"b"}`},
		data.AuditEntry{At: day(17), OSUser: "bolat", Table: "card", RowID: 7, Action: "access", NewJSON: `{"count":1}`},
		data.AuditEntry{At: day(18), OSUser: "aigerim", Table: "card", RowID: 7, Action: "access", NewJSON: `{"count":1}`})
	s := newAuditScreen(u)
	test.NewTempWindow(t, s.buildUI())
	s.refresh()
	if s.total < 3 {
		t.Fatalf("the log shows %d records, want the demo's and the three", s.total)
	}
	s.user.SetSelected("aigerim")
	s.onApplyTapped()
	if got := auditRows(s); got != "aigerim card 7|aigerim children 5" {
		t.Fatalf("aigerim's records: %q", got)
	}
	s.user.SetSelected(s.users.label(""))
	test.Type(s.from, "17.09.2019")
	test.Type(s.to, "17.09.2019")
	s.onApplyTapped()
	if got := auditRows(s); got != "bolat card 7" {
		t.Fatalf("17 September: %q", got)
	}
	path := filepath.Join(t.TempDir(), "журнал.xlsx")
	u.exportTo(path, "audit", s.exportTable)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) != 2 || rows[1][1] != "bolat" {
		t.Fatalf("exported rows=%q, %v; want the header and bolat's", rows, err)
	}
	s.from.SetText("32.09.2019")
	s.onApplyTapped()
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("field.audit_from")) {
		t.Fatalf("a bad date says %q, want the field named", msg)
	}
}

func auditRows(s *auditScreen) string {
	var out []string
	for row := range s.entries {
		out = append(out, s.cell(row, 1)+" "+s.cell(row, 3)+" "+s.cell(row, 4))
	}
	return strings.Join(out, "|")
}

// The admin's retention card counts, asks and anonymises; the campaign's
// figures stay as they were.
func TestRetentionCard(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	sums := func() string {
		var b strings.Builder
		for _, c := range u.campaigns {
			sum, err := st.Summary(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			j, _ := json.Marshal(sum)
			b.Write(j)
		}
		return b.String()
	}
	before := sums()
	p := newRetentionPanel(u)
	test.NewTempWindow(t, p.buildUI())
	test.Type(p.year, "2019")
	p.onCountTapped()
	dry, err := st.Retain(ctx, 2019, true)
	if err != nil || dry.Children == 0 {
		t.Fatalf("the demo's 2018-only children: %+v, %v", dry, err)
	}
	if want := lang.L("settings.retention.dry", retentionArgs(dry)); p.result.Text != want {
		t.Fatalf("the count says %q, want %q", p.result.Text, want)
	}
	var done data.RetentionReport
	p.done = func(r data.RetentionReport) { done = r }
	p.onRunTapped()
	tapOverlayButton(t, u.win, lang.L("Yes"))
	if done.Children != dry.Children || !done.Vacuumed && !st.OnServer() {
		t.Fatalf("retention did %+v, the count said %+v", done, dry)
	}
	if after := sums(); after != before {
		t.Fatal("retention changed the campaigns' summaries")
	}
}
