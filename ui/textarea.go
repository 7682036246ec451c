package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
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

// lineEntry is a one-line entry for dialogs: Enter confirms the dialog
// (unless the field has its own OnSubmitted), Esc cancels it and F1 opens
// the help, as when no field holds the keyboard.
type lineEntry struct{ widget.Entry }

func newLineEntry() *lineEntry {
	e := &lineEntry{}
	e.ExtendBaseWidget(e)
	return e
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
