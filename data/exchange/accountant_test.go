package exchange_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/exchange"
)

// mustCampaign opens an empty database with the 2019 campaign (1 July –
// 30 September), so its summary holds only what a list brings.
func mustCampaign(tb testing.TB) (*data.Store, data.Campaign) {
	tb.Helper()
	st := mustOpen(tb)
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол 2019", NameRU: "Дорога в школу 2019",
		StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30), Status: "active"}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		tb.Fatal(err)
	}
	return st, c
}

func bin(tb testing.TB, year, serial int) string {
	tb.Helper()
	for ; ; serial++ {
		if b, ok := data.MakeBIN(data.Date(year, 3, 1), '4', serial); ok {
			return string(b)
		}
	}
}

// listTotals are a list's figures, counted by hand from the fixture.
type listTotals struct {
	rows, imported, duplicates, rejected int
	donations, sponsors                  int
	money, units, value                  int64
	byItem                               map[string]int64 // catalogue code → units
}

// checkImport previews and commits a list, checks the preview's and the
// summary's figures against the hand-counted ones, and that importing the
// list again changes nothing.
func checkImport(t *testing.T, st *data.Store, c data.Campaign, path string, want listTotals) exchange.Summary {
	t.Helper()
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors, Lang: "ru"})
	s := plan.Summary()
	if s.Rows != want.rows || s.Imported != want.imported || s.Duplicates != want.duplicates || s.Rejected != want.rejected {
		t.Fatalf("preview rows=%d imported=%d duplicates=%d rejected=%d, want %d %d %d %d\n%+v",
			s.Rows, s.Imported, s.Duplicates, s.Rejected, want.rows, want.imported, want.duplicates, want.rejected, s.Problems)
	}
	if s.DonationsAdded != want.donations || s.MoneyTengeAdded != want.money || s.InKindAdded != want.units {
		t.Fatalf("preview adds %d donations, %d ₸, %d units; want %d, %d, %d",
			s.DonationsAdded, s.MoneyTengeAdded, s.InKindAdded, want.donations, want.money, want.units)
	}
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	sum, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Donations != want.donations || sum.Sponsors != want.sponsors || sum.MoneyTenge != want.money ||
		sum.InKindItems != want.units || sum.InKindValueTenge != want.value {
		t.Fatalf("summary: %d donations of %d sponsors, %d ₸, %d units worth %d ₸; want %d, %d, %d, %d, %d",
			sum.Donations, sum.Sponsors, sum.MoneyTenge, sum.InKindItems, sum.InKindValueTenge,
			want.donations, want.sponsors, want.money, want.units, want.value)
	}
	if got := unitsByItem(t, st, c); !equalCounts(got, want.byItem) {
		t.Fatalf("units by item %v, want %v", got, want.byItem)
	}
	before := datatest.Dump(t, st, "schema_migrations")
	again := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors})
	if s := again.Summary(); s.Imported+s.Updated != 0 || s.DonationsAdded != 0 {
		t.Fatalf("re-import %+v", s)
	}
	if _, err := exchange.Commit(ctx, st, again, nil); err != nil {
		t.Fatal(err)
	}
	if after := datatest.Dump(t, st, "schema_migrations"); after != before {
		t.Fatalf("importing the list again changed the database:\n%s", dumpDiff(before, after))
	}
	return s
}

