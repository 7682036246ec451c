package ui

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// passDialog asks a backup's passphrase: a new one twice, with its
// strength, or once to open an encrypted backup.
type passDialog struct {
	first, second     *lineEntry
	strength, problem *widget.Label
	ok                *widget.Button
	confirm           bool
	d                 *dialog.CustomDialog
}

// askPassphrase shows the dialog; ok gets the passphrase, cancel (if set)
// runs when the clerk gives none.
func (u *App) askPassphrase(confirm bool, ok func(string), cancel func()) *passDialog {
	p := &passDialog{first: newPasswordLine(), second: newPasswordLine(),
		strength: widget.NewLabel(""), problem: widget.NewLabel(""), confirm: confirm}
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("pass.passphrase"), p.first))
	title := lang.L("pass.title_open")
	hint := widget.NewLabel(lang.L("pass.hint_open"))
	if confirm {
		title = lang.L("pass.title_new")
		hint.SetText(lang.L("pass.hint_new", map[string]any{"Min": data.MinPassphrase}))
		form.Append(lang.L("pass.again"), p.second)
		form.Append(lang.L("pass.strength"), p.strength)
	}
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	p.ok = widget.NewButtonWithIcon(lang.L("pass.ok"), theme.ConfirmIcon(), func() {
		p.d.Hide()
		ok(p.first.Text)
	})
	p.ok.Importance = widget.HighImportance
	no := widget.NewButtonWithIcon(lang.L("action.cancel"), theme.CancelIcon(), func() {
		p.d.Hide()
		if cancel != nil {
			cancel()
		}
	})
	p.first.OnChanged = func(string) { p.check() }
	p.second.OnChanged = func(string) { p.check() }
	p.first.OnSubmitted = func(string) {
		if !p.ok.Disabled() {
			p.ok.OnTapped()
		}
	}
	p.second.OnSubmitted = p.first.OnSubmitted
	p.check()
	body := container.NewVBox(hint, form, p.problem, container.NewHBox(layout.NewSpacer(), no, p.ok))
	p.d = dialog.NewCustomWithoutButtons(title, body, u.win)
	p.d.Resize(fyne.NewSize(520, body.MinSize().Height+80))
	p.d.Show()
	u.win.Canvas().Focus(p.first)
	return p
}

// check shows the strength and what is wrong, and lets OK go only for a
// passphrase that will do.
func (p *passDialog) check() {
	pass := p.first.Text
	problem := ""
	if p.confirm {
		p.strength.SetText(lang.L(strengthKeys[passStrength(pass)]))
		switch n := utf8.RuneCountInString(pass); {
		case n < data.MinPassphrase:
			problem = lang.L("pass.short", map[string]any{"N": n, "Min": data.MinPassphrase})
		case p.second.Text != pass && p.second.Text != "":
			problem = lang.L("err.passphrase_mismatch")
		case p.second.Text == "":
			problem = lang.L("pass.repeat")
		}
	} else if pass == "" {
		problem = " "
	}
	p.problem.SetText(problem)
	if problem == "" {
		p.ok.Enable()
	} else {
		p.ok.Disable()
	}
}

// strengthKeys names passStrength's answers in the clerk's language.
var strengthKeys = map[string]string{"weak": "pass.strength_weak", "fair": "pass.strength_fair", "strong": "pass.strength_strong"}

// passStrength is a simple, honest measure of a passphrase: its length
// counts most, then the kinds of characters in it (lower and upper case
// letters, digits, others such as spaces and signs). Under MinPassphrase
// it is weak whatever it holds; «strong» needs 16 characters of two kinds
// or 12 of three. It knows nothing of dictionaries: a long phrase of
// ordinary words is strong, «Qwerty1234» only fair.
func passStrength(s string) string {
	n := utf8.RuneCountInString(s)
	var lower, upper, digit, other bool
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, k := range []bool{lower, upper, digit, other} {
		if k {
			kinds++
		}
	}
	switch {
	case n < data.MinPassphrase:
		return "weak"
	case n >= 16 && kinds >= 2, n >= 12 && kinds >= 3, n >= 24:
		return "strong"
	case kinds >= 2, n >= 14:
		return "fair"
	}
	return "weak"
}
