package report_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

func TestWords(t *testing.T) {
	tests := []struct {
		n      int64
		kk, ru string
	}{
		{0, "нөл", "ноль"},
		{1, "бір", "один"},
		{11, "он бір", "одиннадцать"},
		{100, "жүз", "сто"},
		{112, "жүз он екі", "сто двенадцать"},
		{1000, "бір мың", "одна тысяча"},
		{2019, "екі мың он тоғыз", "две тысячи девятнадцать"},
		{5000, "бес мың", "пять тысяч"},
		{21000, "жиырма бір мың", "двадцать одна тысяча"},
		{150000, "жүз елу мың", "сто пятьдесят тысяч"},
		{1250000, "бір миллион екі жүз елу мың", "один миллион двести пятьдесят тысяч"},
		{2000000, "екі миллион", "два миллиона"},
		{2800000000, "екі миллиард сегіз жүз миллион", "два миллиарда восемьсот миллионов"},
	}
	for _, tt := range tests {
		if got := report.WordsKK(tt.n); got != tt.kk {
			t.Errorf("WordsKK(%d) = %q, want %q", tt.n, got, tt.kk)
		}
		if got := report.WordsRU(tt.n); got != tt.ru {
			t.Errorf("WordsRU(%d) = %q, want %q", tt.n, got, tt.ru)
		}
	}
}

func TestPluralRU(t *testing.T) {
	for n, want := range map[int64]string{1: "школа", 2: "школы", 5: "школ", 11: "школ", 21: "школа", 104: "школы", 112: "школ"} {
		if got := report.PluralRU(n, "школа", "школы", "школ"); got != want {
			t.Errorf("PluralRU(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLetterTextPlaceholders(t *testing.T) {
	tpl := report.DefaultLetterTemplate()
	tpl.BodyKK = "{{sponsor}}: {{year}} жылғы «{{campaign}}» акциясы, № {{number}}, {{city}}. {{contribution}}"
	l := letter(7, "kk", data.Sponsor{Kind: data.SponsorLegal, Name: "«Нұр» ЖШС"})
	lt := l.Text("kk", tpl, settings())
	want := "«Нұр» ЖШС: 2019 жылғы «Мектепке жол» акциясы, № 7, Қарағанды. Сіздің үлесіңіз: рюкзак — 120 дана; 150 000 теңге (жүз елу мың теңге)."
	if strings.ReplaceAll(lt.Body, "\u00a0", " ") != want {
		t.Fatalf("body = %q\nwant   %q", lt.Body, want)
	}
	if lt.Contribution != "" {
		t.Fatalf("the contribution placed by the template is printed again: %q", lt.Contribution)
	}
	if lt.Reach == "" {
		t.Fatal("the reach sentence is missing")
	}
}

// TestLetterTemplateSettings saves an edited template through the store
// and reads it back; a wrong placeholder or offset is refused.
func TestLetterTemplateSettings(t *testing.T) {
	st, err := data.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	s, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tpl := report.DefaultLetterTemplate()
	tpl.WishesKK, tpl.BlankOffsetXmm, tpl.BlankOffsetYmm, tpl.ShowReach = "Табыс тілейміз, {{sponsor}}!", 1.5, -2, false
	if err := report.SaveLetterTemplate(&s, tpl); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	s, err = st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := report.LoadLetterTemplate(s)
	if err != nil {
		t.Fatal(err)
	}
	if got != tpl {
		t.Fatalf("read back %+v\nwant %+v", got, tpl)
	}
	for _, bad := range []report.LetterTemplate{{BodyKK: "{{sponsr}}"}, {BlankOffsetYmm: -51}} {
		var ve *data.ValidationError
		if err := report.SaveLetterTemplate(&s, bad); !errors.As(err, &ve) {
			t.Errorf("%+v: err = %v, want a validation error", bad, err)
		}
	}
	s.Extra[report.LetterTemplateKey] = "{not json"
	if _, err := report.LoadLetterTemplate(s); err == nil || !strings.Contains(err.Error(), "letter template") {
		t.Fatalf("broken JSON: err = %v", err)
	}
}

// TestWordsPastTrillion: any amount the store can sum has words (a total
// past a trillion once panicked the letters).
func TestWordsPastTrillion(t *testing.T) {
	for _, tt := range []struct {
		n      int64
		kk, ru string
	}{
		{1_000_000_000_000_000, "бір квадриллион", "один квадриллион"},
		{2_000_000_000_000_000_000, "екі квинтиллион", "два квинтиллиона"},
		{5_000_000_000_000_000, "бес квадриллион", "пять квадриллионов"},
	} {
		if got := report.WordsKK(tt.n); got != tt.kk {
			t.Errorf("WordsKK(%d) = %q, want %q", tt.n, got, tt.kk)
		}
		if got := report.WordsRU(tt.n); got != tt.ru {
			t.Errorf("WordsRU(%d) = %q, want %q", tt.n, got, tt.ru)
		}
	}
	if got := report.WordsKK(1<<63 - 1); !strings.HasPrefix(got, "тоғыз квинтиллион") {
		t.Errorf("WordsKK(max int64) = %q", got)
	}
}
