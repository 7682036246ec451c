package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// encryptChoice is the backup card's choice of how the daily copies are
// encrypted (data/backup_keys.go): not at all, with a key file in the OS
// user's config folder, or with a passphrase set here once. It takes
// effect with the card's Save.
type encryptChoice struct {
	u         *App
	state     *formState
	mode      *widget.RadioGroup
	modes     []string // the modes in the radio's order
	about     *widget.Label
	setPass   *widget.Button
	recipient string // the passphrase mode's, saved or just set
	keyDir    string
	filling   bool
}

func newEncryptChoice(u *App, state *formState) *encryptChoice {
	e := &encryptChoice{u: u, state: state, about: widget.NewLabel(""),
		modes: []string{data.BackupEncryptNone, data.BackupEncryptKey, data.BackupEncryptPassphrase}}
	e.keyDir, _ = data.BackupKeyDir()
	e.about.Wrapping = fyne.TextWrapWord
	var labels []string
	for _, m := range e.modes {
		labels = append(labels, e.label(m))
	}
	e.mode = widget.NewRadioGroup(labels, e.onChanged)
	e.mode.Required = true
	e.setPass = widget.NewButtonWithIcon(lang.L("backup.enc.set_passphrase"), theme.AccountIcon(), e.onSetPassTapped)
	return e
}

func (e *encryptChoice) label(mode string) string {
	if mode == "" {
		mode = "none"
	}
	return lang.L("backup.enc." + mode)
}

func (e *encryptChoice) buildUI() fyne.CanvasObject {
	return container.NewVBox(e.mode, e.about, container.NewHBox(e.setPass))
}

// selected is the mode the radio shows.
func (e *encryptChoice) selected() string {
	for _, m := range e.modes {
		if e.label(m) == e.mode.Selected {
			return m
		}
	}
	return data.BackupEncryptNone
}

// fill shows the settings' mode.
func (e *encryptChoice) fill(st data.Settings) {
	e.filling = true
	defer func() { e.filling = false }()
	e.recipient = st.Extra[data.ExtraBackupRecipient]
	e.mode.SetSelected(e.label(st.Extra[data.ExtraBackupEncrypt]))
	e.describe()
}

// apply puts the chosen mode into st; the passphrase mode needs its
// passphrase set first.
func (e *encryptChoice) apply(st *data.Settings) error {
	mode := e.selected()
	if mode == data.BackupEncryptPassphrase && e.recipient == "" {
		return data.ErrNoBackupKey
	}
	st.Extra[data.ExtraBackupEncrypt] = mode
	if e.recipient != "" {
		st.Extra[data.ExtraBackupRecipient] = e.recipient
	}
	return nil
}

func (e *encryptChoice) onChanged(string) {
	if e.filling {
		return
	}
	e.state.dirty = true
	switch e.selected() {
	case data.BackupEncryptKey:
		if _, err := data.EnsureBackupKey(e.keyDir); err != nil { // made now: its path is shown
			showError(e.u.win, err)
		}
	case data.BackupEncryptPassphrase:
		if e.recipient == "" {
			e.onSetPassTapped()
		}
	}
	e.describe()
}

// describe says what the chosen mode means and where its key lives.
func (e *encryptChoice) describe() {
	mode := e.selected()
	e.setPass.Hide()
	switch mode {
	case data.BackupEncryptKey:
		e.about.SetText(lang.L("backup.enc.key_about", map[string]any{"File": data.BackupKeyPath(e.keyDir)}))
	case data.BackupEncryptPassphrase:
		e.setPass.Show()
		key := "backup.enc.passphrase_unset"
		if e.recipient != "" {
			key = "backup.enc.passphrase_about"
		}
		e.about.SetText(lang.L(key, map[string]any{"File": data.BackupPassphraseKeyPath(e.keyDir)}))
	default:
		e.about.SetText(lang.L("backup.enc.none_about"))
	}
}

// onSetPassTapped asks a new passphrase twice and locks a new key with
// it; a cancel with no passphrase set goes back to no encryption.
func (e *encryptChoice) onSetPassTapped() {
	e.u.askPassphrase(true, func(pass string) {
		background(func() {
			rcpt, err := data.SetBackupPassphrase(e.keyDir, pass)
			fyne.Do(func() {
				if err != nil {
					showError(e.u.win, err)
					return
				}
				e.recipient = rcpt
				e.state.dirty = true
				e.describe()
			})
		})
	}, func() {
		if e.recipient == "" {
			e.mode.SetSelected(e.label(data.BackupEncryptNone))
		}
	})
}
