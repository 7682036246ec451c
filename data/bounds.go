package data

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// The bounds of sane values: past them a value is a typo or an attack, and
// sums of them would overflow.
const (
	// MaxDonationTenge is the largest donation: 10^12 ₸. A million of them
	// still sum within int64.
	MaxDonationTenge int64 = 1_000_000_000_000
	// MaxQuantity is the most items of one kind in one record.
	MaxQuantity = 1_000_000
	// MaxNameChars is the longest name of a person or an organisation.
	MaxNameChars = 200
	// MinBirthYear is the earliest birth year of a child of the campaign;
	// the latest is next year.
	MinBirthYear = 1990
)

// checkName refuses a name with control characters (a NUL, a line break)
// or longer than MaxNameChars.
func checkName(field, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxNameChars {
		return invalid(field, fmt.Sprintf("%.80s…", s), "err.name.too_long")
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return invalid(field, fmt.Sprintf("%q", s), "err.name.control")
		}
	}
	return nil
}
