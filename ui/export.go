package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// tableFunc builds a list in the given language for the export.
type tableFunc func(lang string) (exchange.Table, error)

// documentsFolder is the user's Documents folder (or home), where the file
// dialogs start.
func documentsFolder() fyne.ListableURI {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	for _, dir := range []string{filepath.Join(home, "Documents"), home} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				return l
			}
		}
	}
	return nil
}

// askSavePath asks where to save a file named name, offering exts, and
// hands the chosen path on; the dialog starts in the last folder used for
// purpose and remembers the one chosen.
func (u *App) askSavePath(purpose folderPurpose, name string, exts []string, chosen func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(u.win, err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close() // the file is written again, 0600, by chosen
		u.rememberFile(purpose, path)
		chosen(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.startIn(d, purpose)
	d.Resize(u.win.Canvas().Size().Subtract(fyne.NewSize(120, 120)))
	u.showFileDialog(d)
}

// writePrivate writes a file only its owner can read (the lists hold
// children's personal data), whole or not at all: a failed export leaves
// the file it would replace as it was, and never writes over a database.
func writePrivate(path string, write func(io.Writer) error) error {
	return data.WriteFileAtomically(path, 0o600, write)
}

// exportList asks where to save the list name and writes it there.
func (u *App) exportList(list string, table tableFunc) {
	name := u.exportName("export.name." + list)
	u.askSavePath(folderExport, name+".xlsx", []string{".xlsx", ".csv"}, func(path string) { u.exportTo(path, list, table) })
}

// exportTo writes the list to path, xlsx or csv by its extension (xlsx
// when it has none), off the UI goroutine. A list of people's personal
// data is recorded in the audit log first (data.AccessExport): unrecorded,
// it is not written.
func (u *App) exportTo(path, list string, table tableFunc) {
	format, err := exchange.FormatOf(path)
	if err != nil {
		os.Remove(path) // the save dialog created it empty
		path += ".xlsx"
		format = exchange.XLSX
	}
	l := language()
	background(func() {
		t, err := table(l)
		if err == nil && t.Personal {
			err = u.st.RecordAccess(u.ctx, data.AccessExport+":"+list, 0, len(t.Rows))
		}
		if err == nil {
			err = writePrivate(path, func(w io.Writer) error { return t.Write(w, format) })
		}
		fyne.Do(func() {
			if err != nil {
				showError(u.win, fmt.Errorf("%s: %w", path, err))
				return
			}
			dialog.ShowInformation(lang.L("export.done_title"), tn("export.done", int64(len(t.Rows)),
				map[string]any{"File": path}), u.win)
		})
	})
}

// onTemplateTapped asks for a school and saves its blank list of children.
func (u *App) onTemplateTapped() {
	schools, err := u.st.FindSchools(u.ctx)
	if err != nil {
		showError(u.win, err)
		return
	}
	var labels []string
	for _, sc := range schools {
		labels = append(labels, lang.L("school.short", map[string]any{"N": sc.Number}))
	}
	sel := newSelect(labels, nil)
	d := dialog.NewForm(lang.L("export.template_title"), lang.L("export.template_save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("field.school"), sel)}, func(ok bool) {
			i := sel.SelectedIndex()
			if !ok || i < 0 {
				return
			}
			sc := schools[i]
			name := lang.L("export.template_file", map[string]any{"N": sc.Number}) + ".xlsx"
			u.askSavePath(folderExport, name, []string{".xlsx"}, func(path string) { u.saveTemplate(path, sc) })
		}, u.win)
	d.Show()
}

// saveTemplate writes the blank list of school sc to path.
func (u *App) saveTemplate(path string, sc data.School) {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		os.Remove(path)
		path += ".xlsx"
	}
	l := language()
	background(func() {
		cats, err := u.st.FindCategories(u.ctx)
		if err == nil {
			err = writePrivate(path, func(w io.Writer) error { return exchange.WriteTemplate(w, sc, cats, l) })
		}
		fyne.Do(func() {
			if err != nil {
				showError(u.win, err)
				return
			}
			dialog.ShowInformation(lang.L("export.done_title"), lang.L("export.template_done", map[string]any{"File": path}), u.win)
		})
	})
}

// fileButton is a list's «File» button: import (for the lists that take
// one), export with the list's current filters, the blank template.
func (u *App) fileButton(items ...*fyne.MenuItem) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.L("exchange.file"), theme.MenuDropDownIcon(), func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
	})
	return b
}

// exportItem exports the list (children, sponsors, …: its file name is
// export.name.<list>).
func (u *App) exportItem(list string, table func() tableFunc) *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("exchange.export"), func() { u.exportList(list, table()) })
	it.Icon = theme.DocumentSaveIcon()
	return it
}

func (u *App) importItem(kind exchange.Kind, done func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("exchange.import"), func() { u.onImportTapped(kind, done) })
	it.Icon = theme.FolderOpenIcon()
	return it
}

// exportName is a list's file name: «balalar-2019».
func (u *App) exportName(key string) string {
	return lang.L(key) + "-" + strconv.Itoa(u.campaign.Year)
}
