package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// serverPanel is the settings' database card: the database in use, and the
// choice of this computer for the next start — the local file or the
// office's PostgreSQL server — kept in connection.json, never with a
// password.
type serverPanel struct {
	u       *App
	current *widget.Label
	mode    *widget.RadioGroup
	modes   choice

	host, port, database, schema, user *lineEntry
	check, save                        *widget.Button
}

const (
	modeLocal  = "local"
	modeServer = "server"
)

func newServerPanel(u *App) *serverPanel {
	p := &serverPanel{u: u, current: widget.NewLabel(""),
		host: newLineEntry(), port: newLineEntry(), database: newLineEntry(),
		schema: newLineEntry(), user: newLineEntry()}
	p.current.Wrapping = fyne.TextWrapBreak
	p.port.SetPlaceHolder("5432")
	p.schema.SetPlaceHolder(lang.L("server.schema_hint"))
	p.modes = newChoice([]string{modeLocal, modeServer}, func(c string) string {
		if c == modeServer {
			return lang.L("server.mode_server")
		}
		return lang.L("server.mode_local")
	})
	p.mode = widget.NewRadioGroup(p.modes.labels, func(string) { p.onModeChanged() })
	p.mode.Required = true
	p.check = widget.NewButtonWithIcon(lang.L("server.check"), theme.ConfirmIcon(), p.onCheckTapped)
	p.save = widget.NewButtonWithIcon(lang.L("server.save"), theme.DocumentSaveIcon(), p.onSaveTapped)
	p.fill()
	return p
}

func (p *serverPanel) buildUI() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("server.current"), p.current),
		widget.NewFormItem(lang.L("server.mode"), p.mode),
		widget.NewFormItem(lang.L("field.server_host"), p.host),
		widget.NewFormItem(lang.L("field.server_port"), p.port),
		widget.NewFormItem(lang.L("field.server_database"), p.database),
		widget.NewFormItem(lang.L("field.server_schema"), p.schema),
		widget.NewFormItem(lang.L("field.server_user"), p.user))
	hint := widget.NewLabel(lang.L("server.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return widget.NewCard("", lang.L("server.title"), container.NewVBox(form, hint, container.NewHBox(p.check, p.save)))
}

// fill shows the database in use and the choice saved in connection.json.
func (p *serverPanel) fill() {
	p.current.SetText(p.u.st.Path()) // a file's path, or the server's URL without its password
	conn, err := data.LoadConnection()
	if err != nil {
		fyne.LogError("read the connection", err)
	}
	if conn.Server == "" {
		p.mode.SetSelected(p.modes.label(modeLocal))
		return
	}
	if a, err := data.ParseServerAddress(conn.Server); err == nil {
		p.host.SetText(a.Host)
		if a.Port != 0 {
			p.port.SetText(strconv.Itoa(a.Port))
		}
		p.database.SetText(a.Database)
		p.schema.SetText(a.Schema)
		p.user.SetText(a.User)
	}
	p.mode.SetSelected(p.modes.label(modeServer))
}

func (p *serverPanel) onServer() bool { return p.modes.code(p.mode.Selected) == modeServer }

func (p *serverPanel) onModeChanged() {
	for _, e := range []*lineEntry{p.host, p.port, p.database, p.schema, p.user} {
		if p.onServer() {
			e.Enable()
		} else {
			e.Disable()
		}
	}
	if p.onServer() {
		p.check.Enable()
	} else {
		p.check.Disable()
	}
}

// address reads the fields, refusing what cannot be a server's address.
func (p *serverPanel) address() (data.ServerAddress, error) {
	a := data.ServerAddress{Host: strings.TrimSpace(p.host.Text), Database: strings.TrimSpace(p.database.Text),
		Schema: strings.TrimSpace(p.schema.Text), User: strings.TrimSpace(p.user.Text)}
	if port := strings.TrimSpace(p.port.Text); port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n <= 0 {
			return a, &data.ValidationError{Field: "server_port", Value: port, Key: "err.server.port"}
		}
		a.Port = n
	}
	return a, a.Validate()
}

// onCheckTapped asks for the password and tries the server with it.
func (p *serverPanel) onCheckTapped() {
	a, err := p.address()
	if err != nil {
		showError(p.u.win, err)
		return
	}
	password := newPasswordLine()
	var d dialog.Dialog
	password.OnSubmitted = func(string) { d.Hide(); p.checkWith(a, password.Text, nil) }
	d = dialog.NewForm(lang.L("server.check"), lang.L("server.check"), lang.L("action.cancel"),
		[]*widget.FormItem{
			widget.NewFormItem(lang.L("login.user"), widget.NewLabel(a.User)),
			widget.NewFormItem(lang.L("login.password"), password)},
		func(ok bool) {
			if ok {
				p.checkWith(a, password.Text, nil)
			}
		}, p.u.win)
	d.Resize(fyne.NewSize(420, 200))
	d.Show()
	p.u.win.Canvas().Focus(password)
}

// checkWith connects to a with password off the UI goroutine and says how
// it went; done, if set, gets the outcome (the tests).
func (p *serverPanel) checkWith(a data.ServerAddress, password string, done func(error)) {
	dsn := a.URL()
	if password != "" {
		dsn = data.WithPassword(dsn, password)
	}
	p.check.Disable()
	background(func() {
		st, err := data.Open(dsn)
		if err == nil {
			st.Close()
		}
		fyne.Do(func() {
			p.check.Enable()
			if err != nil {
				fyne.LogError("check "+data.RedactURL(dsn), err)
				dialogError(p.u.win, loginMessage(err))
			} else {
				dialog.ShowInformation(lang.L("server.check"), lang.L("server.check_ok", map[string]any{"Server": a.URL()}), p.u.win)
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// onSaveTapped writes the choice to connection.json for the next start.
func (p *serverPanel) onSaveTapped() {
	conn := data.Connection{Language: language()}
	if p.onServer() {
		a, err := p.address()
		if err != nil {
			showError(p.u.win, err)
			return
		}
		conn.Server = a.URL()
	}
	if err := data.SaveConnection(conn); err != nil {
		showError(p.u.win, err)
		return
	}
	msg := lang.L("server.saved_local")
	if conn.Server != "" {
		msg = lang.L("server.saved_server", map[string]any{"Server": conn.Server})
	}
	dialog.ShowInformation(lang.L("server.title"), msg, p.u.win)
}
