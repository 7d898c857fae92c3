package tanggal

import (
	"fmt"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// When is a moment as written: its day, and its time of day if one was
// given (midnight otherwise).
type When struct {
	Time    time.Time
	HasTime bool
}

// Error says why a date could not be read, and the date meant when that
// can be guessed.
type Error struct {
	Input string
	// Reason says what is impossible about a date in a readable form
	// ("February 2020 has 29 days"); "" when the form is not one pkpm
	// reads.
	Reason string
	// Guess is the date probably meant, written the way pkpm reads it; ""
	// when there is none.
	Guess string
	// Relative says whether words like "besok" would have been read.
	Relative bool
}

// Forms are examples of the forms Parse reads, for messages.
const Forms = `"2020-08-05 19:00", "2020-08-05 19.00 WIB", "5 Agustus 2020 19.00", "5 Agu 2020"`

// RelativeForms are the forms only ParseFrom reads.
const RelativeForms = `"hari ini", "besok 19.00", "lusa", "Rabu"`

func (e *Error) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("date %q is not a real date (%s); write it as YYYY-MM-DD HH:MM", e.Input, e.Reason)
	}
	msg := fmt.Sprintf("date %q is not in a form pkpm reads", e.Input)
	if e.Guess != "" {
		msg += fmt.Sprintf(" — did you mean %q?", e.Guess)
	}
	forms := Forms
	if e.Relative {
		forms += ", " + RelativeForms
	}
	return msg + `; write it as YYYY-MM-DD HH:MM, like "2020-08-05 19:00", or as one of ` + forms
}

// Parse reads a date in one of the written forms: "2020-08-05",
// "2020-08-05 19:00" (or 19.00, "T19:00", with seconds), an offset
// ("Z", "+07:00") or zone (WIB, WITA, WIT, UTC) after the time, and
// "5 Agustus 2020" or "5 Agu 2020" with an optional weekday before and
// time after ("Rabu, 5 Agustus 2020, 19.00 WIB", as pkpm prints it).
// Without a zone the date is in loc (UTC when nil); with one, it is that
// instant shown in loc.
func Parse(s string, loc *time.Location) (When, error) {
	if loc == nil {
		loc = time.UTC
	}
	return parse(s, time.Time{}, loc)
}

// ParseFrom is Parse that also reads days counted from now, in now's
// location: "hari ini" (today), "besok" (tomorrow), "lusa" (the day
// after), a weekday ("Rabu": the next Wednesday after today), each with
// an optional time ("besok 19.00").
func ParseFrom(s string, now time.Time) (When, error) {
	return parse(s, now, now.Location())
}

func parse(s string, now time.Time, loc *time.Location) (When, error) {
	w, reason, ok := read(s, now, loc)
	if ok {
		return w, nil
	}
	e := &Error{Input: strings.TrimSpace(s), Reason: reason, Relative: !now.IsZero()}
	if reason == "" {
		e.Guess = guess(s, now, loc)
	}
	return When{}, e
}

func read(s string, now time.Time, loc *time.Location) (When, string, bool) {
	p := &parser{toks: tokens(s), now: now, loc: loc}
	return p.read()
}

// tokens splits a date into lower-case words; commas only separate.
func tokens(s string) []string {
	return strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " ")))
}

type parser struct {
	toks []string
	i    int
	now  time.Time
	loc  *time.Location
}

