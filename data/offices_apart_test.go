package data_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// serverOnly skips a test of the server's roles without a server.
func serverOnly(t *testing.T) {
	t.Helper()
	if !datatest.OnServer() {
		t.Skip("roles, grants and triggers are the server's")
	}
}

func schemaOf(t *testing.T, st *data.Store) string {
	t.Helper()
	se, err := st.Session(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return se.Schema
}

// A clerk of one office is refused every table of another office on the
// same server, to read and to write, and the users of one office are not
// the other's.
func TestClerkOfOneOfficeCannotReachAnother(t *testing.T) {
	serverOnly(t)
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	schemaB := schemaOf(t, b)
	clerkA := mustUser(t, a, data.RoleClerk)
	tables, err := b.RawStrings(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, schemaB)
	if err != nil || len(tables) < 15 {
		t.Fatalf("office B's tables %v (%v), want all of the schema's", tables, err)
	}
	for _, table := range tables {
		q := fmt.Sprintf(`SELECT * FROM %s.%s`, schemaB, table)
		if _, err := clerkA.RawCount(q); !errors.Is(data.ServerError(err), data.ErrForbidden) {
			t.Errorf("clerk of A reads %s.%s: %v, want permission denied", schemaB, table, err)
		}
		if err := clerkA.RawWrite(fmt.Sprintf(`DELETE FROM %s.%s`, schemaB, table)); !errors.Is(err, data.ErrForbidden) {
			t.Errorf("clerk of A deletes %s.%s: %v, want permission denied", schemaB, table, err)
		}
	}
	users, err := b.FindUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Name == clerkA.Actor() {
			t.Fatalf("A's clerk %s is among B's users %v", u.Name, users)
		}
	}
}

// An office admin manages users only through the office's functions: she
// cannot give herself the server's programs, make a superuser, create
// roles herself, take another office's group or manage its users, nor
// pass a password in plain text.
func TestOfficeAdminCannotEscalate(t *testing.T) {
	serverOnly(t)
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	schemaA, schemaB := schemaOf(t, a), schemaOf(t, b)
	admin := mustUser(t, a, data.RoleAdmin)
	clerkB := mustUser(t, b, data.RoleClerk)
	me := admin.Actor()
	for _, stmt := range []string{
		`GRANT pg_execute_server_program TO ` + me,
		`GRANT pg_read_server_files TO ` + me,
		`CREATE ROLE evil_su SUPERUSER LOGIN`,
		`CREATE ROLE evil_plain LOGIN`,
		`ALTER ROLE ` + me + ` CREATEROLE`,
		`GRANT mkzh_` + schemaB + `_admin TO ` + me,
		`GRANT mkzh_` + schemaA + `_users TO ` + me,
		`SET ROLE mkzh_` + schemaA + `_users`,
		`ALTER ROLE ` + clerkB.Actor() + ` PASSWORD NULL`,
		`SELECT ` + schemaA + `.mkzh_create_user('evil_plain', 'Plain-Text1', 'clerk')`,
		`SELECT ` + schemaA + `.mkzh_create_user('evil_group', NULL, 'users')`,
		`SELECT ` + schemaA + `.mkzh_create_user('pg_evil', NULL, 'clerk')`,
		`SELECT ` + schemaA + `.mkzh_set_user_role('postgres', 'clerk')`,
		`SELECT ` + schemaA + `.mkzh_set_user_role('` + clerkB.Actor() + `', 'admin')`,
		`SELECT ` + schemaA + `.mkzh_set_user_password('` + clerkB.Actor() + `', NULL)`,
		`SELECT ` + schemaA + `.mkzh_drop_user('` + clerkB.Actor() + `')`,
		`SELECT ` + schemaB + `.mkzh_create_user('evil_b', NULL, 'admin')`,
	} {
		if err := admin.RawWrite(stmt); err == nil {
			t.Errorf("office admin ran %q", stmt)
		}
	}
	n, err := a.RawCount(`SELECT 1 FROM pg_roles WHERE rolname IN ('evil_su', 'evil_plain', 'evil_group', 'pg_evil', 'evil_b')`)
	if err != nil || n != 0 {
		t.Fatalf("%d roles of the office admin's attempts exist (%v)", n, err)
	}
	rows, err := a.RawStrings(`SELECT concat_ws(',', rolsuper, rolcreaterole, pg_has_role(rolname, 'pg_execute_server_program', 'MEMBER'))
		FROM pg_roles WHERE rolname = $1`, me)
	if err != nil || len(rows) != 1 {
		t.Fatal(rows, err)
	}
	if rows[0] != "f,f,f" {
		t.Fatalf("office admin superuser,createrole,server programs = %s, want none", rows[0])
	}
	// What she may: the office's users, through the app.
	if err := admin.CreateUser(ctx, me+"_new", "Any-Pass1", data.RoleClerk); err != nil {
		t.Fatal(err)
	}
	if err := admin.SetUserRole(ctx, me+"_new", data.RoleHead); err != nil {
		t.Fatal(err)
	}
	if err := admin.DropUser(ctx, me+"_new"); err != nil {
		t.Fatal(err)
	}
	if err := admin.SetUserRole(ctx, clerkB.Actor(), data.RoleAdmin); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("A's admin moves B's clerk: %v, want ErrForbidden", err)
	}
}

