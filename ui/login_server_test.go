package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// TestLoginMessages says why the server refused, in both languages: a
// refused password (28P01, as the server sends it), a closed port (a real
// failed connection), no rights.
func TestLoginMessages(t *testing.T) {
	t.Cleanup(func() { setLanguage("kk") })
	host, port := closedPort(t)
	_, unreachable := data.Open(fmt.Sprintf("postgres://aigul@%s:%d/mektep?connect_timeout=5", host, port))
	refused := fmt.Errorf("connect: %w", &pgconn.PgError{Severity: "FATAL", Code: "28P01", Message: `password authentication failed for user "aigul"`})
	forbidden := fmt.Errorf("%w: %w", data.ErrForbidden, errors.New("permission denied for database mektep"))
	for _, code := range []string{"kk", "ru"} {
		setLanguage(code)
		for _, tt := range []struct {
			name string
			err  error
			key  string
		}{
			{"wrong password", refused, "login.wrong_password"},
			{"closed port", unreachable, "login.unreachable"},
			{"no rights", forbidden, "login.forbidden"},
		} {
			want := lang.L(tt.key)
			if want == tt.key {
				t.Fatalf("%s: no %s translation for %s", tt.name, code, tt.key)
			}
			if got := loginMessage(tt.err); got != want {
				t.Fatalf("%s in %s: %q, want %q (error %v)", tt.name, code, got, want, tt.err)
			}
		}
	}
}

// TestLoginUnreachableThenLocal types a password for a server nobody
// listens on: the window says so, clears the password and stays; the local
// file then opens the app.
func TestLoginUnreachableThenLocal(t *testing.T) {
	u, _ := newServerTestApp(t)
	host, port := closedPort(t)
	var opened *data.Store
	l := newLoginScreen(u.win, fmt.Sprintf("postgres://aigul@%s:%d/mektep?connect_timeout=5", host, port), false,
		func(st *data.Store) { opened = st })
	u.win.SetContent(l.buildUI())
	if l.user.Text != "aigul" {
		t.Fatalf("user=%q, want the URL's", l.user.Text)
	}
	test.Type(l.password, "s3cret")
	test.Tap(l.enter)
	if opened != nil {
		t.Fatal("the app opened without a server")
	}
	if got, want := l.message.Text, lang.L("login.unreachable"); got != want {
		t.Fatalf("message=%q, want %q", got, want)
	}
	if l.password.Text != "" || l.enter.Disabled() {
		t.Fatalf("after a failure: password=%q, enter disabled=%v", l.password.Text, l.enter.Disabled())
	}
	test.Tap(l.local)
	if opened == nil {
		t.Fatalf("the local file did not open: %s", l.message.Text)
	}
	defer opened.Close()
	if want, _ := data.LocalPath(); opened.Path() != want {
		t.Fatalf("opened %q, want the local file %q", opened.Path(), want)
	}
}

// TestLoginWrongPasswordOnServer logs in on the test server as a role that
// must give its password: the window first opens the login, a wrong
// password shows the message in the clerk's language, the right one gets
// past the server's door. Skipped without $MEKTEPKEZHOL_TEST_PG.
func TestLoginWrongPasswordOnServer(t *testing.T) {
	dsn := datatest.LoginRole(t, "right-Pass1")
	u, _ := newServerTestApp(t)
	if err := data.SaveConnection(data.Connection{Server: dsn, Language: "ru"}); err != nil {
		t.Fatal(err)
	}
	var opened *data.Store
	l, err := connect(u.win, dsn, true, func(st *data.Store) { opened = st })
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	if opened != nil || l == nil {
		t.Fatal("the server let the app in without a password")
	}
	if got := l.enter.Text; got != "Войти" {
		t.Fatalf("the login window is not in the saved language: %q", got)
	}
	test.Type(l.password, "wrong-Pass")
	test.Tap(l.enter)
	if got, want := l.message.Text, "Неверное имя пользователя или пароль. Введите ещё раз."; got != want || opened != nil {
		t.Fatalf("message=%q, want %q (opened=%v)", got, want, opened != nil)
	}
	test.Type(l.password, "right-Pass1")
	test.Tap(l.enter)
	if opened != nil {
		defer opened.Close()
		if n, _ := opened.FindChildren(context.Background(), data.ChildFilter{}); len(n) != 0 {
			t.Fatalf("--demo filled the server with %d children", len(n))
		}
		return
	}
	// the roles' rights may still stop the new login; the password did not
	if msg := l.message.Text; strings.Contains(msg, lang.L("login.wrong_password")) || strings.Contains(msg, lang.L("login.unreachable")) {
		t.Fatalf("right password: %s", msg)
	}
}

// TestConnectDemoNeverFillsServer opens an empty schema of the test server
// with --demo: the app opens on it and the demo stays out. Skipped without
// $MEKTEPKEZHOL_TEST_PG.
func TestConnectDemoNeverFillsServer(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("no server: set " + datatest.EnvPG)
	}
	u, _ := newServerTestApp(t)
	var opened *data.Store
	if err := Connect(u.win, datatest.DSN(t), true, func(st *data.Store) { opened = st }); err != nil {
		t.Fatal(err)
	}
	if opened == nil {
		t.Fatal("the trusted test server asked for a password")
	}
	defer opened.Close()
	kids, err := opened.FindChildren(context.Background(), data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(kids) != 0 {
		t.Fatalf("--demo filled the server with %d children", len(kids))
	}
}

// TestConnectUnreachableShowsLogin starts on a server nobody listens on:
// instead of quitting, the app shows the login window saying so.
func TestConnectUnreachableShowsLogin(t *testing.T) {
	u, _ := newServerTestApp(t)
	host, port := closedPort(t)
	opened := false
	l, err := connect(u.win, fmt.Sprintf("postgres://aigul@%s:%d/mektep?connect_timeout=5", host, port), false,
		func(st *data.Store) { opened = true; st.Close() })
	if err != nil || l == nil || opened {
		t.Fatalf("connect: login=%v err=%v opened=%v", l != nil, err, opened)
	}
	if got, want := l.message.Text, lang.L("login.unreachable"); got != want {
		t.Fatalf("message=%q, want %q", got, want)
	}
	if got, want := serverText("postgres://aigul@db.local:5433/mektep?search_path=karaganda&sslmode=disable"), "db.local:5433 · mektep · karaganda"; got != want {
		t.Fatalf("server shown as %q, want %q", got, want)
	}
	if _, err := connect(u.win, "/dev/null/not-a-folder/office.db", false, func(*data.Store) {}); err == nil {
		t.Fatal("a file that cannot be opened did not fail")
	}
}

// TestConnectRefusedShowsLogin starts on a server that answers but refuses
// the database (an office schema that cannot be): the login window says
// why, instead of the app quitting.
func TestConnectRefusedShowsLogin(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("no server: set " + datatest.EnvPG)
	}
	u, _ := newServerTestApp(t)
	dsn := os.Getenv(datatest.EnvPG) + "&search_path=Not-An-Office"
	l, err := connect(u.win, dsn, false, func(st *data.Store) { st.Close(); t.Error("opened a refused database") })
	if err != nil || l == nil {
		t.Fatalf("connect: login=%v err=%v", l != nil, err)
	}
	if msg := l.message.Text; !strings.HasPrefix(msg, lang.L("login.failed")) || !strings.Contains(msg, "Not-An-Office") {
		t.Fatalf("message=%q, want the failure naming the schema", msg)
	}
}
