package content

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// dateFix is the advice every date error ends with.
const dateFix = "write it as YYYY-MM-DD HH:MM"

// dateFields are the numbers of a date as written, before any range check,
// so that "2020-02-30" can be explained instead of silently normalised.
type dateFields struct {
	year, month, day     int
	hour, minute, second int
	nanos                int
	hasOffset            bool
	offsetSign           int // +1 east of UTC, -1 west
	offsetHour           int
	offsetMinute         int
}

// parseDate reads the date forms pkpm accepts: "2006-01-02", optionally
// followed by " 15:04" or "T15:04", optional seconds, and, only with a time,
// an RFC 3339 offset ("Z" or "+07:00"). Without an offset the date is in
// loc; with one, it is that instant shown in loc.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	f, ok := scanDate(s)
	if !ok {
		return time.Time{}, fmt.Errorf("date %q is not in a form pkpm reads; %s, like %q", s, dateFix, "2020-08-03 19:00")
	}
	if reason := f.impossible(); reason != "" {
		return time.Time{}, fmt.Errorf("date %q is not a real date (%s); %s", s, reason, dateFix)
	}
	if loc == nil {
		loc = time.UTC
	}
	zone := loc
	if f.hasOffset {
		zone = time.FixedZone("", f.offsetSign*(f.offsetHour*3600+f.offsetMinute*60))
	}
	t := time.Date(f.year, time.Month(f.month), f.day, f.hour, f.minute, f.second, f.nanos, zone)
	return t.In(loc), nil
}

func (f dateFields) impossible() string {
	switch {
	case f.month < 1 || f.month > 12:
		return fmt.Sprintf("there is no month %d", f.month)
	case f.day < 1:
		return "days start at 1"
	case f.day > daysIn(f.year, f.month):
		return fmt.Sprintf("%s %d has %d days", time.Month(f.month), f.year, daysIn(f.year, f.month))
	case f.hour > 23:
		return "hours go from 00 to 23"
	case f.minute > 59:
		return "minutes go from 00 to 59"
	case f.second > 59:
		return "seconds go from 00 to 59"
	case f.offsetHour > 23 || f.offsetMinute > 59:
		return "time zone offsets go up to 23:59"
	}
	return ""
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// scanDate splits s into its numbers, checking only the shape.
func scanDate(s string) (dateFields, bool) {
	var f dateFields
	sc := dateScanner{s: strings.TrimSpace(s)}
	if !sc.num(&f.year, 4) || !sc.lit('-') || !sc.num(&f.month, 2) || !sc.lit('-') || !sc.num(&f.day, 2) {
		return f, false
	}
	if sc.done() {
		return f, true
	}
	if !sc.lit(' ') && !sc.lit('T') && !sc.lit('t') {
		return f, false
	}
	if !sc.num(&f.hour, 2) || !sc.lit(':') || !sc.num(&f.minute, 2) {
		return f, false
	}
	if sc.lit(':') {
		if !sc.num(&f.second, 2) {
			return f, false
		}
		if sc.lit('.') && !sc.fraction(&f.nanos) {
			return f, false
		}
	}
	if sc.done() {
		return f, true
	}
	if !sc.offset(&f) {
		return f, false
	}
	return f, sc.done()
}

type dateScanner struct {
	s string
	i int
}

func (sc *dateScanner) done() bool { return sc.i == len(sc.s) }

func (sc *dateScanner) lit(c byte) bool {
	if sc.i < len(sc.s) && sc.s[sc.i] == c {
		sc.i++
		return true
	}
	return false
}

// num reads exactly width digits.
func (sc *dateScanner) num(v *int, width int) bool {
	if sc.i+width > len(sc.s) {
		return false
	}
	n := 0
	for _, c := range []byte(sc.s[sc.i : sc.i+width]) {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	*v = n
	sc.i += width
	return true
}

// fraction reads 1 to 9 digits of a second.
func (sc *dateScanner) fraction(nanos *int) bool {
	start, n := sc.i, 0
	for sc.i < len(sc.s) && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' && sc.i-start < 9 {
		n = n*10 + int(sc.s[sc.i]-'0')
		sc.i++
	}
	digits := sc.i - start
	if digits == 0 {
		return false
	}
	for range 9 - digits {
		n *= 10
	}
	*nanos = n
	return true
}

func (sc *dateScanner) offset(f *dateFields) bool {
	f.hasOffset, f.offsetSign = true, 1
	switch {
	case sc.lit('Z') || sc.lit('z'):
		return true
	case sc.lit('+'):
	case sc.lit('-'):
		f.offsetSign = -1
	default:
		return false
	}
	return sc.num(&f.offsetHour, 2) && sc.lit(':') && sc.num(&f.offsetMinute, 2)
}

func (d *metaDecoder) date(k, v *yaml.Node) error {
	d.meta.DateLine = d.line(k)
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		return d.errorf(k, "%q must be a date, like %q", "date", "date: 2020-08-03 19:00")
	}
	// The text as written, not YAML's reading of it: yaml.v3 takes
	// "2020-08-03" for midnight UTC rather than in the project timezone.
	t, err := parseDate(v.Value, d.loc)
	if err != nil {
		return diag.Errorf(d.file, d.line(v), "%s", err.Error())
	}
	d.meta.Date = t
	return nil
}