// The server keeps the audit: a clerk may not write the audit log, and her
// change of a child through psql is recorded with her name, bumps the
// version (so a clerk's stale form is refused) and stamps the row.
func TestServerAuditsEveryChange(t *testing.T) {
	serverOnly(t)
	ctx := context.Background()
	admin, _, child, _ := stockFixture(t)
	clerk := mustUser(t, admin, data.RoleClerk)
	err := clerk.RawWrite(`INSERT INTO audit_log (at, os_user, table_name, row_id, action) VALUES ('2019-01-01T00:00:00Z', 'bolat', 'children', 1, 'update')`)
	if !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("clerk's insert into the audit log: %v, want ErrForbidden", err)
	}
	form, err := admin.FindChildByID(ctx, child.ID)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := admin.FindAudit(ctx, "children", 0)
	if err := clerk.RawWrite(`UPDATE children SET name = 'Дина', changed_by = 'bolat', changed_at = '2001-01-01T00:00:00Z' WHERE id = $1`, child.ID); err != nil {
		t.Fatal(err)
	}
	after, err := admin.FindAudit(ctx, "children", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 || after[0].OSUser != clerk.Actor() || after[0].Action != "update" || after[0].RowID != child.ID {
		t.Fatalf("audit after the clerk's psql update: %+v, want one update of #%d by %s", after[0], child.ID, clerk.Actor())
	}
	if !stampedNow(admin, after[0].At) {
		t.Fatalf("audit row at %v, want the server's now", after[0].At)
	}
	got, err := admin.FindChildByID(ctx, child.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != form.Version+1 || got.ChangedBy != clerk.Actor() || !stampedNow(admin, got.ChangedAt) {
		t.Fatalf("after the psql update: version %d by %q at %v, want %d by %q now", got.Version, got.ChangedBy, got.ChangedAt, form.Version+1, clerk.Actor())
	}
	form.Notes = "a stale form"
	var se *data.StaleError
	if err := admin.UpdateChild(ctx, &form); !errors.As(err, &se) || se.By != clerk.Actor() {
		t.Fatalf("saving the form loaded before the psql update: %v, want a StaleError by %s", err, clerk.Actor())
	}
	// The app's own save is recorded once.
	got.Notes = "saved by the app"
	n0, _ := admin.RawCount(`SELECT 1 FROM audit_log WHERE table_name = 'children' AND row_id = $1`, child.ID)
	if err := clerk.UpdateChild(ctx, &got); err != nil {
		t.Fatal(err)
	}
	n1, _ := admin.RawCount(`SELECT 1 FROM audit_log WHERE table_name = 'children' AND row_id = $1`, child.ID)
	if n1 != n0+1 {
		t.Fatalf("the app's save of a child wrote %d audit rows of it, want 1", n1-n0)
	}
}
