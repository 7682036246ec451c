package exchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/data/exchange"
)

func excelSerial(d time.Time) int {
	return int(d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// messyChildren writes a school's list as schools send them: two title
// rows, «ФИО» merged over three sub-headers, a hidden column, an IIN that
// lost its leading zero, a bad checksum, a repeated child, a missing name,
// a bad class, a blank row, a «Барлығы» row and a signature under it.
func messyChildren(t *testing.T) (path string, good []string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "school7.xlsx")
	second := iin(t, 1)
	rows := [][]any{
		{"«Мектепке жол» акциясы бойынша балалар тізімі"},
		{"№7 ЖББМ, 2019 ж."},
		{"№", "ЖСН", "Тегі, аты, әкесінің аты", nil, nil, "Туған күні", "Сынып", "Санаты", "Телефон", "Примечание"},
		{nil, nil, "Тегі", "Аты", "Әкесінің аты"},
		{1, 61211600012, "  АХМЕТОВ ", "арман", "серікұлы", excelSerial(data.Date(2006, 12, 11)), "5 А", "аз қамтылған", "87011234567", "ішкі белгі"},
		{2, second[:4] + " " + second[4:], "Иванова", "мария", "", "01.09.2008", "5-б", "многодетные, сироты", "+7 701 123 45 67"},
		{3, badChecksum(iin(t, 2)), "Серіков", "Дәулет", "", "", "6А"},
		{4, second, "Иванова", "Мария", "", "", "5 Б"},
		{5, iin(t, 3), "Омарова", "", "", "", "7 В"},
		{6, iin(t, 4), "Ким", "Виктор", "", "", "15 Г"},
		{},
		{"Барлығы", nil, 6},
		{"Директор ______ Ә. Сәрсенова"},
	}
	writeXLSX(t, path, rows, func(f *excelize.File, sh string) {
		for _, m := range [][2]string{{"A1", "H1"}, {"C3", "E3"}, {"A3", "A4"}, {"B3", "B4"}, {"F3", "F4"},
			{"G3", "G4"}, {"H3", "H4"}, {"I3", "I4"}, {"J3", "J4"}} {
			if err := f.MergeCell(sh, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SetColVisible(sh, "J", false); err != nil {
			t.Fatal(err)
		}
	})
	return path, []string{"061211600012", second}
}

func TestImportMessyXLSX(t *testing.T) {
	st := mustOpen(t)
	path, good := messyChildren(t)
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sh.HeaderRow, 4; got != want {
		t.Fatalf("header row=%d, want %d", got, want)
	}
	m := exchange.AutoMap(exchange.Children, sh)
	for _, code := range []string{"iin", "surname", "name", "patronymic", "birth_date", "grade", "categories", "guardian_phone"} {
		if _, ok := m[code]; !ok {
			t.Errorf("column %s not mapped: %v (header %q)", code, m, sh.Header)
		}
	}
	if _, ok := m["notes"]; ok {
		t.Errorf("hidden column mapped: %v", m)
	}
	plan, err := exchange.Preview(ctx, st, sh, m, exchange.Options{Kind: exchange.Children, SchoolNumber: 7, Lang: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	sum := plan.Summary()
	if sum.Rows != 6 || sum.Imported != 2 || sum.Rejected != 3 || sum.Duplicates != 1 || sum.Updated+sum.Unchanged != 0 {
		t.Fatalf("preview %+v, want 6 rows: 2 new, 3 rejected, 1 duplicate", sum)
	}
	byRow := map[int]exchange.Problem{}
	for _, p := range sum.Problems {
		byRow[p.Row] = p
	}
	for _, want := range []struct {
		row           int
		column, value string
		words         string
	}{
		{7, "B («ЖСН»)", badChecksum(iin(t, 2)), "контрольная цифра"},
		{8, "B («ЖСН»)", good[1], "повторяет строку 6"},
		{9, "D («Аты»)", "", "обязательно"},
		{10, "G («Сынып»)", "15 Г", "класс"},
	} {
		p := byRow[want.row]
		if p.Column != want.column || p.Value != want.value || !strings.Contains(p.Message, want.words) ||
			!strings.Contains(p.Message, want.column) {
			t.Errorf("row %d problem %+v, want column %s value %q and %q", want.row, p, want.column, want.value, want.words)
		}
	}
	if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n != 0 {
		t.Fatalf("preview wrote %d children", n)
	}

	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	c, err := st.FindChildByIIN(ctx, data.IIN(good[0]))
	if err != nil {
		t.Fatal(err)
	}
	school, _ := st.FindSchoolByNumber(ctx, 7)
	if c.FullName() != "Ахметов Арман Серікұлы" || c.Grade != 5 || c.GradeLetter != "А" || c.SchoolID != school.ID ||
		!c.BirthDate.Equal(data.Date(2006, 12, 11)) || c.GuardianPhone != "+7 701 123 45 67" || !c.HasCategory(data.CatLowIncome) {
		t.Fatalf("saved %+v", c)
	}
	c2, err := st.FindChildByIIN(ctx, data.IIN(good[1]))
	if err != nil {
		t.Fatal(err)
	}
	if c2.GradeLetter != "Б" || !c2.HasCategory(data.CatLargeFamily) || !c2.HasCategory(data.CatOrphan) {
		t.Fatalf("saved %+v", c2)
	}

	// The same file again changes nothing, audit log included.
	before := datatest.Dump(t, st)
	again := importFile(t, st, path, exchange.Options{Kind: exchange.Children, SchoolNumber: 7})
	if s := again.Summary(); s.Imported != 0 || s.Updated != 0 || s.Unchanged != 2 || s.Rejected != 3 {
		t.Fatalf("re-import preview %+v, want 2 unchanged", s)
	}
	if _, err := exchange.Commit(ctx, st, again, nil); err != nil {
		t.Fatal(err)
	}
	if after := datatest.Dump(t, st); after != before {
		t.Fatal("re-importing the same file changed the database")
	}
}

// A list that adds a category and a phone updates the saved child, keeps
// what the list leaves empty and keeps a birth date the clerk corrected.
func TestImportUpdatesAndKeeps(t *testing.T) {
	st := mustOpen(t)
	n := iin(t, 9)
	c := &data.Child{IIN: data.IIN(n), Surname: "Ахметова", Name: "Ая", Address: "Бұқар жырау к-сі, 1",
		BirthDate: data.Date(2010, 1, 1), Categories: []data.ChildCategory{{Code: data.CatOrphan, DocNumber: "17"}}}
	if err := st.CreateChild(ctx, c); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "list.xlsx")
	writeXLSX(t, path, [][]any{{"ИИН", "Фамилия", "Имя", "Категория", "Телефон"},
		{n, "АХМЕТОВА", "Ая", "многодетные", "8 701 000 11 22"}}, nil)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Children})
	if s := plan.Summary(); s.Updated != 1 {
		t.Fatalf("preview %+v, want 1 updated", s)
	}
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	got, err := st.FindChildByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Address != c.Address || !got.BirthDate.Equal(c.BirthDate) || got.GuardianPhone != "+7 701 000 11 22" ||
		!got.HasCategory(data.CatOrphan) || !got.HasCategory(data.CatLargeFamily) || got.Categories[1].DocNumber != "17" {
		t.Fatalf("merged child %+v", got)
	}
}

// The same list as csv in Windows-1251 with «;», and in UTF-8 with a BOM
// and «,», reads as the xlsx does.
func TestParseCSVEncodings(t *testing.T) {
	lines := []string{
		"Список детей школы №12",
		"ИИН;Фамилия;Имя;Дата рождения;Класс;Категория;Сумма",
		"61211600012;Ахметов;Арман;11.12.2006;5 А;малообеспеченные;\"1 500,00\"",
		iin(t, 1) + ";Иванова;Мария;01.09.2008;5-б;многодетные;0",
		"Итого;;;;;;",
	}
	text := strings.Join(lines, "\r\n")
	cp1251, err := charmap.Windows1251.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	comma := strings.ReplaceAll(text, ";", ",") // the quoted «1 500,00» keeps its comma
	for _, tt := range []struct {
		name string
		b    []byte
	}{
		{"windows-1251 ;", []byte(cp1251)},
		{"utf-8 ;", []byte(text)},
		{"utf-8 bom ,", append([]byte("\xef\xbb\xbf"), comma...)},
		{"utf-16 tab", utf16Tab(t, text)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sh, err := exchange.ParseCSV(tt.b, "list.csv", exchange.Children)
			if err != nil {
				t.Fatal(err)
			}
			if len(sh.Rows) != 2 || sh.HeaderRow != 2 || sh.Rows[0].Number != 3 {
				t.Fatalf("rows %+v header row %d", sh.Rows, sh.HeaderRow)
			}
			if got := sh.Rows[0].Cell(1); got != "Ахметов" {
				t.Fatalf("surname %q", got)
			}
			if got := sh.Header[0]; got != "ИИН" {
				t.Fatalf("header %q", sh.Header)
			}
			if got := sh.Rows[0].Cell(6); got != "1 500,00" {
				t.Fatalf("amount cell %q", got)
			}
		})
	}
}

func TestImportCSVFile(t *testing.T) {
	st := mustOpen(t)
	text := "ЖСН;Тегі;Аты;Мектеп №;Сынып\n61211600012;Ахметов;Арман;№ 12;5А\n" + iin(t, 2) + ";Омаров;Ержан;99;6 Б\n"
	b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(text))
	path := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Children})
	s := plan.Summary()
	if s.Imported != 1 || s.Rejected != 1 || len(s.Problems) != 1 || s.Problems[0].Row != 3 || s.Problems[0].Value != "99" {
		t.Fatalf("summary %+v, want row 3 rejected for school 99", s)
	}
	if !strings.Contains(s.Problems[0].Message, "3-жол") {
		t.Fatalf("kk message %q", s.Problems[0].Message)
	}
}

