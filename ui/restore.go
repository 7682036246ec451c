package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// restorePicker is the restore dialog: the backups the app knows, newest
// first, each with its date and time, size and what it holds, so that the
// clerk chooses a copy by its content; another file can still be chosen.
type restorePicker struct {
	u       *App
	backups []data.BackupInfo
	chosen  int
	list    *widget.List
	restore *widget.Button
	d       *dialog.CustomDialog
}

// showRestorePicker lists the known backups (read off the UI goroutine)
// and opens the dialog.
func (u *App) showRestorePicker(autoDir string) {
	path := u.st.Path()
	manual := data.ManualBackups(u.settings)
	if st, err := u.st.Settings(u.ctx); err == nil {
		manual = data.ManualBackups(st)
	}
	background(func() {
		found := data.FindBackups(u.ctx, path, autoDir, manual)
		fyne.Do(func() { newRestorePicker(u, found).show() })
	})
}

func newRestorePicker(u *App, backups []data.BackupInfo) *restorePicker {
	return &restorePicker{u: u, backups: backups, chosen: -1}
}

func (p *restorePicker) show() {
	p.restore = widget.NewButtonWithIcon(lang.L("backup.restore_this"), theme.HistoryIcon(), p.onRestoreTapped)
	p.restore.Importance = widget.HighImportance
	p.restore.Disable()
	other := widget.NewButtonWithIcon(lang.L("backup.other_file"), theme.FolderOpenIcon(), p.onOtherTapped)
	cancel := widget.NewButtonWithIcon(lang.L("action.cancel"), theme.CancelIcon(), func() { p.d.Hide() })
	p.list = widget.NewList(func() int { return len(p.backups) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.chosen = i
		if p.backups[i].Err == nil {
			p.restore.Enable()
		} else {
			p.restore.Disable()
		}
	}
	var body fyne.CanvasObject = p.list
	if len(p.backups) == 0 {
		none := widget.NewLabel(lang.L("backup.none_known"))
		none.Wrapping = fyne.TextWrapWord
		body = none
	}
	hint := widget.NewLabel(lang.L("backup.pick_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	buttons := container.NewHBox(other, layout.NewSpacer(), cancel, p.restore)
	content := container.NewBorder(hint, buttons, nil, nil, body)
	p.d = dialog.NewCustomWithoutButtons(lang.L("backup.restore"), content, p.u.win)
	size := p.u.win.Canvas().Size()
	p.d.Resize(fyne.NewSize(min(760, size.Width-60), min(560, size.Height-60)))
	p.d.Show()
	if len(p.backups) > 0 {
		p.list.Select(0)
	}
}

func (p *restorePicker) newRow() fyne.CanvasObject {
	when := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	holds := widget.NewLabel("")
	file := widget.NewLabel("")
	file.Importance = widget.LowImportance
	file.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(when, holds, file)
}

func (p *restorePicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	b := p.backups[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(takenText(b.Taken, time.Now()) + " — " + lang.L("backup.kind."+string(b.Kind)))
	holds := lang.L("backup.holds", map[string]any{"Sponsors": b.Sponsors, "Children": b.Children,
		"Donations": b.Donations, "Size": sizeText(b.Size)})
	switch {
	case b.Err != nil:
		holds = lang.L("backup.unreadable", map[string]any{"Size": sizeText(b.Size)})
	case b.Encrypted && b.Children == 0 && b.Sponsors == 0:
		holds = lang.L("backup.holds_encrypted", map[string]any{"Size": sizeText(b.Size)})
	case b.Encrypted:
		holds = lang.L("backup.encrypted_mark") + " · " + holds
	}
	box.Objects[1].(*widget.Label).SetText(holds)
	box.Objects[2].(*widget.Label).SetText(b.Path)
}

// onOtherTapped picks a file elsewhere (a flash drive); the live database
// is refused.
func (p *restorePicker) onOtherTapped() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		src := r.URI().Path()
		r.Close()
		if data.IsLiveDatabase(src, p.u.st.Path()) {
			dialogError(p.u.win, lang.L("backup.live_file"))
			return
		}
		p.u.rememberFolder(folderBackups, filepath.Dir(src))
		p.d.Hide()
		p.u.confirmRestore(data.BackupInfo{Path: src, Kind: data.BackupManual, Taken: fileTime(src)})
	}, p.u.win)
	// plain copies, the daily compressed ones and encrypted ones
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".gz", ".age"}))
	p.u.startIn(d, folderBackups)
	d.Resize(p.u.win.Canvas().Size().Subtract(fyne.NewSize(120, 120)))
	p.u.showFileDialog(d)
}

func (p *restorePicker) onRestoreTapped() {
	if p.chosen < 0 || p.chosen >= len(p.backups) {
		return
	}
	p.d.Hide()
	p.u.confirmRestore(p.backups[p.chosen])
}

// confirmRestore names the copy by its date and time and says what the
// restore loses: the changes made after the copy was written.
func (u *App) confirmRestore(b data.BackupInfo) {
	msg := lang.L("backup.restore_confirm", map[string]any{"File": filepath.Base(b.Path),
		"Taken": takenText(b.Taken, time.Now()), "Lost": lostText(b.Taken, time.Now())})
	d := dialog.NewConfirm(lang.L("backup.restore"), msg, func(ok bool) {
		if ok {
			u.restoreFrom(b.Path, nil)
		}
	}, u.win)
	d.SetConfirmText(lang.L("backup.restore_this"))
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}

// takenText writes when a copy was written: «бүгін 10:41», «кеше 18:02»
// or «02.09.2019 10:41».
func takenText(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	clock := t.Format("15:04")
	switch data.Day(now).Sub(data.Day(t)) {
	case 0:
		return lang.L("backup.today", map[string]any{"Time": clock})
	case 24 * time.Hour:
		return lang.L("backup.yesterday", map[string]any{"Time": clock})
	}
	return t.Format("02.01.2006 15:04")
}

// lostText says which changes a restore of a copy written at t loses.
func lostText(t, now time.Time) string {
	return lang.L("backup.lost", map[string]any{"Taken": takenText(t, now)})
}

// sizeText writes a file's size: «840 КБ», «12,4 МБ».
func sizeText(n int64) string {
	if n < 1<<20 {
		return lang.L("size.kb", map[string]any{"N": (n + 1023) / 1024})
	}
	mb := fmt.Sprintf("%.1f", float64(n)/(1<<20))
	return lang.L("size.mb", map[string]any{"N": strings.Replace(mb, ".", ",", 1)})
}
