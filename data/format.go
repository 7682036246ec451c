package data

import (
	"strconv"
	"strings"
	"time"
)

// The office's number and date formats (domain notes, «Formats»), shared by
// the screens and the documents.

// FormatNumber writes n with a space between thousands: 1 250 000.
func FormatNumber(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatTenge writes an amount as «1 250 000 ₸».
func FormatTenge(n int64) string { return FormatNumber(n) + " ₸" }

// FormatDate writes dd.MM.yyyy.
func FormatDate(t time.Time) string { return t.Format("02.01.2006") }
