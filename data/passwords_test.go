package data_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// A URL whose password the URL parser refuses or misreads is never
// printed with its password, neither by RedactURL nor in Open's error.
func TestRedactURLHidesEveryPassword(t *testing.T) {
	for _, tc := range []struct{ url, secret string }{
		{"postgres://aigerim:p@ss#w0rd@10.0.0.5/region", "ss#w0rd"},
		{"postgres://aigerim:two words@10.0.0.5/region", "two words"},
		{"postgres://aigerim:100%sure@10.0.0.5/region", "100%sure"},
		{"postgres://aigerim:a#b c%d@e@10.0.0.5:5432/region?search_path=abai", "a#b c%d@e"},
		{"postgres://aigerim:plain-Pass1@10.0.0.5/region", "plain-Pass1"},
		{"postgres://10.0.0.5/region?user=aigerim&password=q%zz#1", "q%zz#1"},
	} {
		t.Run(tc.url, func(t *testing.T) {
			got := data.RedactURL(tc.url)
			for _, part := range pieces(tc.secret) {
				if strings.Contains(got, part) {
					t.Fatalf("RedactURL=%q holds %q of the password", got, part)
				}
			}
			if !strings.Contains(got, "10.0.0.5") {
				t.Fatalf("RedactURL=%q lost the host", got)
			}
			st, err := data.Open(tc.url)
			if err == nil {
				st.Close()
				t.Fatal("opened a made-up server")
			}
			for _, part := range pieces(tc.secret) {
				if strings.Contains(err.Error(), part) {
					t.Fatalf("Open's error %q holds %q of the password", err, part)
				}
			}
		})
	}
}

// pieces returns the password and its parts of 4 characters or more
// between its special characters.
func pieces(secret string) []string {
	out := []string{secret}
	for _, f := range strings.FieldsFunc(secret, func(r rune) bool { return strings.ContainsRune("@#% /:", r) }) {
		if len(f) >= 4 {
			out = append(out, f)
		}
	}
	return out
}

// A password typed in the app reaches the server as a SCRAM verifier only:
// with every statement logged, a failed `users add` and a new password
// leave no password in the server's log; the password, with any
// characters, then opens the server (scram-sha-256 in pg_hba.conf), a
// wrong one is told as such.
func TestPasswordsStayOnTheClient(t *testing.T) {
	serverOnly(t)
	logPath := os.Getenv("MEKTEPKEZHOL_TEST_PG_LOG")
	if logPath == "" {
		t.Skip("the test server's log is unknown: run under .ci/with-postgres")
	}
	ctx := context.Background()
	super := mustOpen(t)
	officeAdmin := mustUser(t, super, data.RoleAdmin)
	if err := super.RawExec(`ALTER ROLE ` + officeAdmin.Actor() + ` SET log_statement = 'all'`); err != nil {
		t.Fatal(err)
	}
	admin, err := data.Open(officeAdmin.Path()) // new sessions log every statement
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	first, dup, second := "Sup3r Secret#%@/é'-1", "Sup3rSecret-dup", `n3w:Päss/wörd?&="x"`
	name := officeAdmin.Actor() + "_pw"
	if err := admin.CreateUser(ctx, name, first, data.RoleClerk); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		super.RawExec(`REVOKE scram_login FROM ` + name)
		if err := super.DropUser(context.Background(), name); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	err = admin.CreateUser(ctx, name, dup, data.RoleClerk)
	if !errors.Is(err, data.ErrConflict) {
		t.Fatalf("users add of an existing name: %v, want ErrConflict", err)
	}
	if strings.Contains(err.Error(), dup) {
		t.Fatalf("the error holds the password: %v", err)
	}
	if err := admin.SetUserPassword(ctx, name, second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the server's logger writes behind
	log, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "mkzh_create_user") {
		t.Fatalf("the server logged no statement of %s: log_statement not on?", officeAdmin.Actor())
	}
	for _, pw := range []string{first, dup, second, url.QueryEscape(second)} {
		if strings.Contains(string(log), pw) {
			t.Fatalf("the server's log holds the password %q", pw)
		}
	}

	// The password opens the server; a wrong one is told as a wrong
	// password, not as the TLS the local server does not offer.
	if err := super.RawExec(`DO $$ BEGIN CREATE ROLE scram_login; EXCEPTION WHEN duplicate_object THEN NULL; END $$`); err != nil {
		t.Fatal(err)
	}
	if err := super.RawExec(`GRANT scram_login TO ` + name); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(officeAdmin.Path())
	u.User = url.User(name)
	q := u.Query()
	q.Del("sslmode") // the default on a loopback address: prefer
	u.RawQuery = q.Encode()
	st, err := data.Open(data.WithPassword(u.String(), second))
	if err != nil {
		t.Fatalf("the new password: %v", err)
	}
	st.Close()
	_, err = data.Open(data.WithPassword(u.String(), first))
	if !data.IsAuthFailure(err) {
		t.Fatalf("the old password: %v, want an auth failure", err)
	}
	if strings.Contains(err.Error(), "tls") || strings.Contains(err.Error(), first) {
		t.Fatalf("a wrong password's message: %v", err)
	}
}

// Without an sslmode, a server on another computer is reached over TLS
// only; one on this computer as PostgreSQL's default (prefer) has it; an
// sslmode given is kept.
func TestTLSRequiredOffThisComputer(t *testing.T) {
	t.Setenv("PGSSLMODE", "")
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"postgres://aigerim@10.0.0.5/region?search_path=abai", true},
		{"postgres://aigerim@db.karaganda.kz:5432/region", true},
		{"postgres://aigerim@127.0.0.1/region", false},
		{"postgres://aigerim@localhost/region", false},
		{"postgres://aigerim@[::1]:5432/region", false},
		{"postgres://aigerim@10.0.0.5/region?sslmode=disable", false},
		{"postgres://aigerim@127.0.0.1/region?sslmode=require", true},
	} {
		got, err := data.TLSRequired(tc.url)
		if err != nil || got != tc.want {
			t.Errorf("%s: TLS required %v (%v), want %v", tc.url, got, err, tc.want)
		}
	}
}

// A server without TLS is refused when TLS is required, and told so.
func TestTLSRefusedIsTold(t *testing.T) {
	serverOnly(t)
	u, err := url.Parse(os.Getenv("MEKTEPKEZHOL_TEST_PG"))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("sslmode", "require") // the test server has no certificate
	u.RawQuery = q.Encode()
	_, err = data.Open(u.String())
	if !data.IsTLSRefused(err) || data.IsAuthFailure(err) {
		t.Fatalf("sslmode=require on a server without TLS: %v, want TLS refused", err)
	}
}
