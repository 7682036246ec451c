package exchange

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnmapped means a sponsors' list has no money or no in-kind column
// mapped while a column left out holds amounts or gifts: importing it
// would count nothing of them.
var ErrUnmapped = errors.New("a column with amounts or gifts is not mapped")

// UnmappedError names the column that holds amounts or gifts and the
// field to map it to; Error words it in Lang (kk or ru).
type UnmappedError struct {
	Column string // the column's letter: «E»
	Header string
	Field  string // amount or in_kind
	Lang   string
}

func (e *UnmappedError) Error() string { return e.Message(e.Lang) }

func (e *UnmappedError) Unwrap() error { return ErrUnmapped }

// Message words the error in lang, with the way to map the column.
func (e *UnmappedError) Message(lang string) string {
	col := e.Column
	if e.Header != "" {
		col += " («" + e.Header + "»)"
	}
	label := FieldLabel(Sponsors, e.Field, lang)
	what := tr(lang, "сомалар", "суммы")
	if e.Field == "in_kind" {
		what = tr(lang, "заттар", "вещи")
	}
	if lang == "ru" {
		return fmt.Sprintf("В столбце %s есть %s, но он не сопоставлен ни с одним полем; ничего не записано. "+
			"Сопоставьте его с полем «%s» на шаге сопоставления столбцов (в командной строке: --map %s=%s; "+
			"если это не %s — --map %s=none).", col, what, label, e.Column, e.Field, what, e.Column)
	}
	return fmt.Sprintf("%s бағанында %s бар, бірақ ол ешбір өріспен сәйкестендірілмеген; ештеңе жазылған жоқ. "+
		"Бағандарды сәйкестендіру қадамында оны «%s» өрісіне сәйкестендіріңіз (командалық жолда: --map %s=%s; "+
		"бұл %s болмаса — --map %s=none).", col, what, label, e.Column, e.Field, what, e.Column)
}

// checkUnmapped refuses a sponsors' list whose money (or in-kind) column
// is not mapped while a visible column left out holds amounts (or gifts)
// in at least half of its filled cells: never a silent zero.
func checkUnmapped(sh *Sheet, m Mapping, items *catalogue, lang string) error {
	mapped := map[int]bool{}
	for _, col := range m {
		mapped[col] = true
	}
	_, money := m["amount"]
	_, gifts := m["in_kind"]
	for _, c := range Columns(sh, m) {
		col := columnIndex(c.Column)
		if mapped[col] || sh.IsHidden(col) {
			continue
		}
		cells := columnCells(sh, col)
		switch {
		case !money && holdsAmounts(cells):
			return &UnmappedError{Column: c.Column, Header: c.Header, Field: "amount", Lang: lang}
		case !gifts && holdsGifts(cells, items):
			return &UnmappedError{Column: c.Column, Header: c.Header, Field: "in_kind", Lang: lang}
		}
	}
	return nil
}

func columnCells(sh *Sheet, col int) []string {
	var out []string
	for _, r := range sh.Rows {
		if v := r.Cell(col); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// holdsAmounts: half the cells or more are amounts of 100 ₸ or more; a
// column numbering the rows (1, 2, 3 …), one of IINs and BINs and one of
// Excel dates of 2010–2030 are not amounts.
func holdsAmounts(cells []string) bool {
	n, numbering, dates := 0, true, true
	for i, v := range cells {
		a, err := ParseAmount(v)
		if err != nil || a < 100 || len(data12(v)) == 12 || strings.Count(v, ".") > 1 || strings.Count(v, "/") > 0 {
			continue
		}
		n++
		numbering = numbering && a == int64(i+1)
		dates = dates && a >= 40179 && a <= 47484 && !strings.ContainsAny(v, " ,")
	}
	return n > 0 && 2*n >= len(cells) && !numbering && !dates
}

// data12 keeps a cell's digits, to tell an IIN or BIN.
func data12(v string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, v)
}

// holdsGifts: half the cells or more read as gifts, each item with a
// quantity and either a unit word or a name the catalogue knows.
func holdsGifts(cells []string, items *catalogue) bool {
	n := 0
	for _, v := range cells {
		ok := false
		for _, part := range splitGift(v) {
			g := parseGiftLine(part)
			_, known := items.match(g.name)
			ok = g.qty > 0 && g.name != "" && (g.unit != "" || known)
			if !ok {
				break
			}
		}
		if ok {
			n++
		}
	}
	return n > 0 && 2*n >= len(cells)
}

// LeaveOut marks column col as read into no field on purpose (--map G=):
// a list is not refused for what it holds.
func LeaveOut(m Mapping, col int) {
	for code, at := range m {
		if at == col {
			delete(m, code)
		}
	}
	m[leftOut+columnLetter(col)] = col
}

// leftOut begins the mapping's codes of columns left out on purpose.
const leftOut = "-"

// columnIndex reads a column's letters: «A» → 0, «AA» → 26; -1 when
// they are not letters.
func columnIndex(s string) int {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 3 {
		return -1
	}
	n := 0
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return -1
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1
}

// ColumnIndex reads a column's letters as --map writes them: «E» → 4.
func ColumnIndex(letters string) (int, bool) {
	i := columnIndex(letters)
	return i, i >= 0
}
