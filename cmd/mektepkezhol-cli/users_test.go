package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

func TestWhoamiAndUsersOnFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	code, out, stderr := cli(t, "--db", db, "whoami", "--json")
	if code != 0 {
		t.Fatalf("whoami: exit %d: %s", code, stderr)
	}
	var se data.Session
	if err := json.Unmarshal([]byte(out), &se); err != nil {
		t.Fatalf("whoami --json: %v\n%s", err, out)
	}
	if se.Role != data.RoleAdmin || se.Backend != "sqlite" || se.Database != db || se.User == "" {
		t.Fatalf("whoami=%+v, want admin of sqlite %s", se, db)
	}
	if code, _, stderr := cli(t, "--db", db, "users", "list"); code != 1 || !strings.Contains(stderr, "only on a server") {
		t.Fatalf("users list on a file: exit %d, %q; want 1 and «only on a server»", code, stderr)
	}
	for _, args := range [][]string{{"users"}, {"users", "add", "x"}, {"users", "add", "x", "--role", "boss"},
		{"users", "frobnicate"}, {"approve", "--campaign", "2019"}} {
		if code, _, _ := cli(t, append([]string{"--db", db}, args...)...); code != exitUsage {
			t.Fatalf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

var cliUsers atomic.Int64

// asUser returns the URL of the store's schema for another login.
func asUser(t *testing.T, dsn, name string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(name)
	return u.String()
}

func TestUsersAndApproveOnServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("users and their roles are the server's")
	}
	ctx := context.Background()
	dsn := datatest.DSN(t)
	if code, _, stderr := cli(t, "--db", dsn, "demo", "--children", "60", "--sponsors", "5", "--distributions", "20"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	n := cliUsers.Add(1)
	clerk, head := fmt.Sprintf("c%d_clerk_%d", os.Getpid(), n), fmt.Sprintf("c%d_head_%d", os.Getpid(), n)
	for _, u := range []string{clerk, head} {
		t.Cleanup(func() { cli(t, "--db", dsn, "users", "remove", u) })
	}
	stdin = strings.NewReader("s3cret'; DROP TABLE children; --\n")
	t.Cleanup(func() { stdin = os.Stdin })
	if code, _, stderr := cli(t, "--db", dsn, "users", "add", clerk, "--role", "clerk", "--password-stdin"); code != 0 {
		t.Fatalf("users add: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", dsn, "users", "add", head, "--role", "clerk"); code != 0 {
		t.Fatalf("users add: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "--db", dsn, "users", "role", head, "--role", "head"); code != 0 {
		t.Fatalf("users role: exit %d: %s", code, stderr)
	}
	stdin = strings.NewReader("n3w-pass\n")
	if code, out, stderr := cli(t, "--db", dsn, "users", "password", clerk, "--password-stdin"); code != 0 || !strings.Contains(out, "password of "+clerk+" changed") {
		t.Fatalf("users password: exit %d: %s%s", code, out, stderr)
	}
	if code, _, _ := cli(t, "--db", dsn, "users", "password", clerk); code != exitUsage {
		t.Fatalf("users password without --password-stdin or --clear: exit %d, want %d", code, exitUsage)
	}
	if code, out, stderr := cli(t, "--db", dsn, "users", "password", head, "--clear"); code != 0 || !strings.Contains(out, "no password now") {
		t.Fatalf("users password --clear: exit %d: %s%s", code, out, stderr)
	}
	code, out, stderr := cli(t, "--db", dsn, "users", "list", "--json")
	if code != 0 {
		t.Fatalf("users list: exit %d: %s", code, stderr)
	}
	var users []struct{ Name, Role string }
	if err := json.Unmarshal([]byte(out), &users); err != nil {
		t.Fatal(err)
	}
	roles := map[string]string{}
	for _, u := range users {
		roles[u.Name] = u.Role
	}
	if roles[clerk] != "clerk" || roles[head] != "head" {
		t.Fatalf("users=%v, want %s clerk, %s head", users, clerk, head)
	}

	clerkDB, headDB := asUser(t, dsn, clerk), asUser(t, dsn, head)
	if code, out, _ := cli(t, "--db", clerkDB, "whoami"); code != 0 || !strings.Contains(out, "clerk") || !strings.Contains(out, "postgresql") {
		t.Fatalf("clerk's whoami: exit %d\n%s", code, out)
	}
	pending := clerkDistribution(t, clerkDB)
	for _, args := range [][]string{{"approve", "--campaign", "2019", "--all"}, {"report", "--campaign", "2019", "--format", "pdf", "--out", filepath.Join(t.TempDir(), "r.pdf")},
		{"press-release", "--campaign", "2019"}, {"users", "add", "c_never", "--role", "admin"}} {
		code, _, stderr := cli(t, append([]string{"--db", clerkDB}, args...)...)
		if code != 1 || !strings.Contains(stderr, "not allowed") {
			t.Fatalf("clerk's %v: exit %d, %q; want 1 and «not allowed»", args, code, stderr)
		}
	}
	code, out, stderr = cli(t, "--db", headDB, "approve", "--campaign", "2019", "--id", fmt.Sprint(pending))
	if code != 0 || !strings.Contains(out, "approved 1 ") {
		t.Fatalf("head's approve: exit %d, %q %q; want approved 1", code, out, stderr)
	}
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ds, err := st.FindDistributions(ctx, data.DistributionFilter{ID: pending})
	if err != nil {
		t.Fatal(err)
	}
	if ds[0].ApprovedBy != head {
		t.Fatalf("approved by %q, want %s", ds[0].ApprovedBy, head)
	}
}

// clerkDistribution has the clerk give a child one more item, pending.
func clerkDistribution(t *testing.T, dsn string) int64 {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		t.Fatal(err)
	}
	given, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID, Limit: 1})
	if err != nil || len(given) == 0 {
		t.Fatalf("no distribution in the demo: %v", err)
	}
	d := given[0].Distribution
	d.ID, d.ApprovedBy, d.GivenOn = 0, "", d.GivenOn.AddDate(0, 0, 1)
	ds := []data.Distribution{d}
	if err := st.CreateDistributions(ctx, ds, true); err != nil {
		t.Fatal(err)
	}
	if !ds[0].Pending() {
		t.Fatal("the clerk's distribution is approved, want pending")
	}
	return ds[0].ID
}

