package ui

import (
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// folderPurpose names what a file dialog is for: each purpose remembers
// its own last folder in the app's preferences (per user, per machine), so
// the import opens where the schools' lists were and the backup where the
// flash drive was.
type folderPurpose string

const (
	folderImport    folderPurpose = "import"
	folderExport    folderPurpose = "export"
	folderDocuments folderPurpose = "documents"
	folderBackups   folderPurpose = "backups"
)

func (p folderPurpose) key() string { return "folder." + string(p) }

// rememberFolder keeps dir as the last folder used for p.
func (u *App) rememberFolder(p folderPurpose, dir string) {
	if dir != "" {
		u.app.Preferences().SetString(p.key(), dir)
	}
}

// lastFolder is the folder the dialogs for p start in: the last one used
// for p if it still exists, else the Documents folder (or home).
func (u *App) lastFolder(p folderPurpose) fyne.ListableURI {
	if dir := u.app.Preferences().String(p.key()); dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				return l
			}
		}
	}
	return documentsFolder()
}

// startIn opens the dialog d in the last folder used for p.
func (u *App) startIn(d interface{ SetLocation(fyne.ListableURI) }, p folderPurpose) {
	if loc := u.lastFolder(p); loc != nil {
		d.SetLocation(loc)
	}
}

// rememberFile keeps the folder of the file path as the last one of p.
func (u *App) rememberFile(p folderPurpose, path string) { u.rememberFolder(p, filepath.Dir(path)) }

// fileTime is a file's modification time, or the zero time.
func fileTime(path string) time.Time {
	fi, err := os.Stat(path)
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}

// showFileDialog shows a Fyne file or folder dialog with the names of its
// places (Home, Computer, Documents…) in the clerk's language: Fyne writes
// them in English whatever the translation.
func (u *App) showFileDialog(d interface{ Show() }) {
	d.Show()
	pop, ok := u.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	for _, l := range findLists(pop.Content) {
		update := l.UpdateItem
		if update == nil {
			continue
		}
		l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
			update(id, o)
			if box, ok := o.(*fyne.Container); ok {
				for _, x := range box.Objects {
					if label, ok := x.(*widget.Label); ok {
						label.SetText(lang.X("file.place."+label.Text, label.Text))
					}
				}
			}
		}
		l.Refresh()
	}
}

// findLists finds the lists laid out in plain containers and splits.
func findLists(o fyne.CanvasObject) []*widget.List {
	switch x := o.(type) {
	case *widget.List:
		return []*widget.List{x}
	case *fyne.Container:
		var found []*widget.List
		for _, c := range x.Objects {
			found = append(found, findLists(c)...)
		}
		return found
	case *container.Split:
		return append(findLists(x.Leading), findLists(x.Trailing)...)
	}
	return nil
}
