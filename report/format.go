// Package report turns plain data into documents: PDF letters and reports,
// the xlsx workbook, the press-release text. It does no SQL and no GUI.
package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

var monthsKK = []string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
	"қазан", "қараша", "желтоқсан"}

var monthsRUGenitive = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
	"сентября", "октября", "ноября", "декабря"}

// Number writes n with a non-breaking space between thousands: 1 250 000
// (a document never splits a number across lines).
func Number(n int64) string { return lingo.Number(n) }

// Tenge writes an amount as «1 250 000 ₸», unbreakable.
func Tenge(n int64) string { return lingo.Tenge(n) }

// ShortDate writes dd.MM.yyyy.
func ShortDate(t time.Time) string { return data.FormatDate(t) }

// LongDate writes a date in words: kk «2019 жылғы 30 қыркүйек», ru «30 сентября 2019 г.».
func LongDate(t time.Time, lang string) string {
	if lang == "ru" {
		return fmt.Sprintf("%d %s %d г.", t.Day(), monthsRUGenitive[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d жылғы %d %s", t.Year(), t.Day(), monthsKK[t.Month()-1])
}

// Percent writes part/whole as «12,5 %» (comma decimals), or «—» for no whole.
func Percent(part, whole int64) string {
	if whole == 0 {
		return "—"
	}
	return strings.Replace(fmt.Sprintf("%.1f\u00a0%%", float64(part)*100/float64(whole)), ".", ",", 1)
}
