// Package lingo is the documents' one language layer: Russian plural
// forms, Kazakh suffixes on numbers and words, legal forms per language,
// salutations, numbers with non-breaking spaces and alphabetical order.
// It is pure Go: no SQL, no GUI. lang is "kk" or "ru" everywhere; anything
// other than "ru" means Kazakh, the office's first language.
package lingo

import (
	"strconv"
	"strings"
)

// NBSP is the non-breaking space: inside numbers and between a number and
// its unit, so that a line never breaks there.
const NBSP = "\u00a0"

// isRU tells whether lang asks for Russian.
func isRU(lang string) bool { return lang == "ru" }

// Number writes n with a non-breaking space between thousands: «1 058».
func Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(NBSP)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Tenge writes an amount as «1 250 000 ₸», unbreakable.
func Tenge(n int64) string { return Number(n) + NBSP + "₸" }

// Count writes n and the noun agreeing with it in lang, joined by a
// non-breaking space: Count("ru", 5, "комплект") = «5 комплектов»,
// Count("kk", 5, "жиынтық") = «5 жиынтық» (Kazakh keeps the singular).
// noun is the dictionary form (a unit abbreviation such as «шт.» is
// written out); a noun the table lacks is written as given.
func Count(lang string, n int64, noun string) string {
	return Number(n) + NBSP + Noun(lang, n, noun)
}

// Noun is the form of noun that agrees with n in lang, in the nominative.
func Noun(lang string, n int64, noun string) string {
	if !isRU(lang) {
		return noun
	}
	return RU.Form(n, noun, Nominative)
}

// Unbreak replaces the spaces of s by non-breaking ones: for a short
// phrase that must stay on one line, such as «8,6 %».
func Unbreak(s string) string { return strings.ReplaceAll(s, " ", NBSP) }
