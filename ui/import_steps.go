package ui

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data/exchange"
)

// showMapping is the column step: the sheet (when the file has several),
// which column holds each field, and the options of the list.
func (w *importWizard) showMapping() {
	sh := w.sheet
	cols := []string{lang.L("import.no_column")}
	for col := range sh.Header {
		name := sh.ColumnName(col)
		if sh.IsHidden(col) {
			name += " · " + lang.L("import.hidden")
		}
		cols = append(cols, name)
	}
	form := widget.NewForm()
	for _, f := range exchange.Fields(w.kind) {
		code := f.Code
		label := exchange.FieldLabel(w.kind, code, language())
		if f.Required {
			label += " *"
		}
		sel := newSelect(cols, nil)
		if col, ok := w.mapping[code]; ok && col+1 < len(cols) {
			sel.SetSelectedIndex(col + 1)
		} else {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i > 0 {
				w.mapping[code] = i - 1
			} else {
				delete(w.mapping, code)
			}
			w.checkMissing()
		}
		form.Append(label, sel)
	}
	top := widget.NewForm()
	if len(sh.Sheets) > 1 {
		w.sheets = newSelect(sh.Sheets, nil)
		w.sheets.SetSelected(sh.Name)
		w.sheets.OnChanged = func(name string) {
			if name != w.sheet.Name {
				w.load(name)
			}
		}
		top.Append(lang.L("import.sheet"), w.sheets)
	}
	if w.kind == exchange.Children {
		top.Append(lang.L("import.school"), w.school)
	} else {
		top.Append(lang.L("import.campaign"), w.campaign)
	}
	info := widget.NewLabel(tn("import.file_info", int64(len(sh.Rows)),
		map[string]any{"File": filepath.Base(w.path), "Header": sh.HeaderRow}))
	info.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("import.mapping_hint"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	w.plan = nil
	w.back.Disable()
	w.next.SetText(lang.L("import.preview"))
	w.checkMissing()
	w.show(lang.L("import.step_columns"), container.NewBorder(container.NewVBox(info, top, w.missing), hint, nil, nil,
		container.NewVScroll(form)))
}

// checkMissing names the required fields without a column and allows the
// preview only when there are none.
func (w *importWizard) checkMissing() {
	miss := w.mapping.Missing(w.kind)
	if len(miss) == 0 {
		w.missing.SetText("")
		w.missing.Hide()
		w.next.Enable()
		return
	}
	var names []string
	for _, code := range miss {
		names = append(names, exchange.FieldLabel(w.kind, code, language()))
	}
	w.missing.SetText(lang.L("import.missing", map[string]any{"Fields": strings.Join(names, ", ")}))
	w.missing.Show()
	w.next.Disable()
}

// showPreview is the preview step: the counts and a table of problems.
func (w *importWizard) showPreview() {
	sum := w.plan.Summary()
	w.problems = sum.Problems
	counts := widget.NewLabel(w.countsText("import.counts", sum))
	counts.Wrapping = fyne.TextWrapWord
	counts.TextStyle.Bold = true
	t := newDataTable([]string{lang.L("import.col.row"), lang.L("import.col.column"), lang.L("import.col.value"),
		lang.L("import.col.message")}, []float32{60, 150, 130, 560}, func() int { return len(w.problems) },
		func(row, col int) string {
			p := w.problems[row]
			switch col {
			case 0:
				return strconv.Itoa(p.Row)
			case 1:
				return p.Column
			case 2:
				return p.Value
			}
			// the row, column and value have their own columns
			return strings.TrimPrefix(p.Message, exchange.Message(language(), p.Row, p.Column, p.Value, ""))
		})
	t.highlight = func(row int) bool { return !w.problems[row].Warning }
	var body fyne.CanvasObject = t.table
	if len(w.problems) == 0 {
		body = widget.NewLabel(lang.L("import.no_problems"))
	}
	hint := widget.NewLabel(lang.L("import.preview_hint"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	w.back.Enable()
	w.next.SetText(lang.L("import.import"))
	if sum.Imported+sum.Updated == 0 {
		w.next.Disable()
	} else {
		w.next.Enable()
	}
	top := fyne.CanvasObject(counts)
	if w.kind == exchange.Sponsors {
		top = container.NewVBox(counts, w.addItems)
	}
	w.show(lang.L("import.step_preview"), container.NewBorder(top, hint, nil, nil, body))
}
