package calendar

import (
	"fmt"
	"time"
)

// Day is a date on the wall calendar, without a time or a zone: the unit
// of blackout days, the period and "posts per day".
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// DayOf is the date of t in t's location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day{y, m, d}
}

// IsZero reports whether d is unset.
func (d Day) IsZero() bool { return d == Day{} }

// At is the moment hour:minute of d in loc.
func (d Day) At(hour, minute int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc)
}

// Add is the day n days after d.
func (d Day) Add(n int) Day {
	return DayOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Weekday is the day of the week of d.
func (d Day) Weekday() time.Weekday { return d.noon().Weekday() }

// Sub is the number of days from e to d.
func (d Day) Sub(e Day) int { return int(d.noon().Sub(e.noon()).Hours() / 24) }

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return d.noon().Before(e.noon()) }

// After reports whether d comes after e.
func (d Day) After(e Day) bool { return e.Before(d) }

// noon in UTC has no daylight-saving gaps, so day arithmetic is exact.
func (d Day) noon() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// String is the ISO form: "2020-08-17".
func (d Day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }
