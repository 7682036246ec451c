package lingo_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/report/lingo"
)

func TestKazakhAlphabet(t *testing.T) {
	alphabet := strings.Fields("а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я")
	got := slices.Clone(alphabet)
	slices.Reverse(got)
	lingo.Sort("kk", got)
	if !slices.Equal(got, alphabet) {
		t.Fatalf("kk order %v", got)
	}
}

func TestSortNames(t *testing.T) {
	tests := []struct {
		lang string
		in   []string
		want []string
	}{
		{"kk", []string{"Шахтёр", "Әлімжанов", "Қазына", "Ахметов", "Кенжебаев", "Өмірбек", "Оспанов", "Ұлан", "Үміт", "Уәлиев", "Іргебай", "Ыбырай"},
			[]string{"Ахметов", "Әлімжанов", "Кенжебаев", "Қазына", "Оспанов", "Өмірбек", "Уәлиев", "Ұлан", "Үміт", "Шахтёр", "Ыбырай", "Іргебай"}},
		{"ru", []string{"Шахтёр", "ёлка", "Ель", "Алма", "яблоко", "Жук", "Ёж"},
			// Russian dictionaries read ё as е: Ёж (е-ж) before ёлка (е-л-к) before Ель (е-л-ь).
			[]string{"Алма", "Ёж", "ёлка", "Ель", "Жук", "Шахтёр", "яблоко"}},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		lingo.Sort(tt.lang, got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Sort(%s) = %v, want %v", tt.lang, got, tt.want)
		}
		if !lingo.IsSorted(tt.lang, got) || lingo.IsSorted(tt.lang, tt.in) {
			t.Errorf("IsSorted(%s) wrong", tt.lang)
		}
	}
}
