package exchange

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mektepkezhol/app/data"
)

// Message keys of the normalisers; messages.go words them in kk and ru.
const (
	KeyIINDigits     = data.KeyDigits
	KeyIINChecksum   = data.KeyChecksum
	KeyAmount        = "err.import.amount"
	KeyDate          = "err.import.date"
	KeyGrade         = "err.import.grade"
	KeyPhone         = "warn.import.phone"
	KeyCategory      = "err.import.category"
	KeyRequired      = "err.required"
	KeySchool        = "err.import.school"
	KeyCampaign      = "err.import.campaign"
	KeySex           = "err.import.sex"
	KeyDuplicate     = "err.import.duplicate"
	KeyBirthMismatch = "warn.iin.birth_date"
	KeySexMismatch   = "warn.iin.sex"
	KeyEmail         = "err.email"
	KeySponsorKind   = "err.sponsor.kind"
	KeyBINRequired   = "err.sponsor.bin_required"
)

// NormalizeIIN reads an IIN or BIN as a spreadsheet holds it: spaces and
// dashes removed, a number written as 6.1211600012E+10 or 61211600012.0
// read back, a lost leading zero restored; it checks the check digit.
func NormalizeIIN(s string) (string, error) {
	t := strings.TrimSpace(s)
	if strings.ContainsAny(t, "eE") || strings.HasSuffix(t, ".0") {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", "."), 64); err == nil &&
			f >= 1 && f < 1e12 && f == math.Trunc(f) {
			t = strconv.FormatInt(int64(f), 10)
		}
	}
	n := data.NormalizeID(t)
	if len(n) != 12 || strings.Trim(n, "0123456789") != "" {
		return "", &data.ValidationError{Field: "iin", Value: s, Key: KeyIINDigits}
	}
	if !data.ValidCheckDigit(n) {
		return "", &data.ValidationError{Field: "iin", Value: s, Key: KeyIINChecksum}
	}
	return n, nil
}

// currencyWords are dropped from amounts: «150 000 тг», «1 500 000 ₸».
var currencyWords = strings.NewReplacer("теңге", "", "тенге", "", "тг.", "", "тг", "", "₸", "", "kzt", "",
	"т.", "", "\u00a0", "", "\u202f", "", " ", "", "'", "")

// ParseAmount reads an amount of tenge as people write it: «150 000»,
// «150 000 тг», «1 500 000,00», «1,500,000.50», 1.5E5. Tiyn are rounded to
// the nearest tenge. Negative, empty and unreadable amounts are errors.
func ParseAmount(s string) (int64, error) {
	bad := &data.ValidationError{Field: "amount", Value: s, Key: KeyAmount}
	t := currencyWords.Replace(strings.ToLower(strings.TrimSpace(s)))
	if t == "" || len(t) > 40 {
		return 0, bad
	}
	if strings.ContainsAny(t, "eE") {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || f < 0 || f > float64(data.MaxDonationTenge) || math.IsNaN(f) {
			return 0, bad
		}
		return int64(math.Round(f)), nil
	}
	intPart, frac := splitDecimal(t)
	if intPart == "" || strings.Trim(intPart, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return 0, bad
	}
	if len(intPart) > 15 {
		return 0, bad
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || n > data.MaxDonationTenge {
		return 0, bad
	}
	if frac != "" && frac[0] >= '5' {
		n++
	}
	return n, nil
}

// splitDecimal tells the decimal separator from the thousands separators:
// the last of «,» and «.» when both appear; a lone one followed by one or
// two digits; otherwise every «,» and «.» groups thousands.
func splitDecimal(t string) (intPart, frac string) {
	last := strings.LastIndexAny(t, ",.")
	if last < 0 {
		return t, ""
	}
	sep := t[last]
	other := byte(',')
	if sep == ',' {
		other = '.'
	}
	decimal := strings.IndexByte(t, other) >= 0 ||
		(strings.Count(t, string(sep)) == 1 && len(t)-last-1 <= 2 && len(t)-last-1 >= 1)
	if decimal && strings.Count(t, string(sep)) > 1 {
		return "", ""
	}
	if !decimal {
		return thousands(t), ""
	}
	return thousands(t[:last]), t[last+1:]
}

// thousands joins digits grouped by «,» or «.» in threes («1,500,000»),
// or returns "" for any other grouping («1,5,6» is no number).
func thousands(t string) string {
	groups := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == '.' })
	if len(groups) != strings.Count(t, ",")+strings.Count(t, ".")+1 {
		return "" // an empty group: «1,,000», «,5»
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 || i == 0 && len(g) > 3 && len(groups) > 1 {
			return ""
		}
	}
	return strings.Join(groups, "")
}

// excelEpoch is day 0 of Excel's serial dates (the 1900 leap-year bug
// included, valid from 1 March 1900 on).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ParseDate reads a date from an Excel serial number (43709) or from text:
// dd.mm.yyyy, d.m.yy, dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd.
func ParseDate(s string) (time.Time, error) {
	bad := &data.ValidationError{Field: "date", Value: s, Key: KeyDate}
	t := strings.TrimSpace(s)
	if t == "" {
		return time.Time{}, bad
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		// Serials before 1950 are more likely a year or a typo than a date;
		// NaN compares false with both bounds, so it is refused by name.
		if math.IsNaN(f) || f < 18264 || f > 2958465 {
			return time.Time{}, bad
		}
		return excelEpoch.AddDate(0, 0, int(f)), nil
	}
	if d, err := time.Parse("2006-01-02", strings.Fields(t)[0]); err == nil {
		return d, nil
	}
	parts := strings.FieldsFunc(strings.Fields(t)[0], func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) != 3 {
		return time.Time{}, bad
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return time.Time{}, bad
		}
		n[i] = v
	}
	day, month, year := n[0], n[1], n[2]
	if len(parts[2]) <= 2 {
		// Two-digit years: children and documents of this century.
		year += 2000
		if year > time.Now().Year()+1 {
			year -= 100
		}
	}
	d := data.Date(year, time.Month(month), day)
	if month < 1 || month > 12 || d.Day() != day || year < 1900 || year > 2100 {
		return time.Time{}, bad
	}
	return d, nil
}

// latinLookalikes turns Latin letters typed for Cyrillic class letters into
// the Cyrillic ones: «5 A» and «5 А» are one class.
var latinLookalikes = strings.NewReplacer("A", "А", "B", "В", "C", "С", "E", "Е", "K", "К", "M", "М",
	"H", "Н", "O", "О", "P", "Р", "T", "Т", "X", "Х")

// ParseGrade reads a class as schools write it: «5 А», «5А», «5-а»,
// «5 "а"», «5 сынып», «5 класс» → 5, «А». A bare letter is an error.
func ParseGrade(s string) (grade int, letter string, err error) {
	bad := &data.ValidationError{Field: "grade", Value: s, Key: KeyGrade}
	t := strings.ToLower(strings.TrimSpace(s))
	for _, w := range []string{"сыныбы", "сынып", "класса", "класс", "кл."} {
		t = strings.ReplaceAll(t, w, " ")
	}
	t = strings.TrimSuffix(strings.TrimSpace(t), "кл")
	if f, err := strconv.ParseFloat(t, 64); err == nil && f == math.Trunc(f) && f >= 0 && f < 100 {
		t = strconv.Itoa(int(f)) // 5.0 from a numeric cell
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return 0, "", bad
	}
	grade, _ = strconv.Atoi(t[:i])
	rest := strings.TrimFunc(t[i:], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–«»\"'()«».,/", r)
	})
	if grade < 1 || grade > 11 || len([]rune(rest)) > 1 {
		return 0, "", bad
	}
	if rest != "" && !unicode.IsLetter([]rune(rest)[0]) {
		return 0, "", bad
	}
	return grade, latinLookalikes.Replace(strings.ToUpper(rest)), nil
}

// NormalizePhone writes a Kazakhstan phone number as +7 XXX XXX XX XX.
// ok is false when the digits are not a full number (a six-digit city
// number, a typo); the caller keeps the text as written and warns.
func NormalizePhone(s string) (string, bool) {
	var d []byte
	for _, r := range s {
		if r >= '0' && r <= '9' {
			d = append(d, byte(r))
		}
	}
	if len(d) == 11 && (d[0] == '8' || d[0] == '7') {
		d = d[1:]
	}
	if len(d) != 10 {
		return strings.TrimSpace(s), false
	}
	return "+7 " + string(d[0:3]) + " " + string(d[3:6]) + " " + string(d[6:8]) + " " + string(d[8:10]), true
}

// ParseSex reads М/Ер/Ұл/Male as data.Male and Ж/Әйел/Қыз/Female as data.Female.
func ParseSex(s string) (string, bool) {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(s), "."))
	switch t {
	case "":
		return "", true
	case "м", "муж", "мужской", "ер", "ұл", "ер бала", "m", "male":
		return data.Male, true
	case "ж", "жен", "женский", "әйел", "қыз", "қыз бала", "f", "female":
		return data.Female, true
	}
	return "", false
}