func TestRememberedMapping(t *testing.T) {
	st := mustOpen(t)
	path := filepath.Join(t.TempDir(), "odd.xlsx")
	writeXLSX(t, path, [][]any{{"Код", "Оқушы", "Сынып"}, {iin(t, 1), "Иванова Мария", "5 А"}}, nil)
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
	if err != nil {
		t.Fatal(err)
	}
	m := exchange.AutoMap(exchange.Children, sh)
	if _, ok := m["iin"]; ok {
		t.Fatal("«Код» should not map by itself")
	}
	m["iin"] = 0 // the user maps it by hand
	set, _ := st.Settings(ctx)
	exchange.RememberMapping(&set, exchange.Children, sh, m)
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	// The next list of the same form, columns reordered.
	path2 := filepath.Join(t.TempDir(), "odd2.xlsx")
	writeXLSX(t, path2, [][]any{{"Сынып", "Оқушы", "Код"}, {"6 Б", "Омаров Ержан", iin(t, 2)}}, nil)
	sh2, err := exchange.Parse(path2, exchange.ParseOptions{Kind: exchange.Children})
	if err != nil {
		t.Fatal(err)
	}
	if exchange.Fingerprint(sh) != exchange.Fingerprint(sh2) {
		t.Fatal("fingerprints differ for the same headers")
	}
	set, _ = st.Settings(ctx)
	m2, ok := exchange.RememberedMapping(set, exchange.Children, sh2)
	if !ok || m2["iin"] != 2 || m2["full_name"] != 1 || m2["grade"] != 0 {
		t.Fatalf("remembered %v, %v", m2, ok)
	}
}

