package exchange_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
	"github.com/mektepkezhol/app/report"
)

func FuzzNormalizeIIN(f *testing.F) {
	for _, s := range []string{"791028302728", "61211600012", "061211600012", "6.1211600012E+10", "7910 2830-2728",
		"791028302729", "", "0", "1e11", "-61211600012", "٧٩١٠٢٨٣٠٢٧٢٨", "61211600012.0", "  061211600012\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := exchange.NormalizeIIN(s)
		if err != nil {
			var ve *data.ValidationError
			if !errors.As(err, &ve) || ve.Value != s || n != "" {
				t.Fatalf("NormalizeIIN(%q) = %q, %v; want a ValidationError with the original value", s, n, err)
			}
			return
		}
		if len(n) != 12 || strings.Trim(n, "0123456789") != "" || !data.ValidCheckDigit(n) {
			t.Fatalf("NormalizeIIN(%q) = %q: not 12 digits with a valid check digit", s, n)
		}
		if again, err := exchange.NormalizeIIN(n); err != nil || again != n {
			t.Fatalf("NormalizeIIN(%q) = %q, %v; not stable", n, again, err)
		}
	})
}

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"150 000", "150 000 тг", "1 500 000,00", "1,500,000.50", "150,000", "2500,5", "1.5E5",
		"", "-1", "1e400", "NaN", ",5", "₸", "999999999999999", "1.2.3", "0,00 теңге"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := exchange.ParseAmount(s)
		if err != nil {
			return
		}
		if n < 0 {
			t.Fatalf("ParseAmount(%q) = %d: negative", s, n)
		}
		// What the app writes, it reads back.
		for _, text := range []string{report.Number(n), report.Tenge(n), strconv.FormatInt(n, 10) + " тг"} {
			if back, err := exchange.ParseAmount(text); err != nil || back != n {
				t.Fatalf("ParseAmount(%q) = %d, %v; want %d", text, back, err, n)
			}
		}
	})
}

func FuzzParseRow(f *testing.F) {
	f.Add("61211600012", "АХМЕТОВ Арман", "11.12.2006", "5 А", "аз қамтылған, многодетные", "87011234567")
	f.Add("791028302729", "", "43709", "5-а", "ООП", "343413")
	f.Add("6.1211600012E+10", "Иванова Мария Петровна", "2006-12-11", "11", "дети-сироты", "+7 (701) 123-45-67")
	f.Add(" ", "x", "31.02.2019", "0", "космонавты", "")
	f.Add("061211600012", "ә", "99999999", "5 АБ", ";;;", "8")
	sh := &exchange.Sheet{Header: []string{"ЖСН", "Аты-жөні", "Туған күні", "Сынып", "Санаты", "Телефон"}}
	m := exchange.AutoMap(exchange.Children, sh)
	if len(m) != 6 {
		f.Fatalf("mapping %v", m)
	}
	f.Fuzz(func(t *testing.T, iin, name, birth, grade, cats, phone string) {
		r := exchange.Row{Number: 42, Cells: []string{iin, name, birth, grade, cats, phone}}
		c, probs := exchange.ParseChildRow(sh, m, r, "kk")
		rejected := false
		for _, p := range probs {
			if p.Row != 42 || !strings.Contains(p.Message, "42-жол") || p.Column == "" {
				t.Fatalf("problem %+v does not name its row and column", p)
			}
			rejected = rejected || !p.Warning
		}
		if rejected {
			return
		}
		if !data.ValidCheckDigit(string(c.IIN)) || c.Surname == "" || c.Grade < 0 || c.Grade > 11 {
			t.Fatalf("accepted a bad child %+v from %q", c, fmt.Sprint(r.Cells))
		}
		for _, cc := range c.Categories {
			if !data.IsCategory(cc.Code) {
				t.Fatalf("unknown category %q accepted", cc.Code)
			}
		}
	})
}
