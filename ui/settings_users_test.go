package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// newUsersTestApp is the least of the app the users card needs: a window
// and the store at dsn for a user of role. On the test server the
// superuser postgres is the store's admin; a roleStore poses as the others.
func newUsersTestApp(t *testing.T, dsn string, role data.Role) (*App, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	t.Cleanup(Inline())
	t.Cleanup(func() { setLanguage("kk") })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1000, 700))
	var s Store = st
	if role != data.RoleAdmin {
		s = roleStore{st, role}
	}
	return &App{app: a, win: w, st: s, ctx: context.Background()}, st
}

// serverOnly skips a test that needs the test server's users.
func serverOnly(t *testing.T) {
	t.Helper()
	if !datatest.OnServer() {
		t.Skipf("users live on a server: set %s (.ci/with-postgres go test -run Users ./ui/)", datatest.EnvPG)
	}
}

// testUserName is a server login of this test process, dropped at the
// test's end.
func testUserName(t *testing.T, st *data.Store, what string) string {
	t.Helper()
	name := fmt.Sprintf("ui_%s_%d", what, os.Getpid())
	t.Cleanup(func() {
		if err := st.DropUser(context.Background(), name); err != nil && !errors.Is(err, data.ErrNotFound) {
			t.Errorf("drop test user %s: %v", name, err)
		}
	})
	return name
}

// userRow returns the card's row of the user called name, or nil.
func userRow(p *usersPanel, name string) fyne.CanvasObject {
	for _, o := range p.rows.Objects {
		if strings.HasPrefix(labelsIn(o), name+"\n") {
			return o
		}
	}
	return nil
}

func storeRole(t *testing.T, st *data.Store, name string) (data.Role, bool) {
	t.Helper()
	users, err := st.FindUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Name == name {
			return u.Role, true
		}
	}
	return "", false
}

// TestUsersTabOnServerOnly: the settings' tabs follow the store and the
// role. On a SQLite file there is no users' tab; a clerk sees neither
// the data's retention nor the log; on a server the admin sees the users.
func TestUsersTabOnServerOnly(t *testing.T) {
	file := filepath.Join(t.TempDir(), "office.db")
	all := []string{"settings.office", "settings.app", "backup.title", "server.title",
		"settings.retention", "audit.title", "letters.settings"}
	clerk := []string{"settings.office", "settings.app", "backup.title", "server.title", "letters.settings"}
	onServer := []string{"settings.office", "settings.app", "backup.title", "server.title",
		"users.title", "settings.retention", "audit.title", "letters.settings"}
	check := func(dsn string, role data.Role, want []string) {
		t.Helper()
		u, _ := newUsersTestApp(t, dsn, role)
		var got []string
		for _, sec := range newSettingsScreen(u).sections() {
			got = append(got, sec.key)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s's tabs: %v, want %v", role, got, want)
		}
	}
	check(file, data.RoleAdmin, all)
	check(file, data.RoleClerk, clerk)
	if datatest.OnServer() {
		check(datatest.DSN(t), data.RoleAdmin, onServer)
	}
}

