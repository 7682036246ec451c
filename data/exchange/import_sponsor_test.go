package exchange_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/exchange"
)

func TestImportSponsors(t *testing.T) {
	st := mustOpen(t)
	bin, _ := data.MakeBIN(data.Date(2005, 3, 1), '4', 123)
	bin2, _ := data.MakeBIN(data.Date(2011, 5, 1), '4', 77)
	nur := &data.Sponsor{Kind: data.SponsorLegal, Name: "«Нұр» ЖШС", BIN: string(bin)}
	kas := &data.Sponsor{Kind: data.SponsorIndividual, Name: "Қасымов Ерлан"}
	for _, sp := range []*data.Sponsor{nur, kas} {
		if err := st.CreateSponsor(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "sponsors.xlsx")
	writeXLSX(t, path, [][]any{
		{"Список спонсоров"},
		{"Наименование", "БИН/ИИН", "Руководитель", "Телефон"},
		{"ТОО «Нұр»", string(bin), "Сейітов С.", "87021112233"}, // same BIN: updated
		{"Қасымов  Ерлан", "", "", ""},                          // same name: unchanged
		{"ИП Жаңа", "", "", ""},                                 // IE without a BIN: rejected
		{"«Береке» ЖШС", string(bin[:11]) + "0", "", ""},        // bad BIN
		{"Береке ТОО", string(bin2), "", "343413"},              // new, phone kept as written
		{"береке тоо", "", "", ""},                              // repeats the row above
		{"Итого", "", "", ""},
	}, nil)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors, Lang: "ru"})
	s := plan.Summary()
	if s.Rows != 6 || s.Updated != 1 || s.Unchanged != 1 || s.Rejected != 2 || s.Imported != 1 || s.Duplicates != 1 {
		t.Fatalf("preview %+v", s)
	}
	for _, p := range s.Problems {
		if p.Row == 5 && (p.Column != "B («БИН/ИИН»)" || !strings.Contains(p.Message, "нужен БИН")) {
			t.Fatalf("row 5 problem %+v", p)
		}
	}
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := st.FindSponsorByID(ctx, nur.ID)
	if got.HeadName != "Сейітов С." || got.Phone != "+7 702 111 22 33" || got.BIN != string(bin) {
		t.Fatalf("updated sponsor %+v", got)
	}
	all, _ := st.FindSponsors(ctx, data.SponsorFilter{})
	if len(all) != 3 {
		t.Fatalf("%d sponsors, want 3", len(all))
	}
	before := datatest.Dump(t, st)
	again := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors})
	if s := again.Summary(); s.Imported+s.Updated != 0 {
		t.Fatalf("re-import %+v", s)
	}
	exchange.Commit(ctx, st, again, nil)
	if datatest.Dump(t, st) != before {
		t.Fatal("re-importing sponsors changed the database")
	}
}

// The accountant's list with amounts adds donations once, each in the
// campaign its date falls in; what the summary gains is the list's total.
func TestImportSponsorsWithDonations(t *testing.T) {
	st, c := mustDemo(t)
	before, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	bin, _ := data.MakeBIN(data.Date(2015, 6, 1), '4', 901)
	path := filepath.Join(t.TempDir(), "accountant.xlsx")
	writeXLSX(t, path, [][]any{
		{"Қайырымдылық көмек, 2019"},
		{"№", "Демеушінің атауы", "БСН", "Сомасы, теңге", "Түскен күні"},
		{1, "«Шахтёр» ЖШС", string(bin), "1 500 000,00", "15.08.2019"},
		{2, "Ахметов Серік", "", "150 000 тг", excelSerial(data.Date(2019, 7, 10))},
		{3, "Ахметов Серік", "", "50 000", "20.08.2019"}, // another donation: not a repeat
		{4, "Ахметов Серік", "", "50 000", "20.08.2019"}, // repeats row 5
		{5, "Бейтаныс", "", "сто тысяч", "20.08.2019"},   // unreadable amount
		{6, "Кеш Берген", "", "10 000", "15.12.2019"},    // after the campaign
		{nil, "Барлығы", nil, "1 750 000"},
	}, nil)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors})
	s := plan.Summary()
	if s.Rows != 6 || s.Imported != 3 || s.Duplicates != 1 || s.Rejected != 2 {
		t.Fatalf("preview %+v", s)
	}
	for _, p := range s.Problems {
		if p.Row == 8 && (p.Value != "15.12.2019" || !strings.Contains(p.Message, "акция жоқ")) {
			t.Fatalf("row 8 problem %+v", p)
		}
	}
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Summary(ctx, c.ID)
	if got := after.MoneyTenge - before.MoneyTenge; got != 1500000+150000+50000 {
		t.Fatalf("money raised grew by %d ₸, want 1 700 000", got)
	}
	again := importFile(t, st, path, exchange.Options{Kind: exchange.Sponsors})
	if s := again.Summary(); s.Imported != 0 || s.Unchanged != 3 {
		t.Fatalf("re-import %+v", s)
	}
}

// A problem with a column the list lacks names the field in the clerk's words.
func TestProblemOfAMissingColumn(t *testing.T) {
	sh := &exchange.Sheet{Header: []string{"Наименование", "Телефон"}}
	m := exchange.AutoMap(exchange.Sponsors, sh)
	_, _, probs := exchange.ParseSponsorRow(sh, m, exchange.Row{Number: 9, Cells: []string{"ТОО «Жаңа»", ""}}, "kk")
	if len(probs) != 1 || probs[0].Column != "«БСН/ЖСН»" || probs[0].Key != exchange.KeyBINRequired ||
		!strings.Contains(probs[0].Message, "9-жол, «БСН/ЖСН» бағаны") {
		t.Fatalf("problems %+v", probs)
	}
}
