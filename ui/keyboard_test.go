package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// pressTab does what Fyne's desktop window does with Tab (glfw
// window.capturesTab): a focused widget that accepts Tab gets it as a
// key, else the focus moves to the next field.
func pressTab(c fyne.Canvas) {
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	c.FocusNext()
}

// typeFocused types s into the focused widget, as the window does.
func typeFocused(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// runShortcut runs the main menu's item bound to Ctrl+key.
func runShortcut(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	want := (&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == want {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item on %s", want)
}

// TestAppealByKeyboard takes a hotline call with the keyboard only: Ctrl+N,
// the name, Tab, the phone, Tab, the subject, Tab (which must leave the
// subject, not type a tab into it), Ctrl+S.
func TestAppealByKeyboard(t *testing.T) {
	u, st := newTestUI(t)
	u.show(scrAppeals, nil)
	c := u.win.Canvas()
	runShortcut(t, u.win, fyne.KeyN)
	f := u.screens[scrAppeals].(*appealsScreen).form
	if c.Focused() != f.citizen {
		t.Fatalf("Ctrl+N left the focus on %T, want the caller's name", c.Focused())
	}
	typeFocused(c, "Сәрсенбаева Гүлнар")
	pressTab(c)
	typeFocused(c, "7012345678")
	pressTab(c)
	if c.Focused() != f.subject {
		t.Fatalf("the second Tab went to %T, want the subject", c.Focused())
	}
	typeFocused(c, "Мектеп формасы керек")
	pressTab(c)
	if c.Focused() == f.subject || strings.Contains(f.subject.Text, "\t") {
		t.Fatalf("Tab stayed in the subject: %q", f.subject.Text)
	}
	runShortcut(t, u.win, fyne.KeyS)
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("saving shows:\n%s", overlayText(u.win))
	}
	as, err := st.FindAppeals(context.Background(), data.AppealFilter{CampaignID: u.campaign.ID})
	if err != nil {
		t.Fatal(err)
	}
	var got *data.Appeal
	for i := range as {
		if as[i].CitizenName == "Сәрсенбаева Гүлнар" {
			got = &as[i]
		}
	}
	if got == nil || got.Subject != "Мектеп формасы керек" || !strings.Contains(got.CitizenPhone, "701") {
		t.Fatalf("the call was not saved as typed: %+v", got)
	}
}

// TestDialogKeys answers a confirmation with Esc and with Enter, and
// closes a message with Enter.
func TestDialogKeys(t *testing.T) {
	u, _ := newTestUI(t)
	for _, tc := range []struct {
		key  fyne.KeyName
		want bool
	}{{fyne.KeyEscape, false}, {fyne.KeyReturn, true}, {fyne.KeyEnter, true}} {
		answer := "none"
		dialog.ShowConfirm("?", "Сақталсын ба?", func(ok bool) { answer = map[bool]string{true: "yes", false: "no"}[ok] }, u.win)
		u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: tc.key})
		if want := map[bool]string{true: "yes", false: "no"}[tc.want]; answer != want {
			t.Fatalf("%s answered %s, want %s", tc.key, answer, want)
		}
		if u.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("%s left the dialog open", tc.key)
		}
	}
	dialog.ShowInformation("i", "Сақталды", u.win)
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter left the message open")
	}
}

// TestFileDialogSpeaksKazakh opens the import's file dialog: its places
// are named in kk, and it starts in the folder last used for imports.
func TestFileDialogSpeaksKazakh(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	u.rememberFolder(folderImport, dir)
	u.onImportTapped(exchange.Children, nil)
	text := overlayText(u.win)
	if !strings.Contains(text, lang.L("file.place.Home")) || strings.Contains(text, "Home\n") {
		t.Fatalf("the file dialog's places are not translated:\n%s", text)
	}
	if !strings.Contains(text, filepath.Base(dir)) {
		t.Fatalf("the file dialog does not open in the last import folder %s:\n%s", dir, text)
	}
}