func unitsByItem(t *testing.T, st *data.Store, c data.Campaign) map[string]int64 {
	t.Helper()
	items, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	code := map[int64]string{}
	for _, it := range items {
		code[it.ID] = it.Code
	}
	ds, err := st.FindDonations(ctx, data.DonationFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, d := range ds {
		for _, it := range d.Items {
			out[code[it.ItemID]] += it.Quantity
		}
	}
	return out
}

func equalCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A Kazakh list: a title row, «Демеуші» and «Көмек» merged over their
// sub-headers, the date merged down two rows; money, gifts and their value.
func TestImportAccountantKazakhXLSX(t *testing.T) {
	st, c := mustCampaign(t)
	komir, nur, altyn := bin(t, 2005, 11), bin(t, 2010, 22), bin(t, 2012, 33)
	path := filepath.Join(t.TempDir(), "демеушілер.xlsx")
	writeXLSX(t, path, [][]any{
		{"«Мектепке жол» акциясы, 2019 ж. демеушілер тізімі"},
		{"№", "Демеуші", nil, "Көмек", nil, nil, "Берілген күні"},
		{nil, "Атауы", "БСН/ЖСН", "Сомасы, тг", "Заттай көмек (атауы, саны)", "Заттай көмектің құны, ₸"},
		{1, "«Қарағанды Көмір» ЖШС", komir, "1 500 000.00 ₸", nil, nil, "15.08.2019"},
		{2, "Ахметов Серік", nil, "100 000", nil, nil, excelSerial(data.Date(2019, 7, 10))},
		{3, "Ахметов Серік", nil, "100 000", nil, nil, "20.08.2019"}, // the same sponsor another day
		{4, "Жұмабаева Гүлнар", nil, nil, "рюкзак 25 дана", "125 000", "01.08.2019"},
		{5, "«Нұр» ЖШС", nur, "15 000 тг", "аяқ киім 20 жұп", "200 000", "05.08.2019"},
		{6, "«Нұр» ЖШС", nur, "15 000 тг", "аяқ киім 20 жұп", "200 000", "05.08.2019"}, // a copy of row 8
		{7, "Сейітов Бауыржан", nil, nil, "мектеп формасы 15 жиынтық; рюкзак 10", nil, "12.09.2019"},
		{8, "«Алтын» ЖШС", altyn, "30 000,00", nil, nil, "02.09.2019"},
		{9, "Омарова Әсел", nil, nil, "азық-түлік себеті 20 дана", nil, "03.09.2019"}, // not in the catalogue
		{nil, "Барлығы", nil, "1 760 000"},
	}, func(f *excelize.File, sh string) {
		for _, r := range [][2]string{{"A1", "G1"}, {"A2", "A3"}, {"B2", "C2"}, {"D2", "F2"}, {"G2", "G3"}} {
			if err := f.MergeCell(sh, r[0], r[1]); err != nil {
				t.Fatal(err)
			}
		}
	})
	s := checkImport(t, st, c, path, listTotals{rows: 9, imported: 7, duplicates: 1, rejected: 1,
		donations: 7, sponsors: 6, money: 1500000 + 100000 + 100000 + 15000 + 30000,
		units: 25 + 20 + 15 + 10, value: 125000 + 200000,
		byItem: map[string]int64{"backpack": 35, "shoes": 20, "school_uniform": 15}})
	var unknown *exchange.Problem
	for i, p := range s.Problems {
		if p.Row == 12 {
			unknown = &s.Problems[i]
		}
	}
	if unknown == nil || !strings.HasPrefix(unknown.Column, "E") || !strings.Contains(unknown.Message, "азық-түлік себеті") ||
		!strings.Contains(unknown.Message, "--add-items") {
		t.Fatalf("row 12: %+v", unknown)
	}
	want := map[string]string{"A": "", "B": "name", "C": "bin", "D": "amount", "E": "in_kind", "F": "in_kind_value", "G": "date"}
	for _, col := range s.Columns {
		got := ""
		if col.Field != nil {
			got = *col.Field
		}
		if got != want[col.Column] {
			t.Fatalf("column %s («%s») read as %q, want %q", col.Column, col.Header, got, want[col.Column])
		}
	}

	// With --add-items the food basket joins the catalogue and its row comes in.
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors, AddItems: true})
	if s := plan.Summary(); s.DonationsAdded != 1 || s.InKindAdded != 20 || s.ItemsAdded != 1 || s.Rejected != 0 {
		t.Fatalf("with new items: %+v", s)
	}
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	if sum, _ := st.Summary(ctx, c.ID); sum.InKindItems != 70+20 || sum.Donations != 8 {
		t.Fatalf("after adding the item: %d units, %d donations", sum.InKindItems, sum.Donations)
	}
	before := datatest.Dump(t, st, "schema_migrations")
	again := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors, AddItems: true})
	exchange.Commit(ctx, st, again, nil)
	if s := again.Summary(); s.ItemsAdded != 0 || s.DonationsAdded != 0 || datatest.Dump(t, st, "schema_migrations") != before {
		t.Fatalf("a third import changed something: %+v", s)
	}
}

