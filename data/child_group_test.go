package data_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// TestFindGroupLeavesOutThoseWhoGotIt picks a school's fifth grade for a
// backpack: in the Kazakh alphabet's order, without the child who got a
// backpack in this campaign, with the one who got something else or got a
// backpack in another campaign, never another school's, another grade's or
// an archived child; cut at n with «more».
func TestFindGroupLeavesOutThoseWhoGotIt(t *testing.T) {
	st, c, first, backpack := stockFixture(t) // first: «Әбенова Дана», school 7, grade 5
	ctx := context.Background()
	school := first.SchoolID
	other := mustSchool(t, st, 8)
	serial := 100
	add := func(surname string, schoolID int64, grade int, archived bool, cats ...data.ChildCategory) data.Child {
		t.Helper()
		var iin data.IIN
		for ok := false; !ok; serial++ {
			iin, ok = data.MakeIIN(time.Date(2012, 3, 4, 0, 0, 0, 0, time.UTC), data.Female, serial)
		}
		ch := data.Child{IIN: iin, Surname: surname, Name: "Айгүл", SchoolID: schoolID, Grade: grade, Archived: archived, Categories: cats}
		if err := st.CreateChild(ctx, &ch); err != nil {
			t.Fatalf("%s: %v", surname, err)
		}
		return ch
	}
	serikova := add("Серікова", school, 5, false, data.ChildCategory{Code: data.CatOrphan, DocNumber: "7"})
	add("Ахметова", school, 5, false)
	bekova := add("Бекова", school, 5, false)
	add("Ыбыраева", school, 5, false)
	add("Әлиева", school, 6, false)                                                // another grade
	add("Абаева", other.ID, 5, false, data.ChildCategory{Code: data.CatLowIncome}) // another school
	add("Аманова", school, 5, true)                                                // archived
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var other2 data.AidItem // any item but the backpack
	for _, it := range items {
		if it.ID != backpack.ID {
			other2 = it
		}
	}
	got := give(c, first, backpack, 1)
	something := give(c, bekova, other2, 1)
	if err := st.CreateDistributions(ctx, []data.Distribution{got, something}, true); err != nil {
		t.Fatal(err)
	}
	later := data.Campaign{Year: 2020, NameKK: "Мектепке жол – 2020", StartsOn: data.Date(2020, 7, 1), EndsOn: data.Date(2020, 9, 30)}
	if err := st.CreateCampaign(ctx, &later); err != nil {
		t.Fatal(err)
	}
	before := give(later, serikova, backpack, 1) // in the other campaign: no reason to leave her out
	before.GivenOn = data.Date(2020, 8, 1)
	if err := st.CreateDistributions(ctx, []data.Distribution{before}, true); err != nil {
		t.Fatal(err)
	}
	g := data.GroupFilter{Children: data.ChildFilter{SchoolID: school, Grade: 5}, CampaignID: c.ID, ItemID: backpack.ID}
	for _, tc := range []struct {
		name string
		g    data.GroupFilter
		n    int
		want string
		more bool
	}{
		// А, Ә, Б, … С, … Ы: the Kazakh alphabet, written out by hand
		{"without those who got it", g, 10, "Ахметова Бекова Серікова Ыбыраева", false},
		{"cut at n", g, 2, "Ахметова Бекова", true},
		{"exactly n", g, 4, "Ахметова Бекова Серікова Ыбыраева", false},
		{"everyone", data.GroupFilter{Children: g.Children}, 10, "Ахметова Әбенова Бекова Серікова Ыбыраева", false},
		// the orphans: Әбенова (newChild; she got the backpack) and Серікова
		{"a category across the file", data.GroupFilter{Children: data.ChildFilter{Category: data.CatOrphan}}, 10, "Әбенова Серікова", false},
		{"a category, without those who got it", data.GroupFilter{Children: data.ChildFilter{Category: data.CatOrphan},
			CampaignID: c.ID, ItemID: backpack.ID}, 10, "Серікова", false},
		// low income: Әбенова (grade 5, school 7) and Абаева (grade 5, school 8)
		{"a category of a grade across schools", data.GroupFilter{Children: data.ChildFilter{Category: data.CatLowIncome, Grade: 5}}, 10, "Абаева Әбенова", false},
		{"a category of another grade", data.GroupFilter{Children: data.ChildFilter{Category: data.CatLowIncome, Grade: 6}}, 10, "", false},
		{"a category at a school", data.GroupFilter{Children: data.ChildFilter{Category: data.CatLowIncome, SchoolID: school}}, 10, "Әбенова", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kids, more, err := st.FindGroup(ctx, tc.g, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, k := range kids {
				names = append(names, k.Surname)
			}
			if got := strings.Join(names, " "); got != tc.want || more != tc.more {
				t.Fatalf("got %q (more %v), want %q (more %v)", got, more, tc.want, tc.more)
			}
		})
	}
}
