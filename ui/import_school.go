package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/mektepkezhol/app/data/exchange"
)

// The children's import remembers the school № typed in the wizard in the
// app's preferences, under the list's header set (a school sends the same
// form every year) and as the last one used: a re-import of a school's
// list needs no number typed again.
const lastImportSchool = "import.school"

// schoolKey is the preferences key of the school № for the sheet's header
// set: the headers, trimmed and lower-cased, hashed.
func schoolKey(sh *exchange.Sheet) string {
	h := sha256.New()
	for _, x := range sh.Header {
		h.Write([]byte(strings.ToLower(strings.TrimSpace(x)) + "\x1f"))
	}
	return lastImportSchool + "." + hex.EncodeToString(h.Sum(nil)[:8])
}

// rememberSchool keeps the school № n of the wizard's sheet.
func (w *importWizard) rememberSchool(n int) {
	if w.kind != exchange.Children || w.sheet == nil || n <= 0 {
		return
	}
	p := w.u.app.Preferences()
	p.SetString(schoolKey(w.sheet), strconv.Itoa(n))
	p.SetString(lastImportSchool, strconv.Itoa(n))
}

// recallSchool fills in the school № remembered for the sheet's headers,
// else the last one used, when the field is empty.
func (w *importWizard) recallSchool() {
	if w.kind != exchange.Children || w.sheet == nil || strings.TrimSpace(w.school.Text) != "" {
		return
	}
	p := w.u.app.Preferences()
	n := p.String(schoolKey(w.sheet))
	if n == "" {
		n = p.String(lastImportSchool)
	}
	w.school.SetText(n)
}
