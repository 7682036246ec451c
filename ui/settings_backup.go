package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// extraLastBackup keeps the time and file of the last backup in
// Settings.Extra.
const extraLastBackup = "backup.last"

// backupPanel is the settings' backup card: a copy now, a restore, the
// folder and number of the automatic daily copies, the last copy's time.
type backupPanel struct {
	u           *App
	dir, keep   *lineEntry
	last, space *widget.Label
	enc         *encryptChoice // ui/settings_backup_enc.go
	encryptNow  *widget.Check  // «Make a backup» encrypts with a passphrase
}

func newBackupPanel(u *App, state *formState) *backupPanel {
	b := &backupPanel{u: u, dir: newLineEntry(), keep: newLineEntry(), last: widget.NewLabel(""),
		space: widget.NewLabel("")}
	b.last.Wrapping = fyne.TextWrapBreak
	b.enc = newEncryptChoice(u, state)
	state.track(b.dir, b.keep)
	return b
}

// buildUI lays the card out; save stores the card's folder and copies.
func (b *backupPanel) buildUI(save func()) fyne.CanvasObject {
	now := widget.NewButtonWithIcon(lang.L("backup.now"), theme.DocumentSaveIcon(), b.onBackupTapped)
	b.encryptNow = widget.NewCheck(lang.L("backup.encrypt_now"), nil)
	restore := widget.NewButtonWithIcon(lang.L("backup.restore"), theme.HistoryIcon(), b.onRestoreTapped)
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), b.onBrowseTapped)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("backup.dir"), container.NewBorder(nil, nil, nil, browse, b.dir)),
		widget.NewFormItem(lang.L("backup.keep"), b.keep),
		widget.NewFormItem(lang.L("backup.last"), b.last),
		widget.NewFormItem(lang.L("backup.space"), b.space),
		widget.NewFormItem(lang.L("backup.encrypt"), b.enc.buildUI()))
	hint := widget.NewLabel(lang.L("backup.auto_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	saveBtn := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), save)
	saveBtn.Importance = widget.HighImportance
	return widget.NewCard("", lang.L("backup.title"), container.NewVBox(form, hint,
		container.NewHBox(saveBtn, b.u.guard(data.RoleAdmin, saveBtn), layout.NewSpacer(), b.encryptNow, now, restore)))
}

// fill shows the settings' backup folder, copies and last backup.
func (b *backupPanel) fill(st data.Settings) {
	dir, keep := data.AutoBackupConfig(st, b.u.st.Path())
	b.dir.SetText(dir)
	b.keep.SetText(strconv.Itoa(keep))
	b.last.SetText(lastBackupText(st, dir, b.u.st.Path()))
	b.space.SetText(spaceText(dir, b.u.st.Path()))
	b.enc.fill(st)
}

// lastBackupText names the newer of the last hand-made copy the settings
// note and the newest daily copy in dir: a daily copy is not noted in the
// database, whose change would make the next day's copy again.
func lastBackupText(st data.Settings, dir, dbPath string) string {
	raw := st.Extra[extraLastBackup]
	when, file, _ := strings.Cut(raw, " ")
	t, err := time.Parse(time.RFC3339, when)
	if auto, at := data.NewestAutoBackup(dir, dbPath); auto != "" && (err != nil || at.After(t)) {
		t, file, err = at, auto, nil
	}
	if err != nil {
		return lang.L("backup.never")
	}
	return t.Local().Format("02.01.2006 15:04") + " — " + file
}

// spaceText says how much disk this database's daily copies in dir take,
// in megabytes.
func spaceText(dir, dbPath string) string {
	size, n := data.AutoBackupSpace(dir, dbPath)
	mb := strings.Replace(fmt.Sprintf("%.1f", float64(size)/(1<<20)), ".", ",", 1)
	return lang.L("backup.space_value", map[string]any{"MB": mb, "N": n})
}

// apply puts the folder and copies into st, refusing a bad number.
func (b *backupPanel) apply(st *data.Settings) error {
	n, err := strconv.Atoi(strings.TrimSpace(b.keep.Text))
	if err != nil || n < 1 || n > 365 {
		return &data.ValidationError{Field: "backup_keep", Value: b.keep.Text, Key: "err.backup.keep"}
	}
	st.Extra[data.ExtraBackupDir] = strings.TrimSpace(b.dir.Text)
	st.Extra[data.ExtraBackupKeep] = strconv.Itoa(n)
	return b.enc.apply(st)
}

func (b *backupPanel) onBrowseTapped() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err == nil && l != nil {
			b.dir.SetText(l.Path())
		}
	}, b.u.win)
	d.Resize(b.u.win.Canvas().Size().Subtract(fyne.NewSize(120, 120)))
	b.u.showFileDialog(d)
}

