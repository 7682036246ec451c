package data_test

import (
	"context"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// TestUnitForms checks that the catalogue's own units carry their Russian
// forms after 2 and after 5 (written here from the grammar) and that a
// clerk's unit keeps the forms typed for it.
func TestUnitForms(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{"school_uniform": {"комплекта", "комплектов"}, "stationery": {"набора", "наборов"},
		"shoes": {"пары", "пар"}, "backpack": {"шт.", "шт."}}
	for _, a := range items {
		if w, ok := want[a.Code]; ok && (a.UnitRUFew != w[0] || a.UnitRUMany != w[1]) {
			t.Errorf("%s: forms %q, %q, want %q, %q", a.Code, a.UnitRUFew, a.UnitRUMany, w[0], w[1])
		}
	}
	a := data.AidItem{Code: "socks", NameKK: "Шұлық", NameRU: "Носки", UnitKK: "жұп", UnitRU: "пара",
		UnitRUFew: " пары ", UnitRUMany: "пар"}
	if err := st.CreateAidItem(ctx, &a); err != nil {
		t.Fatal(err)
	}
	a.UnitRU, a.UnitRUFew, a.UnitRUMany = "упаковка", "упаковки", "упаковок"
	if err := st.UpdateAidItem(ctx, &a); err != nil {
		t.Fatal(err)
	}
	items, _ = st.FindAidItems(ctx)
	got := items[len(items)-1]
	if got.Code != "socks" || got.UnitRUFew != "упаковки" || got.UnitRUMany != "упаковок" {
		t.Fatalf("saved item = %+v, want the forms упаковки, упаковок", got)
	}
}
