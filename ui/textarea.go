package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textArea is a multi-line entry that leaves Tab and Shift+Tab to move
// between fields, as the forms' hint promises: Fyne's multi-line entry
// types a tab character instead. Enter still starts a new line.
type textArea struct{ widget.Entry }

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

// TextArea names textArea for the app's tests, which find the letter
// template's and the press release's fields by their type.
type TextArea = textArea