func TestParseSheetChoice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Мазмұны"})
	f.NewSheet("5 сынып")
	f.SetSheetRow("5 сынып", "A1", &[]any{"ЖСН", "Тегі", "Аты"})
	f.SetSheetRow("5 сынып", "A2", &[]any{iin(t, 1), "Иванова", "Мария"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
	if err != nil || sh.Name != "5 сынып" || len(sh.Sheets) != 2 || len(sh.Rows) != 1 {
		t.Fatalf("first sheet with a header: %+v %v", sh, err)
	}
	if _, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children, Sheet: "Sheet1"}); err == nil {
		t.Fatal("a sheet without a header was read")
	}
	if _, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children, Sheet: "жоқ"}); err == nil {
		t.Fatal("a missing sheet was read")
	}
}

// A school column merged down over its children gives each child the school.
func TestMergedSchoolColumn(t *testing.T) {
	st := mustOpen(t)
	path := filepath.Join(t.TempDir(), "merged.xlsx")
	writeXLSX(t, path, [][]any{
		{"ЖСН", "Аты-жөні", "Мектеп №"},
		{iin(t, 1), "Иванова Мария", "№ 12 ЖББМ"},
		{iin(t, 2), "Омаров Ержан"},
		{iin(t, 3), "Ким Виктор"},
	}, func(f *excelize.File, sh string) {
		if err := f.MergeCell(sh, "C2", "C4"); err != nil {
			t.Fatal(err)
		}
	})
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Children})
	if _, err := exchange.Commit(ctx, st, plan, nil); err != nil {
		t.Fatal(err)
	}
	school, _ := st.FindSchoolByNumber(ctx, 12)
	if n, _ := st.CountChildren(ctx, data.ChildFilter{SchoolID: school.ID}); n != 3 {
		t.Fatalf("%d children in school №12, want 3", n)
	}
}

// utf16Tab writes text as Excel's «Unicode text»: UTF-16LE with a BOM, tabs.
func utf16Tab(t *testing.T, text string) []byte {
	t.Helper()
	tabbed := strings.ReplaceAll(text, ";", "\t")
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(tabbed))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
