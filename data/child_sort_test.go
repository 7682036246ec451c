package data_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// kazakhOrder is written by hand from the Kazakh alphabet (а ә б в г ғ д
// е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я):
// Ә after А, Ғ after Г, Қ after К, Ң after Н, Ө after О, Ұ and Ү after У,
// Һ after Х, Щ after Ш, І after Ы. A surname comes before a longer one it
// begins (Ан, Анаров); one surname sorts by name, then patronymic.
var kazakhOrder = [][3]string{
	{"Абаев", "Нұрлан", ""},
	{"Ан", "Бота", ""},
	{"Анаров", "Ерлан", ""},
	{"Ахметов", "Әлихан", ""},
	{"Ахметов", "Бекзат", "Асқарұлы"},
	{"Ахметов", "Бекзат", "Әлиұлы"}, // Ә after А: Асқарұлы first
	{"Әбенов", "Дәурен", ""},
	{"Бекова", "Айгүл", ""},
	{"Габдуллин", "Ернар", ""},
	{"Ғалымов", "Ерлан", ""},
	{"Иванов", "Иван", "Иванович"},
	{"Кенжеев", "Арман", ""},
	{"Қасымов", "Ержан", ""},
	{"Нұрланов", "Бауыржан", ""},
	{"Ңғ", "Ата", ""}, // no real surname starts with Ң; its place is after Н
	{"Омаров", "Асхат", ""},
	{"Өтегенов", "Бақыт", ""},
	{"Сейітов", "Марат", ""},
	{"Уәлиев", "Мұрат", ""},
	{"Ұлықбеков", "Тимур", ""},
	{"Үсенов", "Дамир", ""},
	{"Хасенов", "Арман", ""},
	{"Һарунов", "Али", ""},
	{"Шахтёров", "Олжас", ""},
	{"Щукин", "Павел", ""},
	{"Ыбыраев", "Нұрлан", ""},
	{"Іргебаев", "Нұрлан", ""},
	{"Эльдаров", "Руслан", ""},
	{"Юсупов", "Ильяс", ""},
	{"Яковлев", "Олег", ""},
}

// mustKazakhChildren saves the children of kazakhOrder in a scrambled
// order and returns the full names in the
// order expected.
func mustKazakhChildren(t *testing.T, st *data.Store, schoolID int64) []string {
	t.Helper()
	ctx := context.Background()
	n := len(kazakhOrder)
	var want []string
	for _, name := range kazakhOrder {
		want = append(want, data.Child{Surname: name[0], Name: name[1], Patronymic: name[2]}.FullName())
	}
	order := make([]int, n)
	for i := range order {
		order[i] = (i*7 + 3) % n // 7 is prime to 30: every child once
	}
	for k, i := range order {
		name := kazakhOrder[i]
		iin, _ := data.MakeIIN(time.Date(2012, 1, 1+k%28, 0, 0, 0, 0, time.UTC), "M", 100+k)
		c := data.Child{IIN: iin, Surname: name[0], Name: name[1], Patronymic: name[2], SchoolID: schoolID, Grade: 1 + i%2}
		if err := st.CreateChild(ctx, &c); err != nil {
			t.Fatalf("%v: %v", name, err)
		}
	}
	return want
}

func fullNames(cs []data.Child) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.FullName())
	}
	return out
}

