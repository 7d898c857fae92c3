package tanggal

import (
	"fmt"
	"time"
	"unicode"
)

var (
	days       = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	shortDays  = [...]string{"Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"}
	months     = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	shortMonth = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
)

// Weekday is the Indonesian name of a day: "Senin".
func Weekday(d time.Weekday) string { return days[d%7] }

// ShortWeekday is the three-letter name of a day: "Sen".
func ShortWeekday(d time.Weekday) string { return shortDays[d%7] }

// Month is the Indonesian name of a month: "Agustus".
func Month(m time.Month) string { return months[(m+11)%12] }

// ShortMonth is the three-letter name of a month: "Agu".
func ShortMonth(m time.Month) string { return shortMonth[(m+11)%12] }

// MonthYear is "Agustus 2020".
func MonthYear(t time.Time) string { return fmt.Sprintf("%s %d", Month(t.Month()), t.Year()) }

// Date is "Senin, 3 Agustus 2020", in t's location.
func Date(t time.Time) string {
	return fmt.Sprintf("%s, %d %s %d", Weekday(t.Weekday()), t.Day(), Month(t.Month()), t.Year())
}

// Clock is the time of day with a dot, as Indonesian writes it: "19.00".
func Clock(t time.Time) string { return fmt.Sprintf("%02d.%02d", t.Hour(), t.Minute()) }

// DateTime is "Senin, 3 Agustus 2020, 19.00 WIB".
func DateTime(t time.Time) string { return Date(t) + ", " + Clock(t) + " " + Zone(t) }

// Short is "Sen, 3 Agu 2020 19.00", for tables and narrow columns.
func Short(t time.Time) string {
	return fmt.Sprintf("%s, %d %s %d %s", ShortWeekday(t.Weekday()), t.Day(), ShortMonth(t.Month()), t.Year(), Clock(t))
}

// Zone names t's offset: the zone's own abbreviation when it has one
// ("WIB", "WITA", "WIT", "CEST"), else "UTC+7", "UTC+5.30" or "UTC".
func Zone(t time.Time) string {
	name, off := t.Zone()
	if isAbbreviation(name) {
		return name
	}
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d.%02d", sign, h, m)
}

// isAbbreviation tells a real zone name from the "+07" tzdata gives zones
// without one.
func isAbbreviation(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
