package ui

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// kazakhOrder is the sponsors' order written by hand from the Kazakh
// alphabet (а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х
// һ ц ч ш щ ъ ы і ь э ю я), each filed under its own name, not its legal
// form or quotes. Code-point order would put Қ after Ш and Ә, І last.
var kazakhOrder = []string{"ЖК Ахметов", "Әлімжанов Бекзат", "«Қазына» ЖШС", "«Шахтёр» ЖШС", "Іргебаев Нұрлан"}

func addKazakhSponsors(t *testing.T, st *data.Store) {
	t.Helper()
	for i, n := range []int{3, 1, 4, 0, 2} { // neither the alphabet's nor the code points' order
		sp := data.Sponsor{Name: kazakhOrder[n], Kind: data.SponsorIndividual}
		switch {
		case strings.HasPrefix(sp.Name, "ЖК"):
			sp.Kind = data.SponsorIE
		case strings.HasSuffix(sp.Name, "ЖШС"):
			sp.Kind = data.SponsorLegal
		}
		if sp.Kind != data.SponsorIndividual {
			sp.BIN = mustValidBIN(t, 900+10*i)
		}
		if err := st.CreateSponsor(context.Background(), &sp); err != nil {
			t.Fatalf("create %s: %v", sp.Name, err)
		}
	}
}

// ours keeps the names of kazakhOrder in the order they come.
func ours(names []string) []string {
	var out []string
	for _, n := range names {
		if slices.Contains(kazakhOrder, n) {
			out = append(out, n)
		}
	}
	return out
}

func TestSponsorsInKazakhAlphabet(t *testing.T) {
	u, st := newTestUI(t)
	addKazakhSponsors(t, st)
	u.show(scrSponsors, nil)
	s := u.screens[scrSponsors].(*sponsorsScreen)
	s.refresh()
	var listed []string
	for _, r := range s.rows {
		listed = append(listed, r.Name)
	}
	if got := ours(listed); !slices.Equal(got, kazakhOrder) {
		t.Fatalf("sponsors list %q, want %q", got, kazakhOrder)
	}

	s.sortRows(0, false) // the name column tapped twice: the alphabet backwards
	listed = listed[:0]
	for _, r := range s.rows {
		listed = append(listed, r.Name)
	}
	back := slices.Clone(kazakhOrder)
	slices.Reverse(back)
	if got := ours(listed); !slices.Equal(got, back) {
		t.Fatalf("sponsors list backwards %q, want %q", got, back)
	}

	path := filepath.Join(t.TempDir(), "sponsors.csv")
	u.exportTo(path, "sponsors", s.exportTable())
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, rec := range recs[1:] {
		exported = append(exported, strings.TrimPrefix(rec[0], "\ufeff"))
	}
	if got := ours(exported); !slices.Equal(got, kazakhOrder) {
		t.Fatalf("sponsors export %q, want %q", got, kazakhOrder)
	}
}

func TestDonationFormSponsorsInKazakhAlphabet(t *testing.T) {
	u, st := newTestUI(t)
	addKazakhSponsors(t, st)
	u.show(scrDonations, nil)
	s := u.screens[scrDonations].(*donationsScreen)
	s.refresh()
	var names []string
	for _, label := range s.form.sponsorNames {
		name, _, _ := strings.Cut(label, " · ")
		names = append(names, name)
	}
	if got := ours(names); !slices.Equal(got, kazakhOrder) {
		t.Fatalf("the donation form offers %q, want %q", got, kazakhOrder)
	}
}

// The item pickers of the donation and the give forms list the catalogue
// by name in the alphabet of the clerk's language.
func TestItemPickersInAlphabet(t *testing.T) {
	u, st := newTestUI(t)
	for i, n := range []string{"Қысқы етік", "Әліппе", "Іш киім", "Шалбар", "Аяқ киім"} {
		it := data.AidItem{Code: "T" + strconv.Itoa(i), NameKK: n, NameRU: n, UnitKK: "дана", UnitRU: "шт."}
		if err := st.CreateAidItem(context.Background(), &it); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
	for _, code := range []string{"kk", "ru"} {
		setLanguage(code)
		u.show(scrDonations, nil)
		d := u.screens[scrDonations].(*donationsScreen)
		d.refresh()
		u.show(scrDistributions, nil)
		g := u.screens[scrDistributions].(*distributionsScreen).give
		g.refresh()
		for form, c := range map[string]struct {
			ch   choice
			name func(string) string
		}{
			"donation": {d.form.itemChoice, func(id string) string { return itemName(t, st, id) }},
			"give":     {g.itemChoice, func(id string) string { return g.stockLine(id).Item.Name(code) }},
		} {
			var names []string
			for _, id := range c.ch.codes {
				names = append(names, c.name(id))
			}
			if len(names) < 5 || !lingo.IsSorted(code, names) {
				t.Errorf("%s, %s form: items %q", code, form, names)
			}
		}
	}
}

func itemName(t *testing.T, st *data.Store, id string) string {
	t.Helper()
	items, err := st.FindAidItems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if strconv.FormatInt(it.ID, 10) == id {
			return it.Name(language())
		}
	}
	t.Fatalf("no item %s", id)
	return ""
}
