package data

import "time"

// Contains tells whether day falls within the campaign, its first and last
// days included. A campaign without dates contains every day.
func (c Campaign) Contains(day time.Time) bool {
	d := Day(day)
	return (c.StartsOn.IsZero() || !d.Before(Day(c.StartsOn))) && (c.EndsOn.IsZero() || !d.After(Day(c.EndsOn)))
}

// DefaultDay is the day new donations, distributions, purchases and
// appeals of the campaign are dated, and the day ages are counted on:
// today while it runs, else its last day (a clerk entering the 2019
// campaign's papers in 2026 means 2019).
func (c Campaign) DefaultDay(today time.Time) time.Time {
	if c.Contains(today) || c.EndsOn.IsZero() {
		return Day(today)
	}
	return Day(c.EndsOn)
}