// A Russian list with money and gifts in one row: the same sponsor on
// another day, or on the same day with other goods, gave again.
func TestImportAccountantRussianXLSX(t *testing.T) {
	st, c := mustCampaign(t)
	saryarka, shubarkol := bin(t, 2007, 44), bin(t, 2001, 55)
	kim, _ := data.MakeIIN(data.Date(1980, 5, 17), data.Male, 1234)
	path := filepath.Join(t.TempDir(), "спонсоры.xlsx")
	writeXLSX(t, path, [][]any{
		{"№ п/п", "Наименование спонсора", "БИН/ИИН", "Дата перечисления", "Сумма (тенге)", "Вещевая помощь", "Стоимость вещей, тг", "Примечание"},
		{1, "ТОО «Сарыарқа»", saryarka, "10.07.2019", "250 000", "канцтовары – 40 наборов", "120 000"},
		{2, "ИП Ким А.В.", string(kim), "20.07.2019", 50000, "рюкзаки 30 шт., спортивная форма 10 комплектов"},
		{3, "Петров Иван", nil, "01.08.2019", nil, "обувь – 12 пар", "84 000"},
		{4, "ТОО «Сарыарқа»", saryarka, "10.09.2019", "250 000", "канцтовары – 40 наборов", "120 000"},
		{5, "Петров Иван", nil, "01.08.2019", nil, "обувь – 12 пар", "84 000"}, // a copy of row 4
		{6, "ТОО «Сарыарқа»", saryarka, "10.09.2019", "250 000", "канцтовары – 50 наборов", "150 000", "второй платёж"},
		{7, "АО «Шубарколь»", shubarkol, "05.08.2019", "сто тысяч"},
		{8, "Сидорова Анна", nil, "06.08.2019", nil, "тетради"},
		{"Итого", nil, nil, nil, "800 000"},
	}, nil)
	s := checkImport(t, st, c, path, listTotals{rows: 8, imported: 5, duplicates: 1, rejected: 2,
		donations: 5, sponsors: 3, money: 250000 + 50000 + 250000 + 250000,
		units: 40 + 30 + 10 + 12 + 40 + 50, value: 120000 + 84000 + 120000 + 150000,
		byItem: map[string]int64{"stationery": 130, "backpack": 30, "sports_uniform": 10, "shoes": 12}})
	for _, p := range s.Problems {
		switch {
		case p.Row == 8 && (p.Column != "E («Сумма (тенге)»)" || p.Value != "сто тысяч"):
			t.Fatalf("row 8: %+v", p)
		case p.Row == 9 && (!strings.HasPrefix(p.Column, "F") || !strings.Contains(p.Message, "количество")):
			t.Fatalf("row 9: %+v", p)
		}
	}
}