// onBackupTapped makes a copy where the clerk says; with «encrypt» ticked
// the passphrase is asked first, twice, with its strength, and the copy is
// an age file.
func (b *backupPanel) onBackupTapped() {
	name := "mektepkezhol-" + time.Now().Format("2006-01-02") + ".db"
	if !b.encryptNow.Checked {
		b.u.askSavePath(folderBackups, name, []string{".db"}, func(path string) { b.u.backupTo(path, b.fill) })
		return
	}
	b.u.askPassphrase(true, func(pass string) {
		b.u.askSavePath(folderBackups, name+".age", []string{".age"}, func(path string) { b.u.backupEncryptedTo(path, pass, b.fill) })
	}, nil)
}

// backupTo copies the database to path off the UI goroutine and notes the
// time; then, if set, passes the settings on.
func (u *App) backupTo(path string, then func(data.Settings)) {
	u.backupEncryptedTo(path, "", then)
}

// backupEncryptedTo is backupTo encrypted for passphrase (age), unless it
// is "".
func (u *App) backupEncryptedTo(path, passphrase string, then func(data.Settings)) {
	background(func() {
		var err error
		if st, ok := u.st.(*data.Store); ok && passphrase != "" {
			err = st.BackupEncrypted(u.ctx, path, passphrase)
		} else if passphrase != "" {
			err = errors.New("an encrypted backup needs the app's own database")
		} else {
			err = u.st.Backup(u.ctx, path)
		}
		var st data.Settings
		if err == nil {
			st, err = u.noteBackup(path, true)
		}
		fyne.Do(func() {
			if err != nil {
				showError(u.win, err)
				return
			}
			if then != nil {
				then(st)
			}
			dialog.ShowInformation(lang.L("backup.title"), lang.L("backup.done", map[string]any{"File": path}), u.win)
		})
	})
}

// noteBackup records the time and file of a backup in the settings, and
// a hand-made one in the list the restore dialog offers.
func (u *App) noteBackup(path string, manual bool) (data.Settings, error) {
	st, err := u.st.Settings(u.ctx)
	if err != nil {
		return st, err
	}
	st.Extra[extraLastBackup] = time.Now().UTC().Format(time.RFC3339) + " " + path
	if manual {
		data.NoteManualBackup(&st, path)
	}
	return st, u.st.SaveSettings(u.ctx, st)
}

// startAutoBackup makes the day's automatic copy off the UI goroutine,
// compressed and encrypted as the settings say; a failure is logged and
// shown, never fatal. The copy is not noted in the settings: that write
// would change the database and make the next day's copy again. A server's
// data is not copied to every clerk's PC: its admin backs the server up.
func (u *App) startAutoBackup() {
	st, ok := u.st.(*data.Store)
	if !ok || st.OnServer() {
		return
	}
	dir, keep := data.AutoBackupConfig(u.settings, st.Path())
	set := u.settings
	background(func() {
		keyDir, _ := data.BackupKeyDir()
		rcpt, err := data.AutoBackupRecipient(set, keyDir)
		if err == nil {
			_, err = data.AutoBackupWith(u.ctx, st, data.AutoBackupOptions{Dir: dir, Keep: keep, Recipient: rcpt})
		}
		u.releaseMemory() // the snapshot filled a connection's page cache
		if err != nil {
			fyne.LogError("automatic backup", err)
			fyne.Do(func() {
				dialogError(u.win, lang.L("backup.auto_failed", map[string]any{"Dir": dir})+"\n"+errorText(err))
			})
		}
	})
}

