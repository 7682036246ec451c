package data_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestChildPicksFirstMatches: a picker gets the first n matches in the
// Children screen's alphabet, by a part of the name in any case or of the IIN,
// never an archived child.
func TestChildPicksFirstMatches(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	school := mustSchool(t, st, 12)
	add := childAdder(t, st, school.ID)
	add("Ахметова", "Дана", false)
	add("Бекова", "Әсел", false)
	boy := add("Ахметов", "Болат", false)
	add("Ахметов", "Арман", true)
	add("Ахметов", "Айдос", false)
	add("Шәкімов", "Ерлан", false)
	add("Әлімова", "Ая", false)
	for _, tc := range []struct {
		name, q string
		n       int
		want    string
	}{
		{"first of three", "ахмет", 1, "Ахметов Айдос"},
		{"all three in order", "АХМЕТ", 10, "Ахметов Айдос, Ахметов Болат, Ахметова Дана"},
		{"two", "Ахмет", 2, "Ахметов Айдос, Ахметов Болат"},
		{"by name", "әсел", 5, "Бекова Әсел"},
		{"by IIN", string(boy.IIN), 5, "Ахметов Болат"},
		{"none", "Серікбаев", 5, ""},
		{"in the Kazakh alphabet (Ә after А, not after Я)", "імов", 5, "Әлімова Ая, Шәкімов Ерлан"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.FindChildPicks(ctx, tc.q, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range got {
				names = append(names, c.Surname+" "+c.Name)
			}
			if g := strings.Join(names, ", "); g != tc.want {
				t.Fatalf("picks for %q (%d) = %q, want %q", tc.q, tc.n, g, tc.want)
			}
		})
	}
}

// childAdder saves children of one school, born the same day, each with
// the next valid IIN, in the third grade.
func childAdder(t *testing.T, st *data.Store, schoolID int64) func(surname, name string, archived bool) data.Child {
	serial := 100
	return func(surname, name string, archived bool) data.Child {
		t.Helper()
		var iin data.IIN
		for ok := false; !ok; serial++ {
			iin, ok = data.MakeIIN(data.Date(2012, 3, 4), data.Male, serial)
		}
		c := data.Child{IIN: iin, Surname: surname, Name: name, SchoolID: schoolID, Grade: 3, GradeLetter: "а", Archived: archived}
		if err := st.CreateChild(context.Background(), &c); err != nil {
			t.Fatalf("%s %s: %v", surname, name, err)
		}
		return c
	}
}
