package data

import (
	"fmt"
	"strings"
	"time"
)

// IIN is a validated 12-digit individual identification number (ЖСН / ИИН).
type IIN string

// BIN is a validated 12-digit business identification number (БСН / БИН).
type BIN string

// Sex of a person, as the IIN encodes it.
const (
	Male   = "M"
	Female = "F"
)

// Message keys of identifier errors.
const (
	KeyDigits   = "err.id.digits"
	KeyChecksum = "err.id.checksum"
)

// ParseIIN normalises s (spaces and dashes removed, a lost leading zero
// restored) and checks its length and check digit.
func ParseIIN(s string) (IIN, error) {
	n, err := parseID("iin", s)
	return IIN(n), err
}

// ParseBIN normalises and checks a BIN as ParseIIN does an IIN.
func ParseBIN(s string) (BIN, error) {
	n, err := parseID("bin", s)
	return BIN(n), err
}

// NormalizeID strips separators and restores the leading zero that
// spreadsheets drop from numbers of children born 2000–2009.
func NormalizeID(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\u00a0', '\t', '\'', '.':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if len(s) == 11 && allDigits(s) {
		s = "0" + s
	}
	return s
}

func parseID(field, s string) (string, error) {
	n := NormalizeID(s)
	if len(n) != 12 || !allDigits(n) {
		return "", invalid(field, s, KeyDigits)
	}
	if !ValidCheckDigit(n) {
		return "", invalid(field, s, KeyChecksum)
	}
	return n, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// CheckDigit computes the 12th digit for the first 11 digits of an IIN or
// BIN; ok is false when no digit exists (such numbers are never issued).
func CheckDigit(first11 string) (digit int, ok bool) {
	sum := func(w func(i int) int) int {
		total := 0
		for i := 0; i < 11; i++ {
			total += int(first11[i]-'0') * w(i)
		}
		return total % 11
	}
	c := sum(func(i int) int { return i + 1 })
	if c == 10 {
		c = sum(func(i int) int { return (i+2)%11 + 1 })
	}
	return c, c != 10
}

// ValidCheckDigit tells whether a 12-digit number's check digit is right.
func ValidCheckDigit(n string) bool {
	if len(n) != 12 || !allDigits(n) {
		return false
	}
	c, ok := CheckDigit(n[:11])
	return ok && c == int(n[11]-'0')
}

// BirthDate decodes the birth date the IIN's digits suggest. Since 2013 the
// digits are not guaranteed to match: treat the result as a hint.
func (n IIN) BirthDate() (time.Time, bool) {
	if len(n) != 12 {
		return time.Time{}, false
	}
	century := map[byte]int{'1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000}[n[6]]
	if century == 0 {
		return time.Time{}, false
	}
	t, err := time.Parse("060102", string(n[:6]))
	if err != nil {
		return time.Time{}, false
	}
	return Date(century+t.Year()%100, t.Month(), t.Day()), true
}

// Sex decodes the sex the IIN's 7th digit suggests: odd is male.
func (n IIN) Sex() string {
	if len(n) != 12 || n[6] < '1' || n[6] > '6' {
		return ""
	}
	if (n[6]-'0')%2 == 1 {
		return Male
	}
	return Female
}

// MakeIIN builds a valid IIN from a birth date, sex and serial (0–9999);
// ok is false when that serial has no check digit.
func MakeIIN(birth time.Time, sex string, serial int) (IIN, bool) {
	d := (birth.Year()/100-18)*2 + 1
	if sex == Female {
		d++
	}
	first := fmt.Sprintf("%s%d%04d", birth.Format("060102"), d, serial%10000)
	c, ok := CheckDigit(first)
	return IIN(first + string(rune('0'+c))), ok
}

// MakeBIN builds a valid BIN of a resident legal entity's head office
// registered in the given year and month.
func MakeBIN(reg time.Time, kind byte, serial int) (BIN, bool) {
	first := fmt.Sprintf("%s%c0%05d", reg.Format("0601"), kind, serial%100000)
	c, ok := CheckDigit(first)
	return BIN(first + string(rune('0'+c))), ok
}
