package lingo

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator returns a new collator for lang. x/text's Kazakh tailoring
// gives the alphabet's order (а ә б в г ғ д е ё ж з и й к қ л м н ң о ө
// п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я; a test holds it to that).
// A collator is not safe for concurrent use: take one per goroutine.
func Collator(lang string) *collate.Collator {
	tag := language.Kazakh
	if isRU(lang) {
		tag = language.Russian
	}
	return collate.New(tag, collate.IgnoreCase)
}

// Sort sorts s alphabetically for lang.
func Sort(lang string, s []string) { Collator(lang).SortStrings(s) }

// SortFunc sorts s alphabetically for lang by key, keeping equal keys in
// their order.
func SortFunc[T any](lang string, s []T, key func(T) string) {
	c := Collator(lang)
	slices.SortStableFunc(s, func(a, b T) int { return c.CompareString(key(a), key(b)) })
}

// IsSorted tells whether s is in alphabetical order for lang.
func IsSorted(lang string, s []string) bool {
	c := Collator(lang)
	for i := 1; i < len(s); i++ {
		if c.CompareString(s[i-1], s[i]) > 0 {
			return false
		}
	}
	return true
}

// SortByKeys sorts s alphabetically for lang by the fields fields returns
// (surname, name, patronymic), compared in turn, keeping equal items in
// their order. It makes each item's collation keys once, so it suits long
// lists (100 000 children) where SortFunc would build two keys at every
// one of the n·log n comparisons.
func SortByKeys[T any](lang string, s []T, fields func(T) []string) {
	c := Collator(lang)
	var buf collate.Buffer // the keys stay valid: buf is never reset
	keys := make([][][]byte, len(s))
	order := make([]int, len(s))
	for i, v := range s {
		fs := fields(v)
		keys[i] = make([][]byte, len(fs))
		for j, f := range fs {
			keys[i][j] = c.KeyFromString(&buf, f)
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ka, kb := keys[a], keys[b]
		for j := range min(len(ka), len(kb)) {
			if d := bytes.Compare(ka[j], kb[j]); d != 0 {
				return d
			}
		}
		return len(ka) - len(kb)
	})
	sorted := make([]T, len(s))
	for i, o := range order {
		sorted[i] = s[o]
	}
	copy(s, sorted)
}

// KeyMaker makes collation keys: byte strings that compare with
// bytes.Compare (or a database's memcmp on BLOB/bytea) in the alphabet's
// order, so a stored key sorts names on a server. Not safe for concurrent
// use: take one per goroutine.
type KeyMaker struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NewKeyMaker returns a KeyMaker for lang's alphabet.
func NewKeyMaker(lang string) *KeyMaker { return &KeyMaker{c: Collator(lang)} }

// Key returns the collation key of the parts joined by spaces («surname
// name patronymic»): a space sorts before every letter, so a surname sorts
// before a longer one it begins (Ан before Анаров). The key is a new slice,
// the caller's to keep.
func (k *KeyMaker) Key(parts ...string) []byte {
	k.buf.Reset()
	key := k.c.KeyFromString(&k.buf, strings.TrimSpace(strings.Join(parts, " ")))
	return bytes.Clone(key)
}