// onRestoreTapped lists the known backups (ui/restore.go).
func (b *backupPanel) onRestoreTapped() {
	dir, _ := data.AutoBackupConfig(b.u.settings, b.u.st.Path())
	if d := strings.TrimSpace(b.dir.Text); d != "" {
		dir = d
	}
	b.u.showRestorePicker(dir)
}

// restoreFrom replaces the database with the backup src: the backup is
// opened (decompressed; decrypted with the key file, or with a passphrase
// asked for here) and checked first, the store closed, data.Restore run
// (which keeps the current database as a dated copy) and the store
// reopened — on the restored file, or on the old one if the restore failed
// — and every screen rebuilt over it. done, if set, gets the outcome (the
// tests). A wrong passphrase is said in the clerk's language and changes
// nothing.
func (u *App) restoreFrom(src string, done func(error)) {
	u.restoreWith(src, "", done)
}

func (u *App) restoreWith(src, passphrase string, done func(error)) {
	finish := func(err error) {
		if done != nil {
			done(err)
		}
	}
	cur, ok := u.st.(*data.Store)
	if !ok {
		finish(errors.New("restore needs the app's own database"))
		return
	}
	if cur.OnServer() { // said before anything is closed
		showError(u.win, data.ErrRestoreOnServer)
		finish(data.ErrRestoreOnServer)
		return
	}
	wait := dialog.NewCustomWithoutButtons(lang.L("backup.restore"), widget.NewProgressBarInfinite(), u.win)
	wait.Show()
	path := cur.Path()
	background(func() {
		keyDir, _ := data.BackupKeyDir()
		plain, cleanup, err := data.OpenBackup(src, data.BackupKeys{Dir: keyDir, Passphrase: passphrase})
		if errors.Is(err, data.ErrEncryptedBackup) && passphrase == "" {
			fyne.Do(func() {
				wait.Hide()
				u.askPassphrase(false, func(pass string) { u.restoreWith(src, pass, done) },
					func() { finish(data.ErrEncryptedBackup) })
			})
			return
		}
		if err == nil {
			defer cleanup()
			_, err = data.CheckBackup(u.ctx, plain)
		}
		var kept string
		var st *data.Store
		if err == nil {
			cur.Close()
			kept, err = data.Restore(u.ctx, path, plain, time.Now())
			var oerr error
			if st, oerr = data.Open(path); oerr != nil {
				err = errors.Join(err, fmt.Errorf("reopen %s: %w", path, oerr))
			}
		}
		fyne.Do(func() { u.restored(wait, st, kept, err, finish) })
	})
}

// restored shows a restore's outcome and moves the app onto the store st
// reopened after it.
func (u *App) restored(wait dialog.Dialog, st *data.Store, kept string, err error, finish func(error)) {
	wait.Hide()
	if st != nil {
		u.st = st
		u.bindDocuments()
		u.reload()
		// the main closes the store it opened; this one is the app's
		u.app.Lifecycle().SetOnStopped(func() { st.Close() })
	}
	switch {
	case st == nil && err != nil && kept != "":
		dialogError(u.win, lang.L("backup.restore_reopen_failed", map[string]any{"File": kept})+"\n"+err.Error())
	case err != nil:
		showError(u.win, err)
	default:
		dialog.ShowInformation(lang.L("backup.restore"), lang.L("backup.restored", map[string]any{"Kept": kept}), u.win)
	}
	finish(err)
}

// reload reads the settings and campaigns of a reopened store and
// rebuilds every screen over it.
func (u *App) reload() {
	st, err := u.st.Settings(u.ctx)
	if err != nil {
		fyne.LogError("load settings", err)
	}
	u.settings = st
	setLanguage(st.Language)
	u.campaign = data.Campaign{}
	u.loadCampaigns()
	u.build()
}
