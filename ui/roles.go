package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// may tells whether the user's role allows what need may do. The store
// refuses the rest anyway (and on a server, the server does too): the
// screens only spare the user a button that would fail.
func (u *App) may(need data.Role) bool { return u.st.Role().Allows(need) }

// userLabel says who works in the window and in which role.
func (u *App) userLabel() *widget.Label {
	l := widget.NewLabel(lang.L("role.user", map[string]any{
		"User": u.st.Actor(), "Role": lang.L("role." + string(u.st.Role()))}))
	l.Importance = widget.LowImportance
	return l
}

// guard disables buttons the user's role may not use and returns a note
// saying whose they are, to show beside them (an empty space when the
// role may).
func (u *App) guard(need data.Role, buttons ...*widget.Button) fyne.CanvasObject {
	if u.may(need) {
		return layout.NewSpacer()
	}
	for _, b := range buttons {
		b.Disable()
	}
	return roleNote(need)
}

// roleNote says which role may do what is disabled.
func roleNote(need data.Role) *widget.Label {
	key := "role.needs_head"
	if need == data.RoleAdmin {
		key = "role.needs_admin"
	}
	l := widget.NewLabel(lang.L(key))
	l.Importance = widget.WarningImportance
	return l
}

// ownLanguage is the language a user who may not change the office's
// settings chose for herself, kept in her connection.json.
func ownLanguage(u *App) (string, bool) {
	if u.may(data.RoleAdmin) {
		return "", false
	}
	c, err := data.LoadConnection()
	if err != nil || (c.Language != "kk" && c.Language != "ru") {
		return "", false
	}
	return c.Language, true
}

// setOwnLanguage switches the language of a user who may not change the
// office's settings, and keeps it on her PC for the next start.
func (s *settingsScreen) setOwnLanguage(code string) {
	if code == "" || code == s.u.settings.Language {
		return
	}
	c, err := data.LoadConnection()
	if err == nil {
		c.Language = code
		err = data.SaveConnection(c)
	}
	if err != nil {
		fyne.LogError("keep the language", err)
	}
	st := s.u.settings
	st.Language = code
	s.u.applySettings(st)
}