func TestSortChildrenInKazakhAlphabet(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	sc := mustSchool(t, st, 7)
	want := mustKazakhChildren(t, st, sc.ID)
	all, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fullNames(all); !slices.Equal(got, want) {
		t.Fatalf("FindChildren order:\n%q\nwant\n%q", got, want)
	}
	// pages of 4 through the keyset cover the list once, in order
	var paged []string
	var after data.ChildCursor
	for range 20 {
		page, err := st.FindChildPage(ctx, data.ChildFilter{}, after, 4)
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, fullNames(page.Children)...)
		if !page.More {
			break
		}
		after = page.Next
	}
	if !slices.Equal(paged, want) {
		t.Fatalf("pages:\n%q\nwant\n%q", paged, want)
	}
	// a new surname takes its place: Ахметов → Әлімжанов goes after Әбенов
	first := all[3] // Ахметов Әлихан
	first.Surname = "Әлімжанов"
	if err := st.UpdateChild(ctx, &first); err != nil {
		t.Fatal(err)
	}
	ids, err := st.FindChildIDs(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Index(ids, first.ID); got != 6 || ids[5] != all[6].ID {
		t.Fatalf("Әлімжанов at %d, want 6 (after Әбенов)", got)
	}
	// an import that renames a saved child moves it too
	moved := all[len(all)-1] // Яковлев
	moved.Surname = "Аасов"
	if _, err := st.ImportChildren(ctx, []data.Child{moved}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	page, err := st.FindChildPage(ctx, data.ChildFilter{}, data.ChildCursor{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Children) != 1 || page.Children[0].ID != moved.ID || !page.More {
		t.Fatalf("first child %q, want the imported Аасов Олег", fullNames(page.Children))
	}
}

// TestSortKeyIsBytewise holds the engine to comparing the keys byte by
// byte (memcmp), whatever the database's collation: a byte over 0x7f sorts
// after every smaller one, and a shorter prefix first.
func TestSortKeyIsBytewise(t *testing.T) {
	st := mustOpen(t)
	keys := []string{"\x00\x01", "\x00\x01\x00", "\x01", "\x7f", "\x80", "\xc3\xa9", "\xff"}
	query := "SELECT column1 FROM (VALUES " + strings.Join(literals(keys, "(%d, x'%x')"), ", ") + ") ORDER BY column2"
	if datatest.OnServer() {
		query = "SELECT n::text FROM (VALUES " + strings.Join(literals(keys, `(%d, '\x%x'::bytea)`), ", ") +
			") AS v(n, k) ORDER BY k"
	}
	got, err := st.RawStrings(query)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"0", "1", "2", "3", "4", "5", "6"}
	if !slices.Equal(got, want) {
		t.Fatalf("ORDER BY a key: %v, want %v", got, want)
	}
}

// literals writes the keys with their numbers as SQL values, the last first.
func literals(keys []string, format string) []string {
	var out []string
	for i := len(keys) - 1; i >= 0; i-- {
		out = append(out, fmt.Sprintf(format, i, keys[i]))
	}
	return out
}

// TestSortKeysFilledOnMigration takes a database back to schema 0007 (no
// sort_key) and opens it again: migration 0008 and the fill give every
// child its key, in batches, without a new version of any child.
func TestSortKeysFilledOnMigration(t *testing.T) {
	dsn := datatest.DSN(t)
	st, err := data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// more children than one batch of the fill (2 000)
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 2600, Sponsors: 5, Distributions: 10}); err != nil {
		t.Fatal(err)
	}
	before, err := st.FindChildIDs(ctx, data.ChildFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	versions, err := st.RawStrings(`SELECT CAST(sum(version) AS TEXT) FROM children`)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP INDEX IF EXISTS children_sort`, `DROP INDEX IF EXISTS children_search`,
		`DROP INDEX IF EXISTS children_alpha`, `DROP INDEX IF EXISTS children_search_trgm`, // 0010's
		`ALTER TABLE children DROP COLUMN sort_key`,
		`CREATE INDEX children_search ON children(archived, search, surname, name)`, // 0001's
		`DELETE FROM schema_migrations WHERE version IN (8, 10)`} {
		if err := st.RawExec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	st.Close()

	st, err = data.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.RawCount(`SELECT id FROM children WHERE sort_key IS NULL`); err != nil || n != 0 {
		t.Fatalf("%d children without a key (%v)", n, err)
	}
	after, err := st.FindChildIDs(ctx, data.ChildFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 2600 || !slices.Equal(after, before) {
		t.Fatalf("%d children after the fill, want the %d before in the same order", len(after), len(before))
	}
	if got, err := st.RawStrings(`SELECT CAST(sum(version) AS TEXT) FROM children`); err != nil || !slices.Equal(got, versions) {
		t.Fatalf("versions %v after the fill, want %v (%v)", got, versions, err)
	}
}

// TestFindChildPageFilters pages through filtered lists: the pages hold
// every match once, in FindChildren's order, and the count agrees.
func TestFindChildPageFilters(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 500, Sponsors: 10, Distributions: 300})
	ctx := context.Background()
	helped := true
	schools, err := st.FindSchools(ctx)
	if err != nil {
		t.Fatal(err)
	}
	filters := []data.ChildFilter{{}, {Query: "ова"}, {Query: "ОВА"}, {Query: "0"}, {Category: data.CatOrphan},
		{Grade: 3}, {SchoolID: schools[0].ID}, {Helped: &helped, CampaignID: c.ID},
		{Query: "а", Grade: 2, IncludeArchived: true}, {Query: "жоқ-мұндай-бала"}}
	for _, f := range filters {
		all, err := st.FindChildren(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.CountChildren(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var paged []int64
		var after data.ChildCursor
		for {
			page, err := st.FindChildPage(ctx, f, after, 37)
			if err != nil {
				t.Fatal(err)
			}
			for _, ch := range page.Children {
				paged = append(paged, ch.ID)
			}
			if !page.More {
				break
			}
			after = page.Next
		}
		var want []int64
		for _, ch := range all {
			want = append(want, ch.ID)
		}
		if n != len(want) || !slices.Equal(paged, want) {
			t.Fatalf("%+v: %d paged, count %d, want the %d of FindChildren in order", f, len(paged), n, len(want))
		}
		if f.Query == "ова" && (n < 37 || n > 450) {
			t.Fatalf("%+v: %d matches, a broad query should give more than a page", f, n)
		}
		// a jump: the zero cursor with an offset starts where the pages did
		if len(want) > 40 {
			f.Offset = 40
			page, err := st.FindChildPage(ctx, f, data.ChildCursor{}, 5)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, ch := range page.Children {
				got = append(got, ch.ID)
			}
			if !slices.Equal(got, want[40:45]) || page.More != (len(want) > 45) {
				t.Fatalf("%+v: offset 40 gives %v (more %v), want %v", f, got, page.More, want[40:45])
			}
			// a jump past the list's end: an empty page
			f.Offset = len(want) + 3
			if page, err := st.FindChildPage(ctx, f, data.ChildCursor{}, 5); err != nil || len(page.Children) != 0 || page.More {
				t.Fatalf("%+v: past the end %d children (more %v, %v), want none", f, len(page.Children), page.More, err)
			}
		}
	}
}

// TestSortKeyFilledByClerk: a child a script added without its key (the
// admin's psql) gets it when a clerk opens the office, with the triggers
// on (the clerk may not turn them off) and the clerk's open still works.
func TestSortKeyFilledByClerk(t *testing.T) {
	if !datatest.OnServer() {
		t.Skip("the server's owner and clerks")
	}
	admin := mustOpen(t)
	ctx := context.Background()
	want := mustKazakhChildren(t, admin, mustSchool(t, admin, 7).ID)
	if err := admin.RawExec(`UPDATE children SET sort_key = NULL WHERE surname = 'Әбенов'`); err != nil {
		t.Fatal(err)
	}
	clerk := mustUser(t, admin, data.RoleClerk)
	all, err := clerk.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fullNames(all); !slices.Equal(got, want) {
		t.Fatalf("after the clerk's open:\n%q\nwant\n%q", got, want)
	}
}
