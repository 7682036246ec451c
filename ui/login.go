package ui

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// Connect opens the database at dsn (a file path or a server URL) and
// passes the store to ready. When a server asks for a password the URL
// lacks, or cannot be reached, w first shows the login window, and ready is
// called once the clerk has logged in (or chosen the local file). With demo, only a local file
// that did not exist yet is filled with the demo campaign, never a server.
// Other errors are returned.
func Connect(w fyne.Window, dsn string, demo bool, ready func(*data.Store)) error {
	_, err := connect(w, dsn, demo, ready)
	return err
}

// connect is Connect returning the login screen it showed, if any.
func connect(w fyne.Window, dsn string, demo bool, ready func(*data.Store)) (*loginScreen, error) {
	st, err := OpenStore(dsn, demo && !data.IsServer(dsn))
	if err == nil {
		ready(st)
		return nil, nil
	}
	if !data.IsServer(dsn) {
		return nil, err
	}
	// A server that refuses (no rights, no such database, a newer schema)
	// is said in the login window too: a desktop app must not just vanish.
	asks := data.IsAuthFailure(err) && !data.HasPassword(dsn)
	if c, err := data.LoadConnection(); err == nil {
		setLanguage(c.Language) // the clerk's language, before her settings can be read
	}
	l := newLoginScreen(w, dsn, demo, ready)
	if !asks {
		// a server out of reach or refusing: try again, or work with the local file
		fyne.LogError("connect to "+data.RedactURL(dsn), err)
		l.message.SetText(loginMessage(err))
	}
	w.SetTitle(lang.L("app.title"))
	w.SetContent(l.buildUI())
	w.Resize(fyne.NewSize(560, 360))
	w.Canvas().Focus(l.password)
	return l, nil
}

// loginScreen asks for the server's user name and password. The password
// goes into the URL in memory only.
type loginScreen struct {
	w     fyne.Window
	dsn   string
	demo  bool
	ready func(*data.Store)

	user, password *lineEntry
	message        *widget.Label
	enter, local   *widget.Button
}

func newLoginScreen(w fyne.Window, dsn string, demo bool, ready func(*data.Store)) *loginScreen {
	l := &loginScreen{w: w, dsn: data.WithoutPassword(dsn), demo: demo, ready: ready,
		user: newLineEntry(), password: newPasswordLine(), message: widget.NewLabel("")}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		l.user.SetText(u.User.Username())
	}
	l.password.OnSubmitted = func(string) { l.onEnterTapped() }
	l.message.Wrapping = fyne.TextWrapWord
	l.message.Importance = widget.DangerImportance
	return l
}

func (l *loginScreen) buildUI() fyne.CanvasObject {
	l.enter = widget.NewButtonWithIcon(lang.L("login.enter"), theme.LoginIcon(), l.onEnterTapped)
	l.enter.Importance = widget.HighImportance
	l.local = widget.NewButtonWithIcon(lang.L("login.local"), theme.StorageIcon(), l.onLocalTapped)
	server := widget.NewLabel(serverText(l.dsn))
	server.Truncation = fyne.TextTruncateEllipsis
	form := widget.NewForm(
		widget.NewFormItem(lang.L("login.server"), server),
		widget.NewFormItem(lang.L("login.user"), l.user),
		widget.NewFormItem(lang.L("login.password"), l.password))
	title := widget.NewLabelWithStyle(lang.L("login.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewPadded(container.NewVBox(title, form, l.message, container.NewHBox(l.enter, l.local)))
}

// onEnterTapped connects with the typed user and password off the UI
// goroutine.
func (l *loginScreen) onEnterTapped() {
	u, err := url.Parse(l.dsn)
	if err != nil {
		l.message.SetText(loginMessage(err))
		return
	}
	u.User = url.UserPassword(strings.TrimSpace(l.user.Text), l.password.Text)
	dsn := u.String()
	l.busy(true)
	l.message.SetText(lang.L("login.connecting"))
	background(func() {
		st, err := data.Open(dsn)
		fyne.Do(func() {
			l.busy(false)
			if err != nil {
				fyne.LogError("log in to "+data.RedactURL(dsn), err)
				l.message.SetText(loginMessage(err))
				l.password.SetText("")
				l.w.Canvas().Focus(l.password)
				return
			}
			l.ready(st)
		})
	})
}

// onLocalTapped works with the local file this time; connection.json keeps
// the server for the next start.
func (l *loginScreen) onLocalTapped() {
	path, err := data.LocalPath()
	if err == nil {
		var st *data.Store
		if st, err = OpenStore(path, l.demo); err == nil {
			l.ready(st)
			return
		}
	}
	fyne.LogError("open the local file", err)
	l.message.SetText(lang.L("login.local_failed") + "\n" + err.Error())
}

func (l *loginScreen) busy(on bool) {
	for _, b := range []*widget.Button{l.enter, l.local} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// loginMessage says in the clerk's language why the server refused her.
func loginMessage(err error) string {
	switch {
	case data.IsAuthFailure(err):
		return lang.L("login.wrong_password")
	case data.IsTLSRefused(err):
		return lang.L("login.tls_refused")
	case data.IsUnreachable(err):
		return lang.L("login.unreachable")
	case errors.Is(err, data.ErrForbidden):
		return lang.L("login.forbidden")
	}
	return fmt.Sprintf("%s\n%v", lang.L("login.failed"), err)
}

// serverText names the server as the clerk knows it: «host:port · database
// · schema».
func serverText(dsn string) string {
	a, err := data.ParseServerAddress(dsn)
	if err != nil {
		return data.RedactURL(dsn)
	}
	host := a.Host
	if a.Port != 0 {
		host += ":" + strconv.Itoa(a.Port)
	}
	parts := []string{host, a.Database}
	if a.Schema != "" {
		parts = append(parts, a.Schema)
	}
	return strings.Join(parts, " · ")
}

// ShowStartFailure fills w with why the database at dsn could not be
// opened, in the clerk's language, and a button that quits: a desktop app
// started from a shortcut must not just vanish.
func ShowStartFailure(a fyne.App, w fyne.Window, dsn string, err error) {
	fyne.LogError("open "+data.RedactURL(dsn), err)
	if c, cerr := data.LoadConnection(); cerr == nil {
		setLanguage(c.Language)
	}
	title := widget.NewLabelWithStyle(lang.L("start.failed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where := widget.NewLabel(data.RedactURL(dsn))
	where.Wrapping = fyne.TextWrapBreak
	why := widget.NewLabel(errorText(err))
	why.Wrapping = fyne.TextWrapWord
	why.Importance = widget.DangerImportance
	quit := widget.NewButtonWithIcon(lang.L("action.quit"), theme.CancelIcon(), a.Quit)
	w.SetTitle(lang.L("app.title"))
	w.SetContent(container.NewPadded(container.NewVBox(title, where, why, container.NewHBox(quit))))
	w.Resize(fyne.NewSize(560, 300))
}
