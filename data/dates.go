package data

import (
	"database/sql"
	"time"
)

// DateLayout is how dates are stored: ISO, so they sort as text.
const DateLayout = "2006-01-02"

// Day returns the date t falls on, at midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Date builds a day-precision date.
func Date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dateText(t time.Time) string { return t.Format(DateLayout) }

// nullDate stores the zero time as NULL.
func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dateText(t)
}

func parseDate(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func parseNullDate(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	return parseDate(s.String)
}
