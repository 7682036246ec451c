package data_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// TestChildSearchDigits: a search for six digits or more, which SQLite
// narrows through the IIN's index and 0016's children_digits, finds the
// same children as any search — the IINs that hold them and a name that
// does — in the alphabet's order, page by page, with the same count.
func TestChildSearchDigits(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	school := mustSchool(t, st, 7)
	serial := 100
	add := func(surname, name string, birth time.Time, archived bool) data.Child {
		t.Helper()
		var iin data.IIN
		for ok := false; !ok; serial++ {
			iin, ok = data.MakeIIN(birth, data.Male, serial)
		}
		c := data.Child{IIN: iin, Surname: surname, Name: name, SchoolID: school.ID, Grade: 3, Archived: archived}
		if err := st.CreateChild(ctx, &c); err != nil {
			t.Fatalf("%s %s: %v", surname, name, err)
		}
		return c
	}
	march4, may6 := data.Date(2012, 3, 4), data.Date(2013, 5, 6) // IINs 120304…, 130506…
	for i := range 40 {
		add(fmt.Sprintf("Аа%05d", i), "Бота", may6, false) // first in the alphabet, none found
	}
	add("Ыбыраев", "Нұрлан", march4, false)
	add("Әлімова", "Ая", march4, false)
	add("Ахметов", "Болат", march4, true)
	add("Бекова", "Сара120304", may6, false) // digits in a name: only control characters are refused
	one := add("Серікова", "Әсел", march4, false)

	all := "Әлімова Ая, Бекова Сара120304, Серікова Әсел, Ыбыраев Нұрлан" // the Kazakh alphabet: А Ә Б … С … Ы
	for _, tc := range []struct {
		name string
		f    data.ChildFilter
		want string
	}{
		{"six digits", data.ChildFilter{Query: "120304"}, all},
		{"five digits, the walk", data.ChildFilter{Query: "20304"}, all},
		{"with the archived", data.ChildFilter{Query: " 120304 ", IncludeArchived: true}, "Ахметов Болат, " + all},
		{"a whole IIN", data.ChildFilter{Query: string(one.IIN)}, "Серікова Әсел"},
		{"no one", data.ChildFilter{Query: "999999"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var names []string
			after := data.ChildCursor{}
			for pages := 0; ; pages++ {
				page, err := st.FindChildPage(ctx, tc.f, after, 2)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range page.Children {
					names = append(names, c.Surname+" "+c.Name)
				}
				if !page.More || pages > 5 {
					break
				}
				after = page.Next
			}
			if got := strings.Join(names, ", "); got != tc.want {
				t.Fatalf("pages of 2: %q, want %q", got, tc.want)
			}
			want := 0
			if tc.want != "" {
				want = strings.Count(tc.want, ", ") + 1
			}
			if n, err := st.CountChildren(ctx, tc.f); err != nil || n != want {
				t.Fatalf("count %d (%v), want %d", n, err, want)
			}
		})
	}
}