// A csv saved by Excel on a Russian Windows: Windows-1251, «;».
func TestImportAccountantCSV1251(t *testing.T) {
	st, c := mustCampaign(t)
	temir, vostok := bin(t, 2003, 66), bin(t, 2014, 77)
	text := "Список спонсоров акции «Дорога в школу», 2019;;;;;\r\n" +
		"№;Наименование;БИН;Дата;Сумма, тенге;Помощь вещами (наименование, кол-во)\r\n" +
		"1;ТОО «Темир»;" + temir + ";15.07.2019;1 000 000,00;\r\n" +
		"2;Иванов Сергей;;16.07.2019;25 000 тенге;рюкзак 5 шт\r\n" +
		"3;Иванов Сергей;;17.07.2019;25 000 тенге;\r\n" +
		"4;ТОО «Восток»;" + vostok + ";18.07.2019;;\"школьная форма 8 комплектов; обувь 8 пар\"\r\n" +
		"5;Иванов Сергей;;16.07.2019;25 000 тенге;рюкзак 5 шт\r\n" +
		"Итого;;;;1 050 000;\r\n"
	b, err := charmap.Windows1251.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "спонсоры.csv")
	if err := os.WriteFile(path, []byte(b), 0o600); err != nil {
		t.Fatal(err)
	}
	checkImport(t, st, c, path, listTotals{rows: 5, imported: 4, duplicates: 1, rejected: 0,
		donations: 4, sponsors: 3, money: 1000000 + 25000 + 25000, units: 5 + 8 + 8,
		byItem: map[string]int64{"backpack": 5, "school_uniform": 8, "shoes": 8}})
}

// A list whose money or gift column has a header no one foresaw is
// refused before anything is written, naming the column and its mapping.
func TestImportRefusesAnUnmappedMoneyColumn(t *testing.T) {
	st, _ := mustCampaign(t)
	path := filepath.Join(t.TempDir(), "list.xlsx")
	writeXLSX(t, path, [][]any{
		{"№", "Демеушінің атауы", "БСН", "Түскен күні", "Келіп түсті", "Не берді"},
		{1, "Ахметов Серік", nil, "10.07.2019", "150 000", "рюкзак 25 дана"},
		{2, "Қасымов Ерлан", nil, "11.07.2019", "1 500 000,00 ₸", nil},
	}, nil)
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Sponsors})
	if err != nil {
		t.Fatal(err)
	}
	m := exchange.AutoMap(exchange.Sponsors, sh)
	for _, tt := range []struct {
		name, lang, want string
		set              func()
	}{
		{"money", "kk", "--map E=amount", func() {}},
		{"gifts", "ru", "--map F=in_kind", func() { m["amount"] = 4 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.set()
			before := datatest.Dump(t, st, "schema_migrations")
			_, err := exchange.Preview(ctx, st, sh, m, exchange.Options{Kind: exchange.Sponsors, Lang: tt.lang})
			var ue *exchange.UnmappedError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Preview: %v, want an UnmappedError naming %s", err, tt.want)
			}
			if datatest.Dump(t, st, "schema_migrations") != before {
				t.Fatal("a refused list wrote something")
			}
		})
	}
	m["in_kind"] = 5
	plan, err := exchange.Preview(ctx, st, sh, m, exchange.Options{Kind: exchange.Sponsors})
	if err != nil {
		t.Fatal(err)
	}
	if s := plan.Summary(); s.DonationsAdded != 2 || s.MoneyTengeAdded != 1650000 || s.InKindAdded != 25 {
		t.Fatalf("mapped by hand: %+v", s)
	}
}

// An item only a rejected row names does not join the catalogue.
func TestImportAddsOnlyItemsOfImportedRows(t *testing.T) {
	st, _ := mustCampaign(t)
	path := filepath.Join(t.TempDir(), "list.xlsx")
	writeXLSX(t, path, [][]any{
		{"Наименование", "БИН", "Дата", "Вещами"},
		{"ТОО «Бекет»", "123456789012", "10.07.2019", "глобус 3 шт"}, // a bad BIN
		{"Ильин Олег", nil, "11.07.2019", "рюкзак 2 шт; пенал 4 шт"},
	}, nil)
	items, _ := st.FindAidItems(ctx)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors, AddItems: true})
	if s := plan.Summary(); s.Rejected != 1 || s.ItemsAdded != 1 || s.InKindAdded != 6 {
		t.Fatalf("preview %+v", s)
	}
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := st.FindAidItems(ctx)
	if len(after) != len(items)+1 || after[len(after)-1].NameRU != "Пенал" || after[len(after)-1].UnitRU != "шт" {
		t.Fatalf("catalogue after: %+v", after[len(items):])
	}
}

// dumpDiff lists the lines of one dump missing from the other.
func dumpDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !inb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ina[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