// TestUsersAdminAddsChangesRemoves adds a user through the dialog (a
// mismatched repeat first), changes its role and removes it, checking the
// card and the server at each step.
func TestUsersAdminAddsChangesRemoves(t *testing.T) {
	serverOnly(t)
	u, st := newUsersTestApp(t, datatest.DSN(t), data.RoleAdmin)
	setLanguage("ru")
	name := testUserName(t, st, "card")
	p := newUsersPanel(u)
	u.win.SetContent(p.buildUI())
	if got := buttonsIn(u.win.Content())[lang.L("users.add")]; got == nil || got.Disabled() {
		t.Fatal("no add button for the admin")
	}

	test.Tap(p.add)
	if p.form == nil {
		t.Fatal("the add dialog did not open")
	}
	test.Type(p.form.name, name)
	p.form.role.SetSelected(lang.L("role.head"))
	test.Type(p.form.password, "Secret-1")
	test.Type(p.form.repeat, "Secret-2")
	tapOverlayButton(t, u.win, lang.L("users.add"))
	msg := overlayText(u.win)
	if !strings.Contains(msg, lang.L("err.users.password_mismatch")) || !strings.Contains(msg, lang.L("field.password_repeat")) {
		t.Fatalf("a mismatched repeat: the dialog says:\n%s", msg)
	}
	if _, ok := storeRole(t, st, name); ok {
		t.Fatal("a user was created with a mismatched password repeat")
	}
	u.win.Canvas().Overlays().Top().(interface{ Hide() }).Hide() // the error
	if p.form == nil {
		t.Fatal("the add dialog closed on a mismatched repeat")
	}
	p.form.repeat.SetText("Secret-1")
	tapOverlayButton(t, u.win, lang.L("users.add"))
	if p.form != nil {
		t.Fatalf("the add dialog is still open; it says:\n%s", overlayText(u.win))
	}
	if role, ok := storeRole(t, st, name); !ok || role != data.RoleHead {
		t.Fatalf("on the server: role=%q found=%v, want head", role, ok)
	}
	row := userRow(p, name)
	if row == nil || !strings.Contains(labelsIn(row), lang.L("role.head")) {
		t.Fatalf("the card's rows:\n%s", labelsIn(p.rows))
	}

	test.Tap(buttonsIn(row)[lang.L("users.change_role")])
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok {
			r.SetSelected(lang.L("role.clerk"))
		}
	})
	tapOverlayButton(t, u.win, lang.L("action.save"))
	if role, _ := storeRole(t, st, name); role != data.RoleClerk {
		t.Fatalf("on the server after the change: role=%q, want clerk", role)
	}
	if row = userRow(p, name); row == nil || !strings.Contains(labelsIn(row), lang.L("role.clerk")) {
		t.Fatalf("the card's rows after the change:\n%s", labelsIn(p.rows))
	}

	// a new password, typed twice: a mismatch is refused, a match saved
	setPasswords := func(first, second string) {
		var entries []*widget.Entry
		walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if e, ok := asEntry(o); ok && e.Password {
				entries = append(entries, e)
			}
		})
		if len(entries) != 2 {
			t.Fatalf("the password dialog has %d password fields, want 2", len(entries))
		}
		entries[0].SetText(first)
		entries[1].SetText(second)
		tapOverlayButton(t, u.win, lang.L("action.save"))
	}
	test.Tap(buttonsIn(row)[lang.L("users.password")])
	setPasswords("n3w-Pass", "n3w-Pas")
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("err.users.password_mismatch")) {
		t.Fatalf("a mismatched new password: the dialog says:\n%s", msg)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	test.Tap(buttonsIn(row)[lang.L("users.password")])
	setPasswords("n3w-Pass", "n3w-Pass")
	audit, err := st.FindAudit(context.Background(), "users", 1)
	if err != nil || len(audit) != 1 || !strings.Contains(audit[0].NewJSON, name) || strings.Contains(audit[0].NewJSON, "n3w-Pass") {
		t.Fatalf("the password change's audit: %+v %v", audit, err)
	}

	test.Tap(buttonsIn(row)[lang.L("users.remove")])
	if msg := overlayText(u.win); !strings.Contains(msg, "«"+name+"»") {
		t.Fatalf("the confirmation does not name the user:\n%s", msg)
	}
	tapOverlayButton(t, u.win, lang.L("users.remove"))
	if _, ok := storeRole(t, st, name); ok {
		t.Fatal("the user is still on the server after removal")
	}
	if userRow(p, name) != nil {
		t.Fatalf("the card still lists the removed user:\n%s", labelsIn(p.rows))
	}

	p.onRemoveTapped(data.User{Name: u.st.Actor(), Role: data.RoleAdmin, CanLogin: true})
	if msg := overlayText(u.win); !strings.Contains(msg, lang.L("users.remove_self")) {
		t.Fatalf("removing oneself: the dialog says:\n%s", msg)
	}
}

// TestUsersBadNameNamesTheField: the server's refusal of a name keeps the
// dialog open and says which field is wrong.
func TestUsersBadNameNamesTheField(t *testing.T) {
	serverOnly(t)
	u, _ := newUsersTestApp(t, datatest.DSN(t), data.RoleAdmin)
	p := newUsersPanel(u)
	u.win.SetContent(p.buildUI())
	test.Tap(p.add)
	test.Type(p.form.name, "Aigul Serik")
	tapOverlayButton(t, u.win, lang.L("users.add"))
	msg := overlayText(u.win)
	if !strings.Contains(msg, lang.L("field.user")) || !strings.Contains(msg, lang.L("err.user.name")) {
		t.Fatalf("a bad name: the dialog says:\n%s", msg)
	}
	if p.form == nil {
		t.Fatal("the add dialog closed on a refused name")
	}
}

// TestUsersClerkReadsOnly: a clerk sees the users and their roles, and
// none of the admin's buttons.
func TestUsersClerkReadsOnly(t *testing.T) {
	serverOnly(t)
	u, st := newUsersTestApp(t, datatest.DSN(t), data.RoleClerk)
	name := testUserName(t, st, "seen")
	if err := st.CreateUser(context.Background(), name, "", data.RoleHead); err != nil {
		t.Fatal(err)
	}
	p := newUsersPanel(u)
	u.win.SetContent(p.buildUI())
	content := u.win.Content()
	for _, key := range []string{"users.add", "users.change_role", "users.remove"} {
		if b := buttonsIn(content)[lang.L(key)]; b != nil {
			t.Fatalf("a clerk sees the button %q", b.Text)
		}
	}
	if !strings.Contains(labelsIn(content), lang.L("role.needs_admin")) {
		t.Fatalf("no note %q for a clerk:\n%s", lang.L("role.needs_admin"), labelsIn(content))
	}
	if row := userRow(p, name); row == nil || !strings.Contains(labelsIn(row), lang.L("role.head")) {
		t.Fatalf("a clerk's list:\n%s", labelsIn(p.rows))
	}
}
