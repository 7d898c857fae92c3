package calendar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dayNames maps every accepted day name, Indonesian and English, full and
// short, to its weekday.
var dayNames = map[string]time.Weekday{
	"senin": time.Monday, "sen": time.Monday, "monday": time.Monday, "mon": time.Monday,
	"selasa": time.Tuesday, "sel": time.Tuesday, "tuesday": time.Tuesday, "tue": time.Tuesday,
	"rabu": time.Wednesday, "rab": time.Wednesday, "wednesday": time.Wednesday, "wed": time.Wednesday,
	"kamis": time.Thursday, "kam": time.Thursday, "thursday": time.Thursday, "thu": time.Thursday,
	"jumat": time.Friday, "jum'at": time.Friday, "jumaat": time.Friday, "jum": time.Friday, "friday": time.Friday, "fri": time.Friday,
	"sabtu": time.Saturday, "sab": time.Saturday, "saturday": time.Saturday, "sat": time.Saturday,
	"minggu": time.Sunday, "ahad": time.Sunday, "min": time.Sunday, "sunday": time.Sunday, "sun": time.Sunday,
}

// everyDay are the words that open a slot on all seven days.
var everyDay = map[string]bool{"setiap hari": true, "tiap hari": true, "daily": true, "every day": true}

// fullDayNames are what suggestions offer.
var fullDayNames = []string{"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

func parseWeekday(s string) (time.Weekday, bool) {
	d, ok := dayNames[strings.ToLower(strings.TrimSpace(s))]
	return d, ok
}

var clockRE = regexp.MustCompile(`^(\d{1,2})[:.](\d{2})$`)

// parseClock reads "19:00" or "19.00"; the reason says what is wrong.
func parseClock(s string) (hour, minute int, reason string) {
	m := clockRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0, "not a time of day"
	}
	hour, _ = strconv.Atoi(m[1])
	minute, _ = strconv.Atoi(m[2])
	switch {
	case hour > 23:
		return 0, 0, "hours go from 00 to 23"
	case minute > 59:
		return 0, 0, "minutes go from 00 to 59"
	}
	return hour, minute, ""
}

var dayRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// parseDay reads "2020-08-17"; the reason says what is wrong.
func parseDay(s string) (Day, string) {
	s = strings.TrimSpace(s)
	m := dayRE.FindStringSubmatch(s)
	if m == nil {
		if len(s) > 10 && dayRE.MatchString(s[:10]) {
			return Day{}, "a whole day has no time; leave the time out"
		}
		return Day{}, "not a date"
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return Day{}, fmt.Sprintf("there is no month %d", mo)
	}
	if d < 1 {
		return Day{}, "days start at 1"
	}
	if n := daysIn(y, time.Month(mo)); d > n {
		return Day{}, fmt.Sprintf("%s %d has %d days", time.Month(mo), y, n)
	}
	return Day{y, time.Month(mo), d}, ""
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var durationPartRE = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*([a-z]+)`)

var durationUnits = map[string]time.Duration{
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour, "hari": 24 * time.Hour,
	"h": time.Hour, "hour": time.Hour, "hours": time.Hour, "jam": time.Hour,
	"m": time.Minute, "min": time.Minute, "minute": time.Minute, "minutes": time.Minute, "menit": time.Minute,
}

// parseDuration reads "24h", "2d", "1d12h", "36 jam", "2 hari" or "0".
func parseDuration(s string) (time.Duration, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "0" {
		return 0, true
	}
	parts := durationPartRE.FindAllStringSubmatchIndex(s, -1)
	if len(parts) == 0 {
		return 0, false
	}
	var total time.Duration
	pos := 0
	for _, p := range parts {
		if strings.TrimSpace(s[pos:p[0]]) != "" {
			return 0, false
		}
		n, err := strconv.ParseFloat(s[p[2]:p[3]], 64)
		unit, ok := durationUnits[s[p[4]:p[5]]]
		if err != nil || !ok || n > 1e5 {
			return 0, false
		}
		total += time.Duration(n * float64(unit))
		pos = p[1]
	}
	return total, strings.TrimSpace(s[pos:]) == ""
}

// formatDuration writes a duration the way calendar.yaml takes it.
func formatDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d%(24*time.Hour) == 0 && d >= 48*time.Hour:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}

// humanDuration says how long d is, roughly: "45 minutes", "10 hours",
// "3 days".
func humanDuration(d time.Duration) string {
	switch {
	case d < time.Hour:
		n := int(d.Round(time.Minute) / time.Minute)
		return fmt.Sprintf("%d %s", n, plural(n, "minute"))
	case d < 48*time.Hour:
		n := int(d.Round(time.Hour) / time.Hour)
		return fmt.Sprintf("%d %s", n, plural(n, "hour"))
	}
	n := int(d.Round(24*time.Hour) / (24 * time.Hour))
	return fmt.Sprintf("%d days", n)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

var percentRE = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*%?$`)

// parsePercent reads "50%" or "50".
func parsePercent(s string) (float64, bool) {
	m := percentRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	return v, err == nil && v <= 100
}
