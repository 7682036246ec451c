package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// usersPanel is the settings' card of the server's users: who may log in
// and in which role. Only a server has users (a SQLite file has one), so
// the card shows on a server only, and only an admin may change them; the
// store and the server refuse the others anyway.
type usersPanel struct {
	u     *App
	users []data.User
	rows  *fyne.Container
	add   *widget.Button
	roles choice
	form  *userForm // the add dialog while it is open
	// loaded, if set, is told when the list has been read (the tests).
	loaded func()
}

func newUsersPanel(u *App) *usersPanel {
	p := &usersPanel{u: u, rows: container.NewVBox()}
	codes := make([]string, len(data.Roles))
	for i, r := range data.Roles {
		codes[i] = string(r)
	}
	p.roles = newChoice(codes, func(c string) string { return lang.L("role." + c) })
	p.add = widget.NewButtonWithIcon(lang.L("users.add"), theme.ContentAddIcon(), p.onAddTapped)
	return p
}

// buildUI is the users' card, shown on a server only (settingsScreen).
func (p *usersPanel) buildUI() fyne.CanvasObject {
	hint := widget.NewLabel(lang.L("users.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	var foot fyne.CanvasObject = container.NewHBox(p.add)
	if !p.admin() {
		foot = roleNote(data.RoleAdmin)
	}
	p.reload()
	return widget.NewCard("", lang.L("users.title"), container.NewVBox(p.rows, foot, hint))
}

func (p *usersPanel) admin() bool { return p.u.may(data.RoleAdmin) }

// reload reads the users off the UI goroutine and redraws the list.
func (p *usersPanel) reload() {
	background(func() {
		users, err := p.u.st.FindUsers(p.u.ctx)
		fyne.Do(func() {
			if err != nil {
				showError(p.u.win, err)
			} else {
				p.users = users
				p.draw()
			}
			if p.loaded != nil {
				p.loaded()
			}
		})
	})
}

// draw shows one row a user: name, role, whether they may log in, and the
// admin's buttons.
func (p *usersPanel) draw() {
	p.rows.RemoveAll()
	if len(p.users) == 0 {
		none := widget.NewLabel(lang.L("users.none"))
		none.Importance = widget.LowImportance
		p.rows.Add(none)
	}
	for _, user := range p.users {
		name := user.Name
		if name == p.u.st.Actor() {
			name += " " + lang.L("users.you")
		}
		role := lang.L("role." + string(user.Role))
		if !user.CanLogin {
			role += " · " + lang.L("users.no_login")
		}
		roleLabel := widget.NewLabel(role)
		if !user.CanLogin {
			roleLabel.Importance = widget.WarningImportance
		}
		var buttons fyne.CanvasObject = layout.NewSpacer()
		user := user
		password := widget.NewButtonWithIcon(lang.L("users.password"), theme.VisibilityOffIcon(), func() { p.onPasswordTapped(user) })
		switch {
		case p.admin():
			buttons = container.NewHBox(password,
				widget.NewButtonWithIcon(lang.L("users.change_role"), theme.AccountIcon(), func() { p.onRoleTapped(user) }),
				widget.NewButtonWithIcon(lang.L("users.remove"), theme.DeleteIcon(), func() { p.onRemoveTapped(user) }))
		case user.Name == p.u.st.Actor():
			buttons = container.NewHBox(password) // one's own password
		}
		p.rows.Add(container.NewBorder(nil, nil, nil, buttons, container.NewGridWithColumns(2,
			widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), roleLabel)))
	}
	p.rows.Refresh()
}

// userForm is the add dialog's fields.
type userForm struct {
	name, password, repeat *lineEntry
	role                   *widget.RadioGroup
	form                   *widget.Form
	d                      dialog.Dialog
}

// onAddTapped asks for the new user's name, role and password; the dialog
// stays open until the server has created the user, so that a refused
// name or a mistyped password can be corrected.
func (p *usersPanel) onAddTapped() {
	f := &userForm{name: newLineEntry(), password: newPasswordLine(), repeat: newPasswordLine(),
		role: widget.NewRadioGroup(p.roles.labels, nil)}
	f.name.SetPlaceHolder(lang.L("users.name_hint"))
	f.role.Required = true
	f.role.SetSelected(p.roles.label(string(data.RoleClerk)))
	hint := widget.NewLabel(lang.L("users.password_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("field.user"), f.name),
		widget.NewFormItem(lang.L("field.role"), f.role),
		widget.NewFormItem(lang.L("field.password"), f.password),
		widget.NewFormItem(lang.L("field.password_repeat"), f.repeat),
		widget.NewFormItem("", hint))
	f.form.SubmitText = lang.L("users.add")
	f.form.CancelText = lang.L("action.cancel")
	f.form.OnCancel = func() { f.d.Hide(); p.form = nil }
	f.form.OnSubmit = func() { p.onAddSubmitted(f) }
	f.d = dialog.NewCustomWithoutButtons(lang.L("users.add_title"), f.form, p.u.win)
	f.d.Resize(fyne.NewSize(600, 420))
	p.form = f
	f.d.Show()
	p.u.win.Canvas().Focus(f.name)
}

func (p *usersPanel) onAddSubmitted(f *userForm) {
	name := strings.TrimSpace(f.name.Text)
	if f.password.Text != f.repeat.Text {
		showError(p.u.win, &data.ValidationError{Field: "password_repeat", Key: "err.users.password_mismatch"})
		return
	}
	role := data.Role(p.roles.code(f.role.Selected))
	password := f.password.Text
	background(func() {
		err := p.u.st.CreateUser(p.u.ctx, name, password, role)
		fyne.Do(func() {
			if err != nil {
				showError(p.u.win, err)
				return
			}
			f.d.Hide()
			p.form = nil
			p.reload()
		})
	})
}

// onPasswordTapped gives user the new password typed twice in a dialog.
func (p *usersPanel) onPasswordTapped(user data.User) {
	password, repeat := newPasswordLine(), newPasswordLine()
	d := dialog.NewForm(lang.L("users.password_title", map[string]any{"Name": user.Name}), lang.L("action.save"),
		lang.L("action.cancel"), []*widget.FormItem{
			widget.NewFormItem(lang.L("field.password"), password),
			widget.NewFormItem(lang.L("field.password_repeat"), repeat)},
		func(ok bool) {
			switch {
			case !ok:
			case password.Text == "" || password.Text != repeat.Text:
				showError(p.u.win, &data.ValidationError{Field: "password_repeat", Key: "err.users.password_mismatch"})
			default:
				pw := password.Text
				p.run(func() error { return p.u.st.SetUserPassword(p.u.ctx, user.Name, pw) })
			}
		}, p.u.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// onRoleTapped moves user to the role chosen in a dialog.
func (p *usersPanel) onRoleTapped(user data.User) {
	role := widget.NewRadioGroup(p.roles.labels, nil)
	role.Required = true
	role.SetSelected(p.roles.label(string(user.Role)))
	d := dialog.NewForm(lang.L("users.role_title", map[string]any{"Name": user.Name}), lang.L("action.save"),
		lang.L("action.cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("field.role"), role)},
		func(ok bool) {
			r := data.Role(p.roles.code(role.Selected))
			if !ok || r == user.Role {
				return
			}
			p.run(func() error { return p.u.st.SetUserRole(p.u.ctx, user.Name, r) })
		}, p.u.win)
	d.Show()
}

// onRemoveTapped removes user after the admin confirms it; nobody may
// remove themselves (another admin may).
func (p *usersPanel) onRemoveTapped(user data.User) {
	if user.Name == p.u.st.Actor() {
		dialogError(p.u.win, lang.L("users.remove_self"))
		return
	}
	d := dialog.NewConfirm(lang.L("users.remove_title"), lang.L("users.remove_confirm", map[string]any{"Name": user.Name}),
		func(ok bool) {
			if ok {
				p.run(func() error { return p.u.st.DropUser(p.u.ctx, user.Name) })
			}
		}, p.u.win)
	d.SetConfirmText(lang.L("users.remove"))
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}

// run does a change off the UI goroutine, then shows its error or the
// list as it now is.
func (p *usersPanel) run(change func() error) {
	background(func() {
		err := change()
		fyne.Do(func() {
			if err != nil {
				showError(p.u.win, err)
			}
			p.reload()
		})
	})
}
