package data_test

import (
	"errors"
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestParseIIN(t *testing.T) {
	tests := []struct {
		name, in, want, errKey string
	}{
		{"known valid", "791028302728", "791028302728", ""},
		{"known valid 2006", "061211600012", "061211600012", ""},
		{"lost leading zero", "61211600012", "061211600012", ""},
		{"spaces and dashes", "7910 2830-2728", "791028302728", ""},
		{"last digit changed", "791028302729", "", data.KeyChecksum},
		{"last digit changed 2006", "061211600013", "", data.KeyChecksum},
		{"too short", "12345", "", data.KeyDigits},
		{"letters", "79102830272A", "", data.KeyDigits},
		{"empty", "", "", data.KeyDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.ParseIIN(tt.in)
			if tt.errKey == "" {
				if err != nil || string(got) != tt.want {
					t.Fatalf("ParseIIN(%q)=%q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			var ve *data.ValidationError
			if !errors.As(err, &ve) || ve.Key != tt.errKey || ve.Field != "iin" || ve.Value != tt.in {
				t.Fatalf("ParseIIN(%q) err=%v, want field iin, value %q, key %s", tt.in, err, tt.in, tt.errKey)
			}
		})
	}
}

func TestParseBIN(t *testing.T) {
	bin, ok := data.MakeBIN(data.Date(2004, 5, 1), '4', 123)
	if !ok {
		t.Fatal("MakeBIN found no check digit for serial 123")
	}
	if _, err := data.ParseBIN(string(bin)); err != nil {
		t.Fatalf("generated BIN %s rejected: %v", bin, err)
	}
	bad := string(bin[:11]) + string('0'+(bin[11]-'0'+1)%10)
	if _, err := data.ParseBIN(bad); err == nil {
		t.Fatalf("BIN %s with a wrong check digit accepted", bad)
	}
}

// TestCheckDigitSecondPass covers numbers whose first weighted sum is 10.
func TestCheckDigitSecondPass(t *testing.T) {
	found := 0
	for serial := 0; serial < 10000 && found < 3; serial++ {
		first := "0612116" + string(rune('0'+serial/1000%10)) + string(rune('0'+serial/100%10)) +
			string(rune('0'+serial/10%10)) + string(rune('0'+serial%10))
		s1 := 0
		for i := 0; i < 11; i++ {
			s1 += int(first[i]-'0') * (i + 1)
		}
		if s1%11 != 10 {
			continue
		}
		found++
		s2 := 0
		w := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}
		for i := 0; i < 11; i++ {
			s2 += int(first[i]-'0') * w[i]
		}
		c, ok := data.CheckDigit(first)
		if want := s2 % 11; ok != (want != 10) || (ok && c != want) {
			t.Fatalf("CheckDigit(%s)=%d,%v; second pass gives %d", first, c, ok, want)
		}
	}
	if found == 0 {
		t.Fatal("no number needing the second pass was tried")
	}
}

func TestIINDecode(t *testing.T) {
	iin := data.IIN("791028302728")
	b, ok := iin.BirthDate()
	if !ok || !b.Equal(data.Date(1979, 10, 28)) {
		t.Fatalf("BirthDate=%v,%v; want 1979-10-28", b, ok)
	}
	if got := iin.Sex(); got != data.Male {
		t.Fatalf("Sex=%q, want M (digit 3)", got)
	}
	girl := data.IIN("061211600012")
	if b, _ := girl.BirthDate(); !b.Equal(data.Date(2006, 12, 11)) {
		t.Fatalf("BirthDate=%v, want 2006-12-11", b)
	}
	if got := girl.Sex(); got != data.Female {
		t.Fatalf("Sex=%q, want F (digit 6)", got)
	}
}

func TestMakeIINRoundTrip(t *testing.T) {
	birth := data.Date(2011, 3, 9)
	for serial := 0; serial < 200; serial++ {
		iin, ok := data.MakeIIN(birth, data.Female, serial)
		if !ok {
			continue
		}
		if _, err := data.ParseIIN(string(iin)); err != nil {
			t.Fatalf("MakeIIN gave %s, which ParseIIN rejects: %v", iin, err)
		}
		if b, _ := iin.BirthDate(); !b.Equal(birth) || iin.Sex() != data.Female {
			t.Fatalf("%s decodes to %v %s", iin, b, iin.Sex())
		}
	}
}

func FuzzParseIIN(f *testing.F) {
	for _, s := range []string{"791028302728", "061211600012", "61211600012", "0612 1160-0012", "", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iin, err := data.ParseIIN(s)
		if err != nil {
			return
		}
		if len(iin) != 12 || !data.ValidCheckDigit(string(iin)) {
			t.Fatalf("ParseIIN(%q) accepted %q", s, iin)
		}
		again, err := data.ParseIIN(string(iin))
		if err != nil || again != iin {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, iin, again, err)
		}
	})
}
