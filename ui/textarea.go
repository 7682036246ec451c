package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// textArea is a multi-line entry that leaves Tab and Shift+Tab to move
// between fields, as the forms' hint promises: Fyne's multi-line entry
// types a tab character instead. Enter still starts a new line; Esc and
// F1 go to the window (passKeyUp).
type textArea struct {
	widget.Entry
	outer *container.Scroll // the form's scroll, which the wheel moves (ui/textarea_wheel.go)
}

func newTextArea(rows int) *textArea {
	e := &textArea{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(rows)
	return e
}

// AcceptsTab tells the window to move the focus on Tab.
func (e *textArea) AcceptsTab() bool { return false }

// entry is the Fyne entry inside, for what tracks its changes.
func (e *textArea) entry() *widget.Entry { return &e.Entry }

// TypedKey passes Esc and F1 to the window's handler.
func (e *textArea) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter || !passKeyUp(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// TextArea and LineEntry name textArea and lineEntry for the app's tests,
// which find the letter template's, the press release's and the document
// date's fields by their type.
type (
	TextArea  = textArea
	LineEntry = lineEntry
)

// lineEntry is a one-line entry: in a dialog Enter confirms it (unless the
// field has its own OnSubmitted) and Esc cancels it; everywhere F1 opens
// the help, as when no field holds the keyboard.
type lineEntry struct {
	widget.Entry
	// tidy, when set, rewrites the text as the clerk leaves the field: a
	// phone number shown in the office's form (see newPhoneEntry).
	tidy func(string) string
}

func newLineEntry() *lineEntry {
	e := &lineEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// entry is the Fyne entry inside, for what tracks its changes.
func (e *lineEntry) entry() *widget.Entry { return &e.Entry }

// newPhoneEntry is a line for a phone number, shown in the office's form
// «+7 701 234 56 78» as soon as the clerk leaves it.
func newPhoneEntry() *lineEntry {
	e := newLineEntry()
	e.tidy = data.FormatPhone
	e.SetPlaceHolder("+7 701 234 56 78")
	return e
}

// newPasswordLine is a line for a password, hidden with Fyne's eye to
// show it.
func newPasswordLine() *lineEntry {
	e := newLineEntry()
	e.Password, e.Wrapping = true, fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// FocusLost tidies the text (when the field has a tidy rule) as the focus
// leaves.
func (e *lineEntry) FocusLost() {
	if e.tidy != nil {
		if t := e.tidy(e.Text); t != e.Text {
			e.SetText(t)
		}
	}
	e.Entry.FocusLost()
}

// TypedKey passes Enter, Esc and F1 to the window's handler.
func (e *lineEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.OnSubmitted != nil && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) || !passKeyUp(e, ev) {
		e.Entry.TypedKey(ev)
	}
}

// passKeyUp gives Enter, Esc and F1 to the key handler of o's window
// (App.onTypedKey in ui/keys.go), which a focused field otherwise keeps
// from it; it says whether it did.
func passKeyUp(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape, fyne.KeyF1:
	default:
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(ev)
	return true
}
