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
	u         *App
	dir, keep *widget.Entry
	last      *widget.Label
}

func newBackupPanel(u *App, state *formState) *backupPanel {
	b := &backupPanel{u: u, dir: widget.NewEntry(), keep: widget.NewEntry(), last: widget.NewLabel("")}
	b.last.Wrapping = fyne.TextWrapBreak
	state.track(b.dir, b.keep)
	return b
}

// buildUI lays the card out; save stores the card's folder and copies.
func (b *backupPanel) buildUI(save func()) fyne.CanvasObject {
	now := widget.NewButtonWithIcon(lang.L("backup.now"), theme.DocumentSaveIcon(), b.onBackupTapped)
	restore := widget.NewButtonWithIcon(lang.L("backup.restore"), theme.HistoryIcon(), b.onRestoreTapped)
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), b.onBrowseTapped)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("backup.dir"), container.NewBorder(nil, nil, nil, browse, b.dir)),
		widget.NewFormItem(lang.L("backup.keep"), b.keep),
		widget.NewFormItem(lang.L("backup.last"), b.last))
	hint := widget.NewLabel(lang.L("backup.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	saveBtn := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), save)
	saveBtn.Importance = widget.HighImportance
	return widget.NewCard("", lang.L("backup.title"), container.NewVBox(form, hint,
		container.NewHBox(saveBtn, b.u.guard(data.RoleAdmin, saveBtn), layout.NewSpacer(), now, restore)))
}

// fill shows the settings' backup folder, copies and last backup.
func (b *backupPanel) fill(st data.Settings) {
	dir, keep := data.AutoBackupConfig(st, b.u.st.Path())
	b.dir.SetText(dir)
	b.keep.SetText(strconv.Itoa(keep))
	b.last.SetText(lastBackupText(st))
}

func lastBackupText(st data.Settings) string {
	raw := st.Extra[extraLastBackup]
	when, file, _ := strings.Cut(raw, " ")
	t, err := time.Parse(time.RFC3339, when)
	if err != nil {
		return lang.L("backup.never")
	}
	return t.Local().Format("02.01.2006 15:04") + " — " + file
}

// apply puts the folder and copies into st, refusing a bad number.
func (b *backupPanel) apply(st *data.Settings) error {
	n, err := strconv.Atoi(strings.TrimSpace(b.keep.Text))
	if err != nil || n < 1 || n > 365 {
		return &data.ValidationError{Field: "backup_keep", Value: b.keep.Text, Key: "err.backup.keep"}
	}
	st.Extra[data.ExtraBackupDir] = strings.TrimSpace(b.dir.Text)
	st.Extra[data.ExtraBackupKeep] = strconv.Itoa(n)
	return nil
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

func (b *backupPanel) onBackupTapped() {
	name := "mektepkezhol-" + time.Now().Format("2006-01-02") + ".db"
	b.u.askSavePath(folderBackups, name, []string{".db"}, func(path string) { b.u.backupTo(path, b.fill) })
}

// backupTo copies the database to path off the UI goroutine and notes the
// time; then, if set, passes the settings on.
func (u *App) backupTo(path string, then func(data.Settings)) {
	background(func() {
		err := u.st.Backup(u.ctx, path)
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

// startAutoBackup makes the day's automatic copy off the UI goroutine; a
// failure is logged and shown, never fatal. A server's data is not copied to
// every clerk's PC: its admin backs the server up.
func (u *App) startAutoBackup() {
	st, ok := u.st.(*data.Store)
	if !ok || st.OnServer() {
		return
	}
	dir, keep := data.AutoBackupConfig(u.settings, st.Path())
	background(func() {
		path, err := data.AutoBackup(u.ctx, st, dir, keep)
		if err == nil && path != "" {
			_, err = u.noteBackup(path, false)
		}
		if err != nil {
			fyne.LogError("automatic backup", err)
			fyne.Do(func() {
				dialogError(u.win, lang.L("backup.auto_failed", map[string]any{"Dir": dir})+"\n"+err.Error())
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
// checked first, the store closed, data.Restore run (which keeps the
// current database as a dated copy) and the store reopened — on the
// restored file, or on the old one if the restore failed — and every
// screen rebuilt over it. done, if set, gets the outcome (the tests).
func (u *App) restoreFrom(src string, done func(error)) {
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
		_, err := data.CheckBackup(u.ctx, src)
		var kept string
		var st *data.Store
		if err == nil {
			cur.Close()
			kept, err = data.Restore(u.ctx, path, src, time.Now())
			var oerr error
			if st, oerr = data.Open(path); oerr != nil {
				err = errors.Join(err, fmt.Errorf("reopen %s: %w", path, oerr))
			}
		}
		fyne.Do(func() {
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
		})
	})
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
