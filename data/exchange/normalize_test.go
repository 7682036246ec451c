package exchange_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

func TestNormalizeIIN(t *testing.T) {
	tests := []struct {
		name, in, want, key string
	}{
		{"valid", "791028302728", "791028302728", ""},
		{"lost leading zero", "61211600012", "061211600012", ""},
		{"number in E notation", "6.1211600012E+10", "061211600012", ""},
		{"numeric cell with .0", "61211600012.0", "061211600012", ""},
		{"spaces and dashes", " 7910-2830 2728 ", "791028302728", ""},
		{"bad checksum", "791028302729", "", data.KeyChecksum},
		{"too short", "7910283027", "", data.KeyDigits},
		{"letters", "79102830272X", "", data.KeyDigits},
		{"empty", "", "", data.KeyDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := exchange.NormalizeIIN(tt.in)
			var ve *data.ValidationError
			switch {
			case tt.key == "" && err != nil:
				t.Fatalf("NormalizeIIN(%q): %v", tt.in, err)
			case tt.key != "" && (!errors.As(err, &ve) || ve.Key != tt.key || ve.Value != tt.in):
				t.Fatalf("NormalizeIIN(%q) error %v, want key %s with the original value", tt.in, err, tt.key)
			case got != tt.want:
				t.Fatalf("NormalizeIIN(%q)=%q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"150 000", 150000, true},
		{"150 000 тг", 150000, true},
		{"150\u00a0000 ₸", 150000, true},
		{"1 500 000,00", 1500000, true},
		{"1,500,000.50", 1500001, true},
		{"1.500.000", 1500000, true},
		{"150,000", 150000, true},
		{"2500,5", 2501, true},
		{"99,49", 99, true},
		{"1.5E5", 150000, true},
		{"250000 теңге", 250000, true},
		{"0", 0, true},
		{"", 0, false},
		{"-5 000", 0, false},
		{"сто тысяч", 0, false},
		{"1,2,3.4.5", 0, false},
	}
	for _, tt := range tests {
		got, err := exchange.ParseAmount(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseAmount(%q)=%d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"43709", data.Date(2019, 9, 1), true}, // Excel serial
		{"39448.0", data.Date(2008, 1, 1), true},
		{"01.09.2019", data.Date(2019, 9, 1), true},
		{"1.9.2019", data.Date(2019, 9, 1), true},
		{"01/09/2019", data.Date(2019, 9, 1), true},
		{"01.09.08", data.Date(2008, 9, 1), true},
		{"2019-09-01", data.Date(2019, 9, 1), true},
		{"31.02.2019", time.Time{}, false},
		{"2019", time.Time{}, false},
		{"вчера", time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := exchange.ParseDate(tt.in)
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q)=%v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseGrade(t *testing.T) {
	for _, in := range []string{"5 А", "5А", "5-а", "5 «а»", "5 A", "5 \"А\" сынып", "5а класс"} {
		g, l, err := exchange.ParseGrade(in)
		if err != nil || g != 5 || l != "А" {
			t.Errorf("ParseGrade(%q)=%d %q %v, want 5 «А»", in, g, l, err)
		}
	}
	if g, l, err := exchange.ParseGrade("11"); err != nil || g != 11 || l != "" {
		t.Errorf("ParseGrade(11)=%d %q %v", g, l, err)
	}
	for _, in := range []string{"12 А", "0", "А", "5 АБ", "пятый"} {
		if _, _, err := exchange.ParseGrade(in); err == nil {
			t.Errorf("ParseGrade(%q) accepted", in)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	for _, in := range []string{"87011234567", "+7 (701) 123-45-67", "7011234567", "8 701 123 45 67"} {
		if got, ok := exchange.NormalizePhone(in); !ok || got != "+7 701 123 45 67" {
			t.Errorf("NormalizePhone(%q)=%q, %v", in, got, ok)
		}
	}
	if got, ok := exchange.NormalizePhone("343413"); ok || got != "343413" {
		t.Errorf("NormalizePhone(343413)=%q, %v; want kept as written, not ok", got, ok)
	}
}

func TestMatchCategories(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		unknown int
	}{
		{"малообеспеченные", []string{data.CatLowIncome}, 0},
		{"АӘК алушы", []string{data.CatLowIncome}, 0},
		{"получатели АСП; многодетные", []string{data.CatLowIncome, data.CatLargeFamily}, 0},
		{"сироты", []string{data.CatOrphan}, 0},
		{"ООП", []string{data.CatSpecialNeeds}, 0},
		{"дети, оставшиеся без попечения родителей", []string{data.CatNoParentalCare}, 0},
		{"толық емес отбасылардың балалары", []string{data.CatSingleParent}, 0},
		{"аспирант", nil, 1},
		{"многодетные, космонавты", []string{data.CatLargeFamily}, 1},
	}
	for _, tt := range tests {
		got, unknown := exchange.MatchCategories(tt.in)
		if len(unknown) != tt.unknown || len(got) != len(tt.want) {
			t.Errorf("MatchCategories(%q)=%v, unknown %v; want %v", tt.in, got, unknown, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("MatchCategories(%q)=%v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

// Every category's own kk and ru name reads back as that category, so
// exports and the template's lists import cleanly.
func TestMatchCategoriesOwnNames(t *testing.T) {
	st := mustOpen(t)
	cats, err := st.FindCategories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		for _, lang := range []string{"kk", "ru"} {
			got, unknown := exchange.MatchCategories(c.Name(lang))
			if len(got) != 1 || got[0] != c.Code || len(unknown) > 0 {
				t.Errorf("MatchCategories(%q)=%v %v, want %s", c.Name(lang), got, unknown, c.Code)
			}
		}
	}
}

// Every problem the importer can report is worded in both languages.
func TestMessagesWorded(t *testing.T) {
	keys := []string{exchange.KeyIINDigits, exchange.KeyIINChecksum, exchange.KeyAmount, exchange.KeyDate,
		exchange.KeyGrade, exchange.KeyPhone, exchange.KeyCategory, exchange.KeyRequired, exchange.KeySchool,
		exchange.KeyCampaign, exchange.KeySex, exchange.KeyBirthMismatch, exchange.KeySexMismatch, exchange.KeyEmail,
		exchange.KeySponsorKind, exchange.KeyBINRequired, "err.bin.digits", "err.bin.sum", "err.child.grade",
		"err.child.sex", "err.child.category", "err.child.category_twice"}
	for _, key := range keys {
		kk := exchange.Message("kk", 12, "C («ЖСН»)", "0612", key)
		ru := exchange.Message("ru", 12, "C («ИИН»)", "0612", key)
		if strings.Contains(kk, key) || strings.Contains(ru, key) || kk == ru {
			t.Errorf("%s: kk %q, ru %q", key, kk, ru)
		}
		if !strings.Contains(kk, "12-жол") || !strings.Contains(kk, "«0612»") || !strings.Contains(ru, "Строка 12") {
			t.Errorf("%s: the message must name row, column and value: %q / %q", key, kk, ru)
		}
	}
}

func TestAmountBounds(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1,5,6", 0, false}, {"1.5.6", 0, false}, {"1,500,000", 1500000, true}, {"1.500.000,50", 1500001, true},
		{"150 000", 150000, true}, {"1000000000000", 1000000000000, true}, {"1000000000001", 0, false},
		{"1e15", 0, false}, {"1,,000", 0, false}, {"12,5", 13, true},
	} {
		got, err := exchange.ParseAmount(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for _, in := range []string{"NaN", "nan", "+Inf"} {
		if d, err := exchange.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %v, want refused", in, d)
		}
	}
}
