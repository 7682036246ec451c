package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// initDocs makes each category's «Құжат» button and the line that
// summarises its supporting document.
func (f *childForm) initDocs() {
	f.docs = map[string]data.ChildCategory{}
	f.docBtns = map[string]*widget.Button{}
	f.docInfo = map[string]*widget.Label{}
	for _, code := range data.CategoryCodes {
		b := widget.NewButtonWithIcon(lang.L("child.doc"), theme.DocumentIcon(), func() { f.onDocTapped(code) })
		b.Importance = widget.LowImportance
		b.Hide()
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.Hide()
		f.docBtns[code], f.docInfo[code] = b, l
	}
}

// categoryRow is a category's check box with its document button beside
// it and the document's summary below, so the form grows no wider.
func (f *childForm) categoryRow(code string) fyne.CanvasObject {
	// the summary is indented under the category's name; it hides with its label
	info := container.New(&indentLayout{}, f.docInfo[code])
	return container.NewVBox(container.NewBorder(nil, nil, nil, f.docBtns[code], f.cats[code]), info)
}

// onCategoryChecked lets a ticked category carry a document.
func (f *childForm) onCategoryChecked(code string, on bool) {
	if on {
		f.docBtns[code].Show()
	} else {
		f.docBtns[code].Hide()
	}
	f.showDoc(code)
}

// loadDocs takes the documents of the child's categories into the form.
func (f *childForm) loadDocs(c data.Child) {
	f.docs = map[string]data.ChildCategory{}
	for _, cc := range c.Categories {
		f.docs[cc.Code] = cc
	}
	for _, code := range data.CategoryCodes {
		f.showDoc(code)
	}
}

// showDoc writes a category's document summary; an expired one is in the
// warning colour.
func (f *childForm) showDoc(code string) {
	l := f.docInfo[code]
	cc, ok := f.docs[code]
	if !ok || !f.cats[code].Checked || cc.DocType == "" && cc.DocNumber == "" && cc.DocValidUntil.IsZero() {
		l.Importance = widget.LowImportance
		l.SetText("")
		l.Hide()
		return
	}
	text := cc.DocType
	if cc.DocNumber != "" {
		text += " №" + cc.DocNumber
	}
	l.Importance = widget.MediumImportance
	if !cc.DocValidUntil.IsZero() {
		key := "child.doc_until"
		if docExpired(cc) {
			key, l.Importance = "child.doc_expired", widget.WarningImportance
		}
		text += " · " + lang.L(key, map[string]any{"Date": dateText(cc.DocValidUntil)})
	}
	l.SetText(text)
	l.Show()
}

// docExpired tells whether a category's document ran out before today.
func docExpired(cc data.ChildCategory) bool {
	return !cc.DocValidUntil.IsZero() && cc.DocValidUntil.Before(today())
}

// docDialog edits one category's supporting document.
type docDialog struct {
	f                              *childForm
	code                           string
	kind, number, issued, validTil *lineEntry
	dlg                            dialog.Dialog
}

func (f *childForm) onDocTapped(code string) {
	cc := f.docs[code]
	d := &docDialog{f: f, code: code, kind: newLineEntry(), number: newLineEntry(), issued: newLineEntry(),
		validTil: newLineEntry()}
	d.kind.SetText(cc.DocType)
	d.kind.SetPlaceHolder(lang.L("child.doc_type_hint"))
	d.number.SetText(cc.DocNumber)
	d.issued.SetText(dateText(cc.DocDate))
	d.validTil.SetText(dateText(cc.DocValidUntil))
	for _, e := range []*lineEntry{d.issued, d.validTil} {
		e.Validator = dateValidator
		e.SetPlaceHolder(lang.L("date.placeholder"))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.doc_type"), d.kind),
		widget.NewFormItem(lang.L("field.doc_number"), d.number),
		widget.NewFormItem(lang.L("field.doc_date"), d.issued),
		widget.NewFormItem(lang.L("field.doc_valid_until"), d.validTil))
	title := lang.L("child.doc_title", map[string]any{"Category": lang.L("cat.short." + code)})
	d.dlg = dialog.NewCustomConfirm(title, lang.L("action.ok"), lang.L("action.cancel"), form, d.onClosed, f.u.win)
	d.dlg.Resize(fyne.NewSize(460, 0))
	d.dlg.Show()
}

// onClosed keeps the document in the form; it is saved with the child.
func (d *docDialog) onClosed(ok bool) {
	if !ok {
		return
	}
	issued, ok1 := parseDate(d.issued.Text)
	until, ok2 := parseDate(d.validTil.Text)
	if !ok1 || !ok2 {
		field, value := "doc_date", d.issued.Text
		if !ok2 {
			field, value = "doc_valid_until", d.validTil.Text
		}
		showError(d.f.u.win, &data.ValidationError{Field: field, Value: value, Key: "err.date"})
		return
	}
	d.f.docs[d.code] = data.ChildCategory{Code: d.code, DocType: d.kind.Text, DocNumber: d.number.Text,
		DocDate: issued, DocValidUntil: until}
	d.f.state.dirty = true
	d.f.showDoc(d.code)
}

// indentLayout places its objects under a check box's text, and takes no
// room when they are hidden.
type indentLayout struct{}

func (indentLayout) indent() float32 { return theme.IconInlineSize() + 2*theme.Padding() }

func (l indentLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.indent(), 0))
		o.Resize(fyne.NewSize(size.Width-l.indent(), size.Height))
	}
}

func (l indentLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		if o.Visible() {
			min = min.Max(o.MinSize().AddWidthHeight(l.indent(), 0))
		}
	}
	return min
}
