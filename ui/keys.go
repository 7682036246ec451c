package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// onTypedKey takes the window's keys when no field holds the keyboard: F1
// opens the screen's help (ui/help.go; a focused field keeps its keys, the
// menu's item works from there), and the open dialog gets Esc to cancel it
// and Enter to confirm it, as Fyne's dialogs answer neither.
func (u *App) onTypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF1:
		u.showHelp()
	case fyne.KeyEscape:
		u.answerDialog(false)
	case fyne.KeyReturn, fyne.KeyEnter:
		u.answerDialog(true)
	}
}

// answerDialog taps the top dialog's confirming (the one high-importance
// button, or its only button) or cancelling button (the other one, or the
// one that says «Болдырмау»). A dialog without such a button is closed by
// Esc.
func (u *App) answerDialog(confirm bool) {
	pop, ok := u.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	var buttons []*widget.Button
	walkObjects(pop.Content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Visible() && !b.Disabled() && b.OnTapped != nil {
			buttons = append(buttons, b)
		}
	})
	if b := pickButton(buttons, confirm); b != nil {
		b.OnTapped()
	} else if !confirm {
		pop.Hide()
	}
}

func pickButton(buttons []*widget.Button, confirm bool) *widget.Button {
	var high, cancel []*widget.Button
	for _, b := range buttons {
		switch {
		case b.Importance == widget.HighImportance || b.Importance == widget.DangerImportance:
			high = append(high, b)
		case b.Text == lang.L("action.cancel") || b.Text == lang.L("Cancel") || b.Text == lang.L("No"):
			cancel = append(cancel, b)
		}
	}
	switch {
	case len(buttons) == 1 && (confirm || len(high) == 0):
		return buttons[0] // «Жарайды» of a message answers both
	case confirm && len(high) == 1:
		return high[0]
	case !confirm && len(cancel) == 1:
		return cancel[0]
	case !confirm && len(buttons) == 2 && len(high) == 1:
		if buttons[0] == high[0] {
			return buttons[1]
		}
		return buttons[0]
	}
	return nil
}

// walkObjects visits o and the containers' objects inside it: a dialog's
// buttons are laid out in plain containers, not inside other widgets.
func walkObjects(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			walkObjects(x, fn)
		}
	}
}
