package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

func icsPosts() []Post {
	a := post("cuci-tangan", "2020-08-19 19:00", "ready", "edukasi")
	a.Title = `Cuci Tangan; 6 Langkah, Yuk! \o/`
	a.Slides = 8
	a.Caption = "Mencuci tangan pakai sabun di bawah air mengalir adalah cara sederhana untuk menyingkirkan kuman dan virus, selama 40–60 detik. 👐🧼👨‍👩‍👧‍👦\n\nBaris kedua; dengan titik koma.\nBaris ketiga.\nBaris keempat tidak ikut."
	b := post("laporan", "2020-08-12 19:00", "published", "kegiatan")
	b.URL = "https://www.instagram.com/p/CDx1aBcDeFg/"
	b.Caption = "Terima kasih, warga RT 04!"
	return []Post{a, b, post("belum", "", "draft", "")}
}

func writeICS(t *testing.T, c *Calendar, posts []Post) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteICS(&buf, c, posts, ICSOptions{Name: "PKPM BTN 3 Way Halim", Domain: "@pkpm.btn3", Stamp: wibTime("2020-08-10 09:00")}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestICSParsesBack reads the file with a real iCalendar library and
// checks what a calendar app would show.
func TestICSParsesBack(t *testing.T) {
	c := cal(t, "")
	data := writeICS(t, c, icsPosts())
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	// The library's encoder refuses calendars that lack required
	// properties (VERSION, PRODID, UID, DTSTAMP, ...).
	if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Errorf("not a valid calendar: %v", err)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want 2 (one per scheduled post)", len(events))
	}
	// In time order: the report of 12 August first.
	first, second := events[0], events[1]
	text := func(e ical.Event, name string) string {
		t.Helper()
		s, err := e.Props.Text(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return s
	}
	if uid := text(second, ical.PropUID); uid != "cuci-tangan@pkpm.btn3" {
		t.Errorf("UID = %q", uid)
	}
	if got := text(second, ical.PropSummary); got != `Cuci Tangan; 6 Langkah, Yuk! \o/` {
		t.Errorf("SUMMARY = %q", got)
	}
	start, err := second.DateTimeStart(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := wibTime("2020-08-19 19:00"); !start.Equal(want) || start.Location().String() != "Asia/Jakarta" {
		t.Errorf("DTSTART = %v, want %v in Asia/Jakarta", start, want)
	}
	end, err := second.DateTimeEnd(nil)
	if err != nil || end.Sub(start) != EventLength {
		t.Errorf("DTEND = %v, %v", end, err)
	}
	desc := text(second, ical.PropDescription)
	wantDesc := "Status: ready\nSlides: 8\nFile: posts/cuci-tangan.md\n\n" +
		"Mencuci tangan pakai sabun di bawah air mengalir adalah cara sederhana untuk menyingkirkan kuman dan virus, selama 40–60 detik. 👐🧼👨‍👩‍👧‍👦\n" +
		"Baris kedua; dengan titik koma.\nBaris ketiga."
	if desc != wantDesc {
		t.Errorf("DESCRIPTION =\n%q\nwant\n%q", desc, wantDesc)
	}
	if got := text(first, ical.PropDescription); !strings.HasPrefix(got, "Status: published\nSlides: not built\nFile: posts/laporan.md\nLink: https://www.instagram.com/p/CDx1aBcDeFg/\n\nTerima kasih, warga RT 04!") {
		t.Errorf("DESCRIPTION = %q", got)
	}
	if u, err := first.Props.URI(ical.PropURL); err != nil || u.String() != "https://www.instagram.com/p/CDx1aBcDeFg/" {
		t.Errorf("URL = %v, %v", u, err)
	}
	if st, _ := second.Status(); st != ical.EventConfirmed {
		t.Errorf("STATUS = %v", st)
	}
	if tz := cal.Children[0]; tz.Name != ical.CompTimezone || tz.Props.Get(ical.PropTimezoneID).Value != "Asia/Jakarta" {
		t.Errorf("first component %s, want the VTIMEZONE of Asia/Jakarta", tz.Name)
	}
	stamp, err := second.Props.DateTime(ical.PropDateTimeStamp, nil)
	if err != nil || !stamp.Equal(wibTime("2020-08-10 09:00")) {
		t.Errorf("DTSTAMP = %v, %v", stamp, err)
	}
}

// TestICSLines checks the RFC 5545 framing: CRLF, folding at 75 octets
// without splitting a character, escaping.
func TestICSLines(t *testing.T) {
	data := writeICS(t, cal(t, ""), icsPosts())
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Error("does not end with END:VCALENDAR CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("the long description was not folded")
	}
	for _, want := range []string{
		`SUMMARY:Cuci Tangan\; 6 Langkah\, Yuk! \\o/`,
		"DTSTART;TZID=Asia/Jakarta:20200819T190000",
		"DTSTAMP:20200810T020000Z",
		"TZOFFSETTO:+0700",
		"TZNAME:WIB",
		"X-WR-CALNAME:PKPM BTN 3 Way Halim",
		"CATEGORIES:edukasi",
	} {
		if !strings.Contains(string(data), want+"\r\n") {
			t.Errorf("no line %q", want)
		}
	}
}

func TestICSStable(t *testing.T) {
	c := cal(t, "")
	posts := icsPosts()
	a, b := writeICS(t, c, posts), writeICS(t, c, posts)
	if !bytes.Equal(a, b) {
		t.Error("the same plan gave different files")
	}
	// A post that moves keeps its UID, so a re-import updates its event.
	posts[0].Date = wibTime("2020-08-21 19:00")
	moved := writeICS(t, c, posts)
	if !bytes.Contains(moved, []byte("UID:cuci-tangan@pkpm.btn3\r\n")) || !bytes.Contains(moved, []byte("DTSTART;TZID=Asia/Jakarta:20200821T190000")) {
		t.Errorf("moved post:\n%s", moved)
	}
	var empty bytes.Buffer
	if err := WriteICS(&empty, c, nil, ICSOptions{}); err != nil || strings.Contains(empty.String(), "VTIMEZONE") || strings.Contains(empty.String(), "VEVENT") {
		t.Errorf("an empty plan: %v\n%s", err, empty.String())
	}
}

// TestICSDaylightSaving checks the VTIMEZONE of a zone that changes its
// offset between two posts.
func TestICSDaylightSaving(t *testing.T) {
	c := parseYAMLCal(t, "timezone: Europe/Amsterdam\n")
	ams := c.Location
	p1 := post("a", "", "ready", "")
	p1.Date = time.Date(2020, 10, 20, 19, 0, 0, 0, ams)
	p2 := post("b", "", "ready", "")
	p2.Date = time.Date(2020, 10, 28, 19, 0, 0, 0, ams)
	data := string(writeICS(t, c, []Post{p1, p2}))
	for _, want := range []string{
		"BEGIN:DAYLIGHT\r\nDTSTART:20200329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT",
		"BEGIN:STANDARD\r\nDTSTART:20201025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD",
		"DTSTART;TZID=Europe/Amsterdam:20201028T190000",
	} {
		if !strings.Contains(data, want) {
			t.Errorf("missing\n%s\nin\n%s", want, data)
		}
	}
	cal, err := ical.NewDecoder(strings.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	start, err := cal.Events()[1].DateTimeStart(nil)
	if err != nil || !start.Equal(p2.Date) {
		t.Errorf("DTSTART = %v, %v; want %v", start, err, p2.Date)
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		`a\b`:          `a\\b`,
		"a;b,c":        `a\;b\,c`,
		"a\r\nb\nc":    `a\nb\nc`,
		"bel\x07tab\t": "beltab\t",
		"emoji 🇮🇩":     "emoji 🇮🇩",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}
