package data_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// An admin gives a user a new password: the old one no longer opens the
// server, the new one does; a clerk may not change another's password; the
// audit log says it changed and never holds it.
func TestSetUserPasswordOnServer(t *testing.T) {
	dsn := datatest.LoginRole(t, "old-Pass1") // skips without a server
	u, _ := url.Parse(dsn)
	name := u.User.Username()
	ctx := context.Background()
	admin := mustOpen(t)
	se, err := admin.Session(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := admin.RawExec(`GRANT mkzh_` + se.Schema + `_clerk TO ` + name); err != nil {
		t.Fatal(err)
	}
	if err := admin.SetUserPassword(ctx, name, "new-Pass2"); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Open(data.WithPassword(dsn, "old-Pass1")); !data.IsAuthFailure(err) {
		t.Fatalf("the old password: %v, want an auth failure", err)
	}
	st, err := data.Open(data.WithPassword(dsn, "new-Pass2"))
	if err != nil && (data.IsAuthFailure(err) || data.IsUnreachable(err)) {
		t.Fatalf("the new password: %v", err)
	}
	if err == nil {
		st.Close()
	}
	clerk := mustOpen(t)
	clerk.SetRole(data.RoleClerk)
	if err := clerk.SetUserPassword(ctx, name, "x-Pass3"); !errors.Is(err, data.ErrForbidden) {
		t.Fatalf("a clerk changing another's password: %v, want ErrForbidden", err)
	}
	audit, err := admin.FindAudit(ctx, "users", 10)
	if err != nil || len(audit) == 0 {
		t.Fatalf("audit %v, %v", audit, err)
	}
	for _, a := range audit {
		if j := a.OldJSON + a.NewJSON; strings.Contains(j, "old-Pass1") || strings.Contains(j, "new-Pass2") {
			t.Fatalf("the audit log holds a password: %+v", a)
		}
	}
}
