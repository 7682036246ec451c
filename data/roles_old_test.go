package data_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// A server set up before roles per office (server-wide mektepkezhol_*
// groups, admins with CREATEROLE) is moved to the office's roles when the
// new app opens the office as a superuser, and again changes nothing.
func TestOldRolesMovedToTheOffice(t *testing.T) {
	serverOnly(t)
	ctx := context.Background()
	st := mustOpen(t)
	dsn := st.Path()
	schema := schemaOf(t, st)
	clerk, admin := fmt.Sprintf("oldclerk%d", os.Getpid()), fmt.Sprintf("oldadmin%d", os.Getpid())
	setup := []string{
		`DO $$ DECLARE r text; BEGIN FOREACH r IN ARRAY ARRAY['mektepkezhol_clerk', 'mektepkezhol_head', 'mektepkezhol_admin'] LOOP
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I', r); END IF; END LOOP; END $$`,
		`CREATE ROLE ` + clerk + ` LOGIN IN ROLE mektepkezhol_clerk`,
		`CREATE ROLE ` + admin + ` LOGIN CREATEROLE IN ROLE mektepkezhol_admin`,
		`GRANT mektepkezhol_clerk, mektepkezhol_head, mektepkezhol_admin TO ` + admin + ` WITH ADMIN OPTION`,
		`GRANT USAGE ON SCHEMA ` + schema + ` TO mektepkezhol_clerk`,
		`GRANT SELECT ON ALL TABLES IN SCHEMA ` + schema + ` TO mektepkezhol_clerk`,
		`INSERT INTO audit_log (at, os_user, table_name, row_id, action) VALUES ('2019-08-20T10:41:00Z', '` + clerk + `', 'children', 1, 'update')`,
		`INSERT INTO audit_log (at, os_user, table_name, row_id, action, new_json) VALUES ('2019-08-01T09:00:00Z', 'postgres', 'users', 0, 'insert', '{"Name":"` + admin + `","Role":"admin","CanLogin":true}')`,
		`COMMENT ON POLICY head_changes ON distributions IS NULL`, // grants of an older build
	}
	for _, q := range setup {
		if err := st.RawExec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		for _, q := range []string{`DROP ROLE IF EXISTS ` + clerk, `DROP ROLE IF EXISTS ` + admin} {
			if err := st.RawExec(q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	for range 2 { // the second open finds nothing to do
		again, err := data.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		again.Close()
	}
	got, err := st.RawStrings(`SELECT concat_ws(' ', u.rolname, g.rolname) FROM pg_auth_members m
		JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
		WHERE u.rolname IN ($1, $2) AND g.rolname LIKE 'mkzh%' ORDER BY 1`, admin, clerk)
	want := []string{admin + " mkzh_" + schema + "_admin", clerk + " mkzh_" + schema + "_clerk"}
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("office groups %v (%v), want %v", got, err, want)
	}
	if n, err := st.RawCount(`SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcreaterole`, admin); err != nil || n != 0 {
		t.Fatalf("the old admin keeps CREATEROLE (%v)", err)
	}
	if n, err := st.RawCount(`SELECT 1 WHERE has_table_privilege('mektepkezhol_clerk', $1, 'SELECT')`, schema+".children"); err != nil || n != 0 {
		t.Fatalf("the old group still reads the office's children (%v)", err)
	}
	u, _ := url.Parse(dsn)
	u.User = url.User(clerk)
	asClerk, err := data.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer asClerk.Close()
	if asClerk.Role() != data.RoleClerk {
		t.Fatalf("the old clerk's role %s, want clerk", asClerk.Role())
	}
	if _, err := asClerk.FindChildren(ctx, data.ChildFilter{}); err != nil {
		t.Fatalf("the old clerk reads the office's children: %v", err)
	}
}
