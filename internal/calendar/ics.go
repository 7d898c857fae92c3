package calendar

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// ICSOptions say what the calendar file is called and when it was made.
type ICSOptions struct {
	Name   string    // the calendar's name in apps: "PKPM BTN 3 Way Halim"
	Domain string    // the right side of every event's UID: "pkpm.btn3"
	Stamp  time.Time // DTSTAMP: when the file is made
}

// EventLength is how long each post's event lasts in calendar apps.
const EventLength = 30 * time.Minute

// WriteICS writes an RFC 5545 iCalendar with one event per scheduled post:
// a UID that stays the same when the post moves (so a re-import updates
// the event), the time in the calendar's timezone with its VTIMEZONE,
// the title, and a description with the status, the slide count and the
// caption's first lines. Lines end in CRLF and fold at 75 octets.
func WriteICS(w io.Writer, c *Calendar, posts []Post, o ICSOptions) error {
	var events []Post
	for _, p := range posts {
		if p.Scheduled() {
			events = append(events, p)
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return earlier(events[i], events[j]) })
	bw := bufio.NewWriter(w)
	out := &icsWriter{w: bw}
	out.line("BEGIN:VCALENDAR")
	out.line("VERSION:2.0")
	out.line("PRODID:-//pkpm//posting calendar//ID")
	out.line("CALSCALE:GREGORIAN")
	out.line("METHOD:PUBLISH")
	if o.Name != "" {
		out.line("X-WR-CALNAME:" + escapeText(o.Name))
	}
	out.line("X-WR-TIMEZONE:" + c.Location.String())
	if len(events) > 0 {
		vtimezone(out, c.Location, events[0].Date, events[len(events)-1].Date.Add(EventLength))
	}
	domain := uidDomain(o.Domain)
	for _, p := range events {
		writeEvent(out, c, p, domain, o.Stamp)
	}
	out.line("END:VCALENDAR")
	if out.err != nil {
		return out.err
	}
	return bw.Flush()
}

func writeEvent(out *icsWriter, c *Calendar, p Post, domain string, stamp time.Time) {
	tzid := c.Location.String()
	local := "20060102T150405"
	start := p.Date.In(c.Location)
	out.line("BEGIN:VEVENT")
	out.line("UID:" + escapeText(p.Slug+"@"+domain))
	out.line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
	out.line("DTSTART;TZID=" + tzid + ":" + start.Format(local))
	out.line("DTEND;TZID=" + tzid + ":" + start.Add(EventLength).Format(local))
	out.line("SUMMARY:" + escapeText(p.Title))
	out.line("DESCRIPTION:" + escapeText(description(p)))
	if p.Pillar != "" {
		out.line("CATEGORIES:" + escapeText(p.Pillar))
	}
	status := "TENTATIVE"
	if p.Status == "ready" || p.Status == "published" {
		status = "CONFIRMED"
	}
	out.line("STATUS:" + status)
	if p.URL != "" {
		out.line("URL:" + p.URL)
	}
	out.line("END:VEVENT")
}

// description is what the event says: the status, the slides, the file,
// the link once posted, then the caption's first lines.
func description(p Post) string {
	slides := "not built"
	if p.Slides >= 0 {
		slides = fmt.Sprint(p.Slides)
	}
	lines := []string{"Status: " + p.Status, "Slides: " + slides, "File: " + p.File}
	if p.URL != "" {
		lines = append(lines, "Link: "+p.URL)
	}
	if caption := p.CaptionLines(3); len(caption) > 0 {
		lines = append(lines, "")
		lines = append(lines, caption...)
	}
	return strings.Join(lines, "\n")
}

// uidDomain keeps what a UID's right side may hold.
func uidDomain(s string) string {
	s = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "@"))
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, s)
	if s == "" {
		return "pkpm"
	}
	return s
}

// vtimezone describes loc's offsets from the one in force at from until
// to, each change as its own observance: exact for any zone, and for
// Asia/Jakarta a single STANDARD of +0700.
func vtimezone(out *icsWriter, loc *time.Location, from, to time.Time) {
	out.line("BEGIN:VTIMEZONE")
	out.line("TZID:" + loc.String())
	t := from.In(loc)
	for range 1000 {
		name, offset := t.Zone()
		start, end := t.ZoneBounds()
		prev := offset
		onset := "19700101T000000"
		if !start.IsZero() {
			_, prev = start.Add(-time.Second).Zone()
			onset = start.In(time.FixedZone("", prev)).Format("20060102T150405")
		}
		kind := "STANDARD"
		if t.IsDST() {
			kind = "DAYLIGHT"
		}
		out.line("BEGIN:" + kind)
		out.line("DTSTART:" + onset)
		out.line("TZOFFSETFROM:" + formatOffset(prev))
		out.line("TZOFFSETTO:" + formatOffset(offset))
		out.line("TZNAME:" + escapeText(name))
		out.line("END:" + kind)
		if end.IsZero() || end.After(to) {
			break
		}
		t = end
	}
	out.line("END:VTIMEZONE")
}

func formatOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

// escapeText escapes an RFC 5545 TEXT value: backslash, semicolon, comma
// and newlines; other control characters are dropped.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsWriter writes content lines folded at 75 octets, never inside a
// UTF-8 sequence, each ending in CRLF.
type icsWriter struct {
	w   *bufio.Writer
	err error
}

const maxLineOctets = 75

func (x *icsWriter) line(s string) {
	if x.err != nil {
		return
	}
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		x.write(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	x.write(s + "\r\n")
}

func (x *icsWriter) write(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}