// A password of any characters given with --password-stdin opens the
// server (a SCRAM login); a URL with such a password written into it is
// never printed with it, and nothing is opened.
func TestPasswordOfAnyCharacters(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("users and their passwords are the server's")
	}
	dsn := datatest.DSN(t)
	if code, _, stderr := cli(t, "--db", dsn, "whoami"); code != 0 {
		t.Fatalf("whoami: exit %d: %s", code, stderr)
	}
	name := fmt.Sprintf("c%d_pw_%d", os.Getpid(), cliUsers.Add(1))
	password := `a#b c%d@e/f:g?h&i='j"é€`
	stdin = strings.NewReader(password + "\n")
	t.Cleanup(func() { stdin = os.Stdin })
	if code, _, stderr := cli(t, "--db", dsn, "users", "add", name, "--role", "clerk", "--password-stdin"); code != 0 {
		t.Fatalf("users add: exit %d: %s", code, stderr)
	}
	super, err := sql.Open("pgx", os.Getenv(datatest.EnvPG))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { super.Close() })
	t.Cleanup(func() { cli(t, "--db", dsn, "users", "remove", name) })
	if _, err := super.Exec(`DO $$ BEGIN CREATE ROLE scram_login; EXCEPTION WHEN duplicate_object THEN NULL; END $$`); err != nil {
		t.Fatal(err)
	}
	if _, err := super.Exec(`GRANT scram_login TO ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { super.Exec(`REVOKE scram_login FROM ` + name) })
	st, err := data.Open(data.WithPassword(asUser(t, dsn, name), password))
	if err != nil {
		t.Fatalf("the password given with --password-stdin: %v", err)
	}
	st.Close()

	u, _ := url.Parse(asUser(t, dsn, name))
	raw := "postgres://" + name + ":" + password + "@" + u.Host + u.Path
	code, out, stderr := cli(t, "--db", raw, "whoami")
	if code == 0 {
		t.Fatalf("whoami with the password spliced into the URL: exit 0: %s", out)
	}
	for _, part := range []string{password, "a#b", "c%d", "f:g", "h&i"} {
		if strings.Contains(out+stderr, part) {
			t.Fatalf("the CLI printed %q of the password:\n%s%s", part, out, stderr)
		}
	}
}
