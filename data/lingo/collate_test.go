package lingo_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/lingo"
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

// SortByKeys orders by the first field, then the next: a surname before a
// longer one that begins with it, then the names, all in the Kazakh
// alphabet; and it keeps the order of equals.
func TestSortByKeys(t *testing.T) {
	type person struct{ surname, name, tag string }
	in := []person{{"Іргебаев", "Шұғыла", ""}, {"Ахметова", "Айгүл", ""}, {"Іргебаев", "Әлия", "1"},
		{"Шахтёров", "Ерлан", ""}, {"Ахметов", "Қанат", ""}, {"Әлімжанов", "Бекзат", ""}, {"Іргебаев", "Әлия", "2"},
		{"Қазына", "Ұлан", ""}, {"Ахметов", "Кенже", ""}}
	want := []person{{"Ахметов", "Кенже", ""}, {"Ахметов", "Қанат", ""}, {"Ахметова", "Айгүл", ""},
		{"Әлімжанов", "Бекзат", ""}, {"Қазына", "Ұлан", ""}, {"Шахтёров", "Ерлан", ""}, {"Іргебаев", "Әлия", "1"},
		{"Іргебаев", "Әлия", "2"}, {"Іргебаев", "Шұғыла", ""}}
	lingo.SortByKeys("kk", in, func(p person) []string { return []string{p.surname, p.name} })
	if !slices.Equal(in, want) {
		t.Fatalf("SortByKeys = %v\nwant %v", in, want)
	}
}

func BenchmarkSortByKeys100k(b *testing.B) {
	first := strings.Fields("Ахметов Әлімжанов Қазына Шахтёров Іргебаев Оспанов Өмірбеков Ұлан Үмітов Бекова")
	second := strings.Fields("Әлия Бекзат Қанат Ерлан Шұғыла Айгүл Нұрлан Дәулет Ғалым Іңкәр")
	names := make([][3]string, 100000)
	for i := range names {
		names[i] = [3]string{first[i%10] + first[i/10%10][:4], second[i/100%10], second[i/1000%10]}
	}
	b.ResetTimer()
	for range b.N {
		s := slices.Clone(names)
		lingo.SortByKeys("kk", s, func(n [3]string) []string { return n[:] })
	}
}

// TestKeyMakerBytewise: keys compared as bytes (as a database compares
// BLOB and bytea) give the alphabet's order, the case ignored, and a
// surname before a longer one it begins.
func TestKeyMakerBytewise(t *testing.T) {
	want := [][]string{{"Ан", "Бота"}, {"Анаров", "Ерлан"}, {"Ахметов", "Әлихан"}, {"ахметов", "бекзат"},
		{"Әбенов", "Дәурен"}, {"Кенжеев", "Арман"}, {"Қасымов", "Ержан"}, {"Омаров", "Асхат"}, {"Өтегенов", "Бақыт"},
		{"Уәлиев", "Мұрат"}, {"Ұлықбеков", "Тимур"}, {"Үсенов", "Дамир"}, {"Шахтёров", "Олжас"}, {"Щукин", "Павел"},
		{"Ыбыраев", "Нұрлан"}, {"Іргебаев", "Нұрлан"}, {"Яковлев", "Олег"}}
	k := lingo.NewKeyMaker("kk")
	keys := make([][]byte, len(want))
	for i, w := range want {
		keys[i] = k.Key(w...)
	}
	for i := 1; i < len(keys); i++ {
		if string(keys[i-1]) >= string(keys[i]) {
			t.Errorf("key of %v is not below the key of %v", want[i-1], want[i])
		}
	}
	if a, b := k.Key("Ахметов", "Бекзат", ""), k.Key("АХМЕТОВ", "бекзат"); string(a) != string(b) {
		t.Errorf("case or an empty patronymic changes the key: %x, %x", a, b)
	}
}
