package exchange_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// The sponsors' list carries the name in Russian both ways: an import
// reads it under a kk or a ru header (and fills it in on a saved sponsor),
// an export writes it, and the export reads back into another office.
func TestSponsorsRussianNameRoundTrip(t *testing.T) {
	st := mustOpen(t)
	bin, _ := data.MakeBIN(data.Date(2005, 3, 1), '4', 123)
	bin2, _ := data.MakeBIN(data.Date(2011, 5, 1), '4', 77)
	kazyna := &data.Sponsor{Kind: data.SponsorLegal, Name: "«Қазына» ЖШС", BIN: string(bin)}
	if err := st.CreateSponsor(ctx, kazyna); err != nil {
		t.Fatal(err)
	}
	const union, unionRU = "Қарағанды облысының кәсіподақтар орталығы", "Центр профсоюзов Карагандинской области"
	dir := t.TempDir()
	kk := filepath.Join(dir, "kk.xlsx")
	writeXLSX(t, kk, [][]any{
		{"Атауы", "Атауы (орыс.)", "БСН/ЖСН", "Түрі"},
		{"«Қазына» ЖШС", "ТОО «Казына»", string(bin), "Заңды тұлға"}, // saved without: updated
		{union, unionRU, string(bin2), "Қоғамдық бірлестік"},
	}, nil)
	ru := filepath.Join(dir, "ru.xlsx")
	writeXLSX(t, ru, [][]any{
		{"Наименование", "Наименование на русском языке"},
		{"Әлімжанов Бекзат", ""}, // a person: no Russian name
		{"«Шахтёр» футбол клубы", "Футбольный клуб «Шахтёр»"},
	}, nil)
	for _, path := range []string{kk, ru} {
		plan := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors, Lang: "kk"})
		if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]string{"«Қазына» ЖШС": "ТОО «Казына»", union: unionRU, "Әлімжанов Бекзат": "",
		"«Шахтёр» футбол клубы": "Футбольный клуб «Шахтёр»"}
	checkNamesRU(t, st, want)

	// the export, in the Kazakh alphabet (Ә after А, Қ after К; «Қаз»
	// before «Қар»; the legal form and the quotes not counted),
	// read back into an empty office
	table, err := exchange.SponsorsTable(ctx, st, data.SponsorFilter{}, "kk")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range table.Rows {
		names = append(names, r[0].(string))
	}
	if order := []string{"Әлімжанов Бекзат", "«Қазына» ЖШС", union, "«Шахтёр» футбол клубы"}; !slices.Equal(names, order) {
		t.Fatalf("exported %q, want %q", names, order)
	}
	out := filepath.Join(dir, "export.xlsx")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := table.Write(f, exchange.XLSX); err != nil {
		t.Fatal(err)
	}
	f.Close()
	other := mustOpen(t)
	plan := importFile(t, other, out, exchange.Options{Kind: exchange.Sponsors, Lang: "kk"})
	if _, err := exchange.Commit(ctx, other, plan, nil); err != nil {
		t.Fatal(err)
	}
	checkNamesRU(t, other, want)
}

func checkNamesRU(t *testing.T, st *data.Store, want map[string]string) {
	t.Helper()
	rows, err := st.FindSponsors(ctx, data.SponsorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Fatalf("%d sponsors, want %d", len(rows), len(want))
	}
	for _, r := range rows {
		if ru, ok := want[r.Name]; !ok || r.NameRU != ru {
			t.Errorf("%s: name in Russian %q, want %q", r.Name, r.NameRU, ru)
		}
	}
}

// The children's export is alphabetical by surname, then name, in the
// Kazakh alphabet (written by hand): Ә after А, Қ after К, І after Ы.
func TestChildrenExportInKazakhAlphabet(t *testing.T) {
	st := mustOpen(t)
	in := [][2]string{{"Іргебаев", "Нұрлан"}, {"Шахтёров", "Ерлан"}, {"Ахметов", "Қанат"}, {"Қазына", "Ұлан"},
		{"Әлімжанов", "Бекзат"}, {"Ахметов", "Әлихан"}}
	for i, n := range in {
		c := &data.Child{IIN: data.IIN(iin(t, 20+i)), Surname: n[0], Name: n[1], Address: "Бұқар жырау к-сі, 1",
			BirthDate: data.Date(2010, 1, 1), Categories: []data.ChildCategory{{Code: data.CatOrphan, DocNumber: "17"}}}
		if err := st.CreateChild(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	table, err := exchange.ChildrenTable(ctx, st, data.ChildFilter{}, "kk")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range table.Rows {
		got = append(got, r[1].(string)+" "+r[2].(string))
	}
	want := []string{"Ахметов Әлихан", "Ахметов Қанат", "Әлімжанов Бекзат", "Қазына Ұлан", "Шахтёров Ерлан", "Іргебаев Нұрлан"}
	if !slices.Equal(got, want) {
		t.Fatalf("exported %q, want %q", got, want)
	}
}