func (p *parser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

// fields are the numbers of a date as written, before any range check,
// so that "2020-02-30" is explained instead of silently normalised.
type fields struct {
	year, month, day     int
	hour, minute, second int
	nanos                int
	hasTime, hasZone     bool
	offset               int // seconds east of UTC
	weekday              time.Weekday
	hasWeekday           bool
}

// read parses the tokens; reason is set when the form is right but the
// date impossible.
func (p *parser) read() (w When, reason string, ok bool) {
	var f fields
	if wd, isDay := weekdayNames[p.peek()]; isDay {
		f.weekday, f.hasWeekday = wd, true
		p.i++
	}
	dated := p.isoDate(&f) || p.writtenDate(&f) || p.relativeDay(&f)
	if !dated {
		return w, "", false
	}
	if p.peek() == "pukul" || p.peek() == "jam" || p.peek() == "pkl" || p.peek() == "pkl." || p.peek() == "at" {
		p.i++
		if !p.clock(&f) {
			return w, "", false
		}
	} else if !f.hasTime && p.peek() != "" && !p.clock(&f) {
		return w, "", false
	}
	if f.hasTime && !f.hasZone && p.peek() != "" {
		if !zone(p.peek(), &f) {
			return w, "", false
		}
		p.i++
	}
	if p.peek() != "" {
		return w, "", false
	}
	if reason := f.impossible(); reason != "" {
		return w, reason, false
	}
	zoneLoc := p.loc
	if f.hasZone {
		zoneLoc = time.FixedZone("", f.offset)
	}
	t := time.Date(f.year, time.Month(f.month), f.day, f.hour, f.minute, f.second, f.nanos, zoneLoc)
	if f.hasWeekday && t.Weekday() != f.weekday {
		return w, fmt.Sprintf("%d %s %d is a %s, not a %s", f.day, Month(time.Month(f.month)), f.year, Weekday(t.Weekday()), Weekday(f.weekday)), false
	}
	return When{Time: t.In(p.loc), HasTime: f.hasTime}, "", true
}

// isoDate reads "2020-08-05", optionally with "T19:00..." in the same
// word.
func (p *parser) isoDate(f *fields) bool {
	tok := p.peek()
	date, clock, hasClock := strings.Cut(tok, "t")
	parts := strings.Split(date, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || !number(parts[0], &f.year) ||
		len(parts[1]) > 2 || !number(parts[1], &f.month) || len(parts[2]) > 2 || !number(parts[2], &f.day) {
		return false
	}
	p.i++
	if hasClock {
		return clockWord(clock, f)
	}
	return true
}

// writtenDate reads "5 Agustus 2020" or "5 Agu 2020"; with a now, the
// year may be left out (the next such day).
func (p *parser) writtenDate(f *fields) bool {
	if p.i+1 >= len(p.toks) {
		return false
	}
	m, isMonth := monthNames[p.toks[p.i+1]]
	if len(p.toks[p.i]) > 2 || !number(p.toks[p.i], &f.day) || !isMonth {
		return false
	}
	f.month = int(m)
	p.i += 2
	if y := p.peek(); len(y) == 4 && number(y, &f.year) {
		p.i++
		return true
	}
	if p.now.IsZero() {
		return false
	}
	f.year = p.now.Year()
	if today := p.now; f.month < int(today.Month()) || f.month == int(today.Month()) && f.day < today.Day() {
		f.year++
	}
	return true
}

// relativeDay reads "hari ini", "besok", "lusa" or a weekday alone,
// counted from now.
func (p *parser) relativeDay(f *fields) bool {
	if p.now.IsZero() {
		return false
	}
	offset := -1
	switch tok := p.peek(); {
	case tok == "hari" && p.i+1 < len(p.toks) && p.toks[p.i+1] == "ini":
		offset, p.i = 0, p.i+2
	case tok == "today" || tok == "sekarang":
		offset, p.i = 0, p.i+1
	case tok == "besok" || tok == "tomorrow":
		offset, p.i = 1, p.i+1
	case tok == "lusa":
		offset, p.i = 2, p.i+1
	case f.hasWeekday:
		offset = (int(f.weekday)-int(p.now.Weekday())+6)%7 + 1
		f.hasWeekday = false
	default:
		return false
	}
	if f.hasWeekday {
		return false // "Rabu besok" says two things
	}
	d := p.now.AddDate(0, 0, offset)
	f.year, f.month, f.day = d.Year(), int(d.Month()), d.Day()
	return true
}

// clock reads the next word as a time of day.
func (p *parser) clock(f *fields) bool {
	if !clockWord(p.peek(), f) {
		return false
	}
	p.i++
	return true
}

// clockWord reads "19:00", "19.00", "19:00:30", "19:00:30.5", each
// optionally followed by an offset ("Z", "+07:00", "+0700").
func clockWord(s string, f *fields) bool {
	sep := strings.IndexAny(s, ":.")
	if sep < 1 || sep > 2 || !number(s[:sep], &f.hour) || len(s) < sep+3 || !number(s[sep+1:sep+3], &f.minute) {
		return false
	}
	rest := s[sep+3:]
	if len(rest) >= 3 && rest[0] == s[sep] {
		if !number(rest[1:3], &f.second) {
			return false
		}
		rest = rest[3:]
		if s[sep] == ':' && strings.HasPrefix(rest, ".") {
			n := 1
			for n < len(rest) && n <= 9 && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n == 1 || !fraction(rest[1:n], &f.nanos) {
				return false
			}
			rest = rest[n:]
		}
	}
	f.hasTime = true
	return rest == "" || zone(rest, f)
}

// zone reads a zone name or an offset.
func zone(s string, f *fields) bool {
	if off, ok := zoneOffsets[s]; ok {
		f.offset, f.hasZone = off, true
		return true
	}
	if len(s) < 3 || s[0] != '+' && s[0] != '-' {
		return false
	}
	sign, digits := 1, strings.ReplaceAll(s[1:], ":", "")
	if s[0] == '-' {
		sign = -1
	}
	var h, m int
	switch {
	case len(digits) == 2 && number(digits, &h):
	case len(digits) == 4 && number(digits[:2], &h) && number(digits[2:], &m) && strings.Count(s, ":") <= 1 && (len(s) == 5 || s[3] == ':'):
	default:
		return false
	}
	if h > 23 || m > 59 {
		f.hour = 99 // impossible: reported as such
	}
	f.offset, f.hasZone = sign*(h*3600+m*60), true
	return true
}

func (f fields) impossible() string {
	switch {
	case f.month < 1 || f.month > 12:
		return fmt.Sprintf("there is no month %d", f.month)
	case f.day < 1:
		return "days start at 1"
	case f.day > daysIn(f.year, f.month):
		return fmt.Sprintf("%s %d has %d days", time.Month(f.month), f.year, daysIn(f.year, f.month))
	case f.hour == 99:
		return "time zone offsets go up to 23:59"
	case f.hour > 23:
		return "hours go from 00 to 23"
	case f.minute > 59:
		return "minutes go from 00 to 59"
	case f.second > 59:
		return "seconds go from 00 to 59"
	}
	return ""
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// number reads s, all ASCII digits, into v.
func number(s string, v *int) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	*v = n
	return true
}

func fraction(s string, nanos *int) bool {
	if !number(s, nanos) {
		return false
	}
	for range 9 - len(s) {
		*nanos *= 10
	}
	return true
}

var zoneOffsets = map[string]int{
	"wib": 7 * 3600, "wita": 8 * 3600, "wit": 9 * 3600,
	"utc": 0, "gmt": 0, "z": 0,
}

// monthNames are the months as people write them: Indonesian and English,
// full and short.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"agt": time.August, "ags": time.August, "agus": time.August, "sept": time.September, "nop": time.November, "nopember": time.November, "pebruari": time.February}
	for i := time.January; i <= time.December; i++ {
		for _, name := range []string{Month(i), ShortMonth(i), i.String(), i.String()[:3]} {
			m[strings.ToLower(name)] = i
		}
	}
	return m
}()

// weekdayNames are the days as people write them: Indonesian and English,
// full and short.
var weekdayNames = func() map[string]time.Weekday {
	m := map[string]time.Weekday{"jum'at": time.Friday, "jumaat": time.Friday, "ahad": time.Sunday}
	for d := time.Sunday; d <= time.Saturday; d++ {
		for _, name := range []string{Weekday(d), ShortWeekday(d), d.String(), d.String()[:3]} {
			m[strings.ToLower(name)] = d
		}
	}
	return m
}()

// guess rewrites a date in a form pkpm does not read into one it does,
// for "did you mean": slashes or dots for hyphens ("2020/08/05"), the day
// first ("05-08-2020", as Indonesian writes it), a month name misspelt.
func guess(s string, now time.Time, loc *time.Location) string {
	toks := tokens(s)
	if len(toks) == 0 {
		return ""
	}
	var candidates []string
	if parts := strings.FieldsFunc(toks[0], func(r rune) bool { return r == '/' || r == '.' || r == '-' }); len(parts) == 3 {
		rest := strings.Join(toks[1:], " ")
		a, b, c := parts[0], parts[1], parts[2]
		if len(a) == 4 {
			candidates = append(candidates, a+"-"+b+"-"+c+" "+rest)
		} else if len(c) == 4 {
			candidates = append(candidates, c+"-"+b+"-"+a+" "+rest)
		}
	}
	for i, t := range toks {
		if _, ok := monthNames[t]; ok || !isWord(t) {
			continue
		}
		if m := closest(t); m != "" {
			fixed := append(append(append([]string(nil), toks[:i]...), m), toks[i+1:]...)
			candidates = append(candidates, strings.Join(fixed, " "))
		}
	}
	for _, c := range candidates {
		if w, _, ok := read(c, now, loc); ok {
			if w.HasTime {
				return w.Time.Format("2006-01-02 15:04")
			}
			return w.Time.Format("2006-01-02")
		}
	}
	return ""
}

func isWord(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(s) >= 3
}

// closest is the month name s is probably a slip for, or "".
func closest(s string) string {
	names := make([]string, 12)
	for i := range names {
		names[i] = strings.ToLower(Month(time.Month(i + 1)))
	}
	return diag.Suggest(s, names)
}
