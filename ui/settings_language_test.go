package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// TestLanguageAppliesAtOnce chooses Russian on the settings screen: every
// screen speaks it and the settings keep it without a Save.
func TestLanguageAppliesAtOnce(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrSettings, nil)
	s := u.screens[scrSettings].(*settingsScreen)
	s.language.SetSelected(s.langs.label("ru"))
	if got := lang.L("nav.sponsors"); got != "Спонсоры" {
		t.Fatalf("the navigation says %q after choosing Russian", got)
	}
	if set, err := st.Settings(context.Background()); err != nil || set.Language != "ru" {
		t.Fatalf("the saved language is %q (%v), want ru", set.Language, err)
	}
}
