package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

func mustSchool(tb testing.TB, st *data.Store, number int) data.School {
	tb.Helper()
	sc := data.School{Number: number, NameKK: "мектеп", Type: data.SchoolGeneral}
	if err := st.CreateSchool(context.Background(), &sc); err != nil {
		tb.Fatal(err)
	}
	return sc
}

func newChild(iin string, schoolID int64) data.Child {
	return data.Child{IIN: data.IIN(iin), Surname: "  әБЕНОВА ", Name: "дана", SchoolID: schoolID, Grade: 5,
		GradeLetter: "а", Categories: []data.ChildCategory{{Code: data.CatOrphan, DocNumber: "12"}, {Code: data.CatLowIncome}}}
}

func TestCreateChild(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	sc := mustSchool(t, st, 7)
	c := newChild("61211600012", sc.ID) // lost its leading zero in a spreadsheet
	if err := st.CreateChild(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindChildByIIN(ctx, "061211600012")
	if err != nil {
		t.Fatal(err)
	}
	if got.Surname != "Әбенова" || got.Name != "Дана" || got.GradeLetter != "А" {
		t.Fatalf("names not normalised: %q %q %q", got.Surname, got.Name, got.GradeLetter)
	}
	if !got.BirthDate.Equal(data.Date(2006, 12, 11)) || got.Sex != data.Female {
		t.Fatalf("birth date and sex not proposed from the IIN: %v %q", got.BirthDate, got.Sex)
	}
	if len(got.Categories) != 2 || got.Categories[0].Code != data.CatLowIncome || got.Categories[1].DocNumber != "12" {
		t.Fatalf("categories=%+v, want low_income then orphan with its document", got.Categories)
	}
}

func TestChildRules(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	tests := []struct {
		name, field, key string
		edit             func(c *data.Child)
	}{
		{"bad checksum", "iin", data.KeyChecksum, func(c *data.Child) { c.IIN = "061211600013" }},
		{"no surname", "surname", "err.required", func(c *data.Child) { c.Surname = "  " }},
		{"grade 12", "grade", "err.child.grade", func(c *data.Child) { c.Grade = 12 }},
		{"unknown category", "categories", "err.child.category", func(c *data.Child) {
			c.Categories = []data.ChildCategory{{Code: "rich"}}
		}},
		{"category twice", "categories", "err.child.category_twice", func(c *data.Child) {
			c.Categories = []data.ChildCategory{{Code: data.CatOrphan}, {Code: data.CatOrphan}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChild("061211600012", 0)
			tt.edit(&c)
			err := st.CreateChild(ctx, &c)
			var ve *data.ValidationError
			if !errors.As(err, &ve) || ve.Field != tt.field || ve.Key != tt.key {
				t.Fatalf("err=%v, want %s on field %s", err, tt.key, tt.field)
			}
		})
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{IncludeArchived: true}); n != 0 {
		t.Fatalf("%d children saved from bad input", n)
	}
}

func TestChildDuplicateIIN(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	a, b := newChild("061211600012", 0), newChild("061211600012", 0)
	if err := st.CreateChild(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateChild(ctx, &b); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("second child with the same IIN: err=%v, want ErrConflict", err)
	}
}

func TestChildWarnings(t *testing.T) {
	today := data.Date(2019, 9, 1)
	c := newChild("061211600012", 0)
	c.BirthDate, c.Sex = data.Date(2006, 12, 11), data.Female
	if w := c.Warnings(today); len(w) != 0 {
		t.Fatalf("matching child has warnings %v", w)
	}
	c.BirthDate, c.Sex = data.Date(2007, 1, 2), data.Male
	keys := map[string]bool{}
	for _, w := range c.Warnings(today) {
		keys[w.Key] = true
	}
	if !keys["warn.iin.birth_date"] || !keys["warn.iin.sex"] {
		t.Fatalf("mismatch with IIN not warned: %v", keys)
	}
	c.BirthDate = data.Date(1990, 1, 1)
	keys = map[string]bool{}
	for _, w := range c.Warnings(today) {
		keys[w.Key] = true
	}
	if !keys["warn.child.age"] {
		t.Fatalf("adult not warned as outside school age: %v", keys)
	}
	// a mismatch is a warning, never a rejection
	st := mustOpen(t)
	if err := st.CreateChild(context.Background(), &c); err != nil {
		t.Fatalf("child whose birth date differs from the IIN rejected: %v", err)
	}
}

func TestUpdateChildReplacesCategories(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	c := newChild("061211600012", 0)
	if err := st.CreateChild(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Categories = []data.ChildCategory{{Code: data.CatLargeFamily, DocValidUntil: data.Date(2019, 6, 1)}}
	c.Notes = "көшті"
	if err := st.UpdateChild(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, _ := st.FindChildByID(ctx, c.ID)
	if len(got.Categories) != 1 || got.Categories[0].Code != data.CatLargeFamily || got.Notes != "көшті" {
		t.Fatalf("after update: %+v", got)
	}
	expired, err := st.FindExpiredProofs(ctx, data.Date(2019, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(expired) != 1 || expired[0].ChildID != c.ID {
		t.Fatalf("expired proofs=%+v, want the large-family document", expired)
	}
}

func TestFindChildren(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 400, Sponsors: 20, Distributions: 600})
	ctx := context.Background()
	all, err := st.FindChildren(ctx, data.ChildFilter{})
	if err != nil {
		t.Fatal(err)
	}
	probe := all[len(all)/2]
	tests := []struct {
		name   string
		f      data.ChildFilter
		accept func(data.Child) bool
	}{
		{"by surname any case", data.ChildFilter{Query: strings.ToUpper(string([]rune(probe.Surname)[:4]))},
			func(x data.Child) bool { return strings.Contains(x.FullName(), string([]rune(probe.Surname)[1:4])) }},
		{"by IIN part", data.ChildFilter{Query: string(probe.IIN[2:10])},
			func(x data.Child) bool { return strings.Contains(string(x.IIN), string(probe.IIN[2:10])) }},
		{"by school", data.ChildFilter{SchoolID: probe.SchoolID}, func(x data.Child) bool { return x.SchoolID == probe.SchoolID }},
		{"by grade", data.ChildFilter{Grade: probe.Grade}, func(x data.Child) bool { return x.Grade == probe.Grade }},
		{"by category", data.ChildFilter{Category: data.CatOrphan}, func(x data.Child) bool { return x.HasCategory(data.CatOrphan) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.FindChildren(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			n, err := st.CountChildren(ctx, tt.f)
			if err != nil || n != len(got) || n == 0 || n == len(all) {
				t.Fatalf("found %d, counted %d (%v) of %d", len(got), n, err, len(all))
			}
			for _, x := range got {
				if !tt.accept(x) {
					t.Fatalf("child %+v does not match %+v", x, tt.f)
				}
			}
		})
	}
	yes, no := true, false
	helped, _ := st.CountChildren(ctx, data.ChildFilter{Helped: &yes, CampaignID: c.ID})
	notHelped, _ := st.CountChildren(ctx, data.ChildFilter{Helped: &no, CampaignID: c.ID})
	sum, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if helped != sum.ChildrenHelped || helped+notHelped != len(all) {
		t.Fatalf("helped=%d not helped=%d of %d; summary says %d helped", helped, notHelped, len(all), sum.ChildrenHelped)
	}
}
