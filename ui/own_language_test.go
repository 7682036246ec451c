package ui

import (
	"testing"

	"github.com/mektepkezhol/app/data"
)

// A clerk may not change the office's settings, but chooses her own
// language: it is kept in her connection.json and used at the next start,
// and the office's language stays as it was.
func TestClerkKeepsHerOwnLanguage(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	u, st := newRoleUI(t, data.RoleClerk)
	office, err := st.Settings(u.ctx)
	if err != nil {
		t.Fatal(err)
	}
	s := u.screens[scrSettings].(*settingsScreen)
	s.refresh()
	other := "ru"
	if office.Language == "ru" {
		other = "kk"
	}
	s.language.SetSelected(s.langs.label(other))

	if u.settings.Language != other {
		t.Fatalf("language in use %q, want %q", u.settings.Language, other)
	}
	c, err := data.LoadConnection()
	if err != nil || c.Language != other {
		t.Fatalf("connection.json language %q (%v), want %q", c.Language, err, other)
	}
	saved, _ := st.Settings(u.ctx)
	if saved.Language != office.Language {
		t.Fatalf("office language became %q, want %q kept", saved.Language, office.Language)
	}
	// the next start speaks her language
	if got, ok := ownLanguage(u); !ok || got != other {
		t.Fatalf("own language at start %q %v, want %q", got, ok, other)
	}
}
