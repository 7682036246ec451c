package data_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// rawDB opens the store's database beside it, as another program would.
func rawDB(t *testing.T, st *data.Store) *sql.DB {
	t.Helper()
	driver := "sqlite3"
	if st.OnServer() {
		driver = "pgx"
	}
	db, err := sql.Open(driver, st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Opening a child's card is recorded: who, which child, one.
func TestRecordAccess(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	mustAgeChild(t, st)
	kids, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil || len(kids) != 1 {
		t.Fatalf("children=%v, %v", kids, err)
	}
	if err := st.RecordAccess(ctx, data.AccessCard, kids[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordAccess(ctx, "card'; DROP", 0, 1); err == nil {
		t.Fatal("an access word with a quote was recorded")
	}
	got, total, err := st.FindAuditPage(ctx, data.AuditFilter{Action: data.ActionAccess, Table: data.AccessCard})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(got) != 1 || got[0].RowID != kids[0].ID || got[0].OSUser != st.Actor() || got[0].NewJSON != `{"count":1}` {
		t.Fatalf("access records=%+v (total %d), want one card of child %d by %s", got, total, kids[0].ID, st.Actor())
	}
	// on a server the server's clock stamps it
	if !st.OnServer() && !got[0].At.Equal(st.Now()) {
		t.Fatalf("recorded at %v, want the store's clock %v", got[0].At, st.Now())
	}
}

// The audit screen's filter: by user, by local days, by action, paged.
func TestAuditFilter(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	db := rawDB(t, st)
	// three records written by hand, as other clerks' work of other days
	_, err := db.ExecContext(ctx, `INSERT INTO audit_log (at, os_user, table_name, row_id, action, old_json, new_json) VALUES
		('2019-09-18T04:00:00Z', 'aigerim', 'children', 5, 'update', '{"name":"a"}', '{"name":"b"}'),
		('2019-09-19T10:00:00Z', 'bolat', 'card', 7, 'access', NULL, '{"count":1}'),
		('2019-09-20T03:00:00Z', 'aigerim', 'card', 7, 'access', NULL, '{"count":1}')`)
	if err != nil {
		t.Fatal(err)
	}
	almaty := time.FixedZone("Алматы", 5*3600)
	day := func(d int) time.Time { return time.Date(2019, 9, d, 0, 0, 0, 0, almaty) }
	for _, tc := range []struct {
		name  string
		f     data.AuditFilter
		want  []string // the records' users and times, newest first
		total int
	}{
		{"user", data.AuditFilter{User: "aigerim"}, []string{"aigerim 2019-09-20T03:00:00Z", "aigerim 2019-09-18T04:00:00Z"}, 2},
		// 19 September in Almaty is 18 Sep 19:00 to 19 Sep 19:00 UTC
		{"one day", data.AuditFilter{From: day(19), To: day(19)}, []string{"bolat 2019-09-19T10:00:00Z"}, 1},
		{"user and days", data.AuditFilter{User: "aigerim", From: day(18), To: day(19)}, []string{"aigerim 2019-09-18T04:00:00Z"}, 1},
		{"action", data.AuditFilter{Action: data.ActionAccess, To: day(20)}, []string{"aigerim 2019-09-20T03:00:00Z", "bolat 2019-09-19T10:00:00Z"}, 2},
		{"page", data.AuditFilter{User: "aigerim", Limit: 1, Offset: 1}, []string{"aigerim 2019-09-18T04:00:00Z"}, 2},
		{"nobody", data.AuditFilter{User: "nobody"}, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := st.FindAuditPage(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var seen []string
			for _, e := range got {
				seen = append(seen, e.OSUser+" "+e.At.UTC().Format(time.RFC3339))
			}
			if total != tc.total || len(seen) != len(tc.want) {
				t.Fatalf("records=%v (total %d), want %v (total %d)", seen, total, tc.want, tc.total)
			}
			for i := range seen {
				if seen[i] != tc.want[i] {
					t.Fatalf("records=%v, want %v", seen, tc.want)
				}
			}
		})
	}
	users, err := st.AuditUsers(ctx)
	if err != nil || len(users) < 2 || users[0] != "aigerim" {
		t.Fatalf("users=%v, %v", users, err)
	}
}

// On a server a clerk records a reading through the server's function but
// may neither change the log nor read it through the audit screen.
func TestAccessRolesOnServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("roles are the server's")
	}
	ctx := context.Background()
	st := mustOpen(t)
	mustAgeChild(t, st)
	clerk := mustUser(t, st, data.RoleClerk)
	if err := clerk.RecordAccess(ctx, data.AccessExport+":children", 0, 1); err != nil {
		t.Fatal(err)
	}
	got, _, err := st.FindAuditPage(ctx, data.AuditFilter{User: clerk.Actor(), Action: data.ActionAccess})
	if err != nil || len(got) != 1 || got[0].Table != "export:children" {
		t.Fatalf("clerk's access records=%+v, %v", got, err)
	}
	if _, _, err := clerk.FindAuditPage(ctx, data.AuditFilter{}); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk reads the audit screen: %v, want ErrForbidden", err)
	}
	db := rawDB(t, clerk)
	for _, q := range []string{`UPDATE audit_log SET new_json = NULL`, `DELETE FROM audit_log`,
		`INSERT INTO audit_log (at, os_user, table_name, row_id, action) VALUES ('x', 'x', 'card', 0, 'access')`} {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Fatalf("the clerk could %s", q)
		}
	}
}
