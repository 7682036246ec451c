package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openOrShow opens a written document (or folder) in the system's
// application; when none opens it (no PDF viewer on the PC) the clerk is
// told where the file is, with its path to copy and a button that opens
// its folder.
func (u *App) openOrShow(path string) {
	err := openDocument(u.app, path)
	if err == nil {
		return
	}
	fyne.LogError("open "+path, err)
	dir := path
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	where := newLineEntry()
	where.SetText(path) // selectable, to copy
	msg := widget.NewLabel(lang.L("docs.no_viewer"))
	msg.Wrapping = fyne.TextWrapWord
	folder := widget.NewButtonWithIcon(lang.L("docs.open_folder"), theme.FolderOpenIcon(), func() {
		if err := openDocument(u.app, dir); err != nil {
			fyne.LogError("open "+dir, err)
		}
	})
	d := dialog.NewCustom(lang.L("docs.written"), lang.L("OK"), container.NewVBox(msg, where, container.NewHBox(folder)), u.win)
	d.Resize(fyne.NewSize(min(640, u.win.Canvas().Size().Width-60), 0))
	d.Show()
}
