package calendar

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

func TestParseExample(t *testing.T) {
	src, err := os.ReadFile("../../calendar.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("calendar.yaml", src, "Asia/Jakarta")
	if err != nil {
		t.Fatal(err)
	}
	if c.Location.String() != "Asia/Jakarta" || c.Start != (Day{2020, 8, 1}) || c.End != (Day{2020, 9, 30}) {
		t.Errorf("zone %v, period %s", c.Location, c.Period())
	}
	if len(c.Slots) != 1 || c.Slots[0].Hour != 19 || !c.Slots[0].Days[time.Monday] || !c.Slots[0].Days[time.Wednesday] || !c.Slots[0].Days[time.Friday] || c.Slots[0].Days[time.Tuesday] {
		t.Errorf("slots = %+v", c.Slots)
	}
	if b, ok := c.BlackoutOn(Day{2020, 8, 17}); !ok || !strings.Contains(b.Reason, "Kemerdekaan") {
		t.Errorf("17 August is not a blackout: %+v", c.Blackouts)
	}
	if len(c.Pillars) != 3 || c.Pillars[0].Name != "edukasi" || c.Pillars[0].Percent != 50 {
		t.Errorf("pillars = %+v", c.Pillars)
	}
	if c.Rules.ReadyLead != 24*time.Hour || c.Rules.MaxPerDay != 1 {
		t.Errorf("rules = %+v", c.Rules)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		check func(*testing.T, *Calendar)
	}{
		{"empty file: defaults and the project's zone", "", func(t *testing.T, c *Calendar) {
			if c.Location.String() != "Asia/Makassar" || c.Rules.ReadyLead != DefaultReadyLead || !c.Start.IsZero() {
				t.Errorf("%+v", c)
			}
		}},
		{"comments only", "# nothing yet\n", func(t *testing.T, c *Calendar) {
			if len(c.Slots) != 0 {
				t.Errorf("%+v", c.Slots)
			}
		}},
		{"English day names, one line, dotted time", "slots:\n  - days: Monday, wed FRIDAY\n    time: 19.30\n", func(t *testing.T, c *Calendar) {
			s := c.Slots[0]
			if !s.Days[time.Monday] || !s.Days[time.Wednesday] || !s.Days[time.Friday] || s.Days[time.Sunday] || s.Hour != 19 || s.Minute != 30 {
				t.Errorf("%+v", s)
			}
		}},
		{"every day, unquoted time", "slots:\n  - {days: setiap hari, time: 7:05}\n", func(t *testing.T, c *Calendar) {
			s := c.Slots[0]
			for d := range 7 {
				if !s.Days[d] {
					t.Errorf("day %d closed", d)
				}
			}
			if s.Hour != 7 || s.Minute != 5 {
				t.Errorf("%+v", s)
			}
		}},
		{"jum'at and ahad", "slots:\n  - {days: [\"jum'at\", ahad], time: \"08:00\"}\n", func(t *testing.T, c *Calendar) {
			if s := c.Slots[0]; !s.Days[time.Friday] || !s.Days[time.Sunday] {
				t.Errorf("%+v", s)
			}
		}},
		{"one slot without a list", "slots:\n  days: [sabtu]\n  time: \"10:00\"\n", func(t *testing.T, c *Calendar) {
			if len(c.Slots) != 1 || !c.Slots[0].Days[time.Saturday] {
				t.Errorf("%+v", c.Slots)
			}
		}},
		{"one-off and limited slots", "start: 2020-08-01\nend: 2020-09-30\nslots:\n  - {date: 2020-08-22, time: \"09:00\"}\n  - {days: [kamis], time: \"16:00\", from: 2020-09-01, to: 2020-09-30}\n", func(t *testing.T, c *Calendar) {
			if got := c.SlotTimes(Day{2020, 8, 22}); len(got) != 1 || got[0].Hour() != 9 {
				t.Errorf("22 August: %v", got)
			}
			if got := c.SlotTimes(Day{2020, 8, 27}); len(got) != 0 {
				t.Errorf("a Thursday before from: %v", got)
			}
			if got := c.SlotTimes(Day{2020, 9, 3}); len(got) != 1 || got[0].Hour() != 16 {
				t.Errorf("a Thursday in September: %v", got)
			}
		}},
		{"blackout forms", "blackout:\n  - 2020-08-17\n  - {from: 2020-08-20, to: 2020-08-21, reason: \"Tahun Baru Islam; cuti\"}\n", func(t *testing.T, c *Calendar) {
			if _, ok := c.BlackoutOn(Day{2020, 8, 17}); !ok {
				t.Error("17th open")
			}
			if b, ok := c.BlackoutOn(Day{2020, 8, 21}); !ok || b.Reason != "Tahun Baru Islam; cuti" {
				t.Errorf("21st: %+v", b)
			}
			if _, ok := c.BlackoutOn(Day{2020, 8, 22}); ok {
				t.Error("22nd closed")
			}
		}},
		{"pillars as numbers", "pillars:\n  edukasi: 50\n  kegiatan: 30.5%\n  umkm: 19.5\n", func(t *testing.T, c *Calendar) {
			if len(c.Pillars) != 3 || c.Pillars[1].Percent != 30.5 {
				t.Errorf("%+v", c.Pillars)
			}
		}},
		{"durations", "rules:\n  min_gap: 1d12h\n  ready_lead: 36 jam\n  max_days_without_post: 4\n", func(t *testing.T, c *Calendar) {
			if c.Rules.MinGap != 36*time.Hour || c.Rules.ReadyLead != 36*time.Hour || c.Rules.MaxDaysWithout != 4 {
				t.Errorf("%+v", c.Rules)
			}
		}},
		{"ready lead switched off", "rules:\n  ready_lead: 0\n", func(t *testing.T, c *Calendar) {
			if c.Rules.ReadyLead != 0 {
				t.Errorf("%+v", c.Rules)
			}
		}},
		{"CRLF and a BOM", "\ufefftimezone: Asia/Jayapura\r\nstart: 2020-08-01\r\n", func(t *testing.T, c *Calendar) {
			if c.Location.String() != "Asia/Jayapura" || c.Start != (Day{2020, 8, 1}) {
				t.Errorf("%+v", c)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("calendar.yaml", []byte(tc.src), "Asia/Makassar")
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, c)
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		line int
		want string
	}{
		{"impossible date", "start: 2020-02-30\n", 1, `start "2020-02-30" is not a real date (February 2020 has 29 days); write it as YYYY-MM-DD`},
		{"no month 13", "start: 2020-08-01\nend: 2020-13-01\n", 2, `there is no month 13`},
		{"a time in a day", "blackout:\n  - {date: 2020-08-17 10:00}\n", 2, "a whole day has no time"},
		{"end before start", "start: 2020-09-30\nend: 2020-08-01\n", 2, "the period ends (2020-08-01) before it starts (2020-09-30, line 1)"},
		{"25:00", "slots:\n  - days: [senin]\n    time: \"25:00\"\n", 3, `time "25:00" is not a time of day (hours go from 00 to 23); write it as HH:MM`},
		{"minute 60", "slots:\n  - {days: [senin], time: \"19:60\"}\n", 2, "minutes go from 00 to 59"},
		{"not a time", "slots:\n  - {days: [senin], time: malam}\n", 2, `time "malam" is not a time of day`},
		{"no time", "slots:\n  - days: [senin]\n", 2, `this slot has no "time"`},
		{"no days", "slots:\n  - time: \"19:00\"\n", 2, `this slot has no "days"`},
		{"unknown day", "slots:\n  - days: [senin, senen]\n    time: \"19:00\"\n", 2, `unknown day "senen" — did you mean "senin"?`},
		{"unknown day on its own line", "slots:\n  - days:\n      - rabu\n      - jumaah\n    time: \"19:00\"\n", 4, `unknown day "jumaah" — did you mean "jumat"?`},
		{"day far off", "slots:\n  - {days: [xyzzy], time: \"19:00\"}\n", 2, `unknown day "xyzzy"; use senin, selasa`},
		{"one-off slot outside the period", "start: 2020-08-01\nend: 2020-09-30\nslots:\n  - {date: 2020-10-05, time: \"19:00\"}\n", 4, "this slot (2020-10-05) is outside the period (2020-08-01 to 2020-09-30, line 1 and 2)"},
		{"slot limit outside the period", "start: 2020-08-01\nend: 2020-09-30\nslots:\n  - days: [senin]\n    time: \"19:00\"\n    from: 2020-07-01\n", 6, `this slot's "from" (2020-07-01) is outside the period`},
		{"days and date", "slots:\n  - {days: [senin], date: 2020-08-03, time: \"19:00\"}\n", 2, `either "days"`},
		{"overlapping blackouts", "blackout:\n  - {date: 2020-08-17, reason: HUT RI}\n  - {from: 2020-08-16, to: 2020-08-18, reason: Libur panjang}\n", 3, "blackout 2020-08-16 to 2020-08-18 overlaps the one on line 2 (2020-08-17); merge them into one entry"},
		{"the same blackout twice", "blackout:\n  - 2020-08-17\n  - 2020-08-17\n", 3, "overlaps the one on line 2"},
		{"blackout range backwards", "blackout:\n  - {from: 2020-08-18, to: 2020-08-16}\n", 2, "ends (2020-08-16) before it starts (2020-08-18)"},
		{"blackout half range", "blackout:\n  - {from: 2020-08-18}\n", 2, `needs both "from" and "to"`},
		{"unknown timezone", "timezone: Asia/Jakata\n", 1, `unknown timezone "Asia/Jakata" — did you mean "Asia/Jakarta"?`},
		{"WIB is not a zone name", "timezone: WIB\n", 1, `unknown timezone "WIB" — did you mean "Asia/Jakarta"?`},
		{"made-up timezone", "timezone: Mars/Olympus\n", 1, `unknown timezone "Mars/Olympus"; use an IANA name such as "Asia/Jakarta" (WIB)`},
		{"Local is the machine's", "timezone: Local\n", 1, `unknown timezone "Local"`},
		{"not YAML: unclosed bracket", "start: 2020-08-01\nslots: [\n  {days: [senin], time: \"19:00\"\n", 2, "calendar.yaml is not valid YAML"},
		{"not YAML: tabs", "rules:\n\tmax_per_day: 1\n", 2, "indent with spaces, not tabs"},
		{"not YAML: colon in value", "blackout:\n  - date: 2020-08-17\n    reason: HUT RI: libur\n", 3, `put the value in quotes when it contains ": "`},
		{"not key: value", "just some words\n", 1, `calendar.yaml must be "key: value" lines`},
		{"a list at the top", "- senin\n- rabu\n", 1, `must be "key: value" lines`},
		{"binary", "start: 2020-08-01\n\xff\xfe\n", 2, "invalid UTF-8 (byte 0xff); save the file as UTF-8"},
		{"unknown key", "start: 2020-08-01\nslot:\n  - {days: [senin], time: \"19:00\"}\n", 2, `unknown key "slot" — did you mean "slots"?`},
		{"Indonesian key", "libur:\n  - 2020-08-17\n", 1, `unknown key "libur" — did you mean "blackout"?`},
		{"unknown key in a slot", "slots:\n  - {hari: [senin], time: \"19:00\"}\n", 2, `unknown key "hari" in a slot — did you mean "days"?`},
		{"unknown rule", "rules:\n  max_post_per_day: 2\n", 2, `unknown key "max_post_per_day" in rules`},
		{"key twice", "start: 2020-08-01\nstart: 2020-08-02\n", 2, `key "start" is set twice (first on line 1)`},
		{"bad duration", "rules:\n  min_gap: 2 weeks\n", 2, `min_gap "2 weeks" is not a length of time`},
		{"bad count", "rules:\n  max_per_day: two\n", 2, `max_per_day "two" is not a whole number`},
		{"zero count", "rules:\n  max_per_day: 0\n", 2, `max_per_day "0" is not a whole number of 1 or more`},
		{"pillar shares", "pillars:\n  edukasi: 50%\n  kegiatan: 30%\n  umkm: 10%\n", 1, "the pillar shares add up to 90%, not 100%"},
		{"pillar share not a number", "pillars:\n  edukasi: half\n", 2, `the share of pillar "edukasi", "half", is not a percentage`},
		{"pillar over 100", "pillars:\n  edukasi: 150%\n", 2, "is not a percentage from 0 to 100"},
		{"pillar twice", "pillars:\n  edukasi: 50\n  Edukasi: 50\n", 3, `pillar "Edukasi" is listed twice (first on line 2)`},
		{"pillar share lost to a comment", "pillars:\n  edukasi: #50\n  umkm: 50\n", 2, `edukasi: "#50" is read as a YAML comment; write edukasi: "#50"`},
		{"slots not a list", "slots: senin\n", 1, `"slots" must be a list`},
		{"timezone empty list", "timezone: []\n", 1, `"timezone" needs a value`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("calendar.yaml", []byte(tc.src), "Asia/Jakarta")
			var d diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("err = %v (%T), want a diagnostic", err, err)
			}
			if d.File != "calendar.yaml" || d.Line != tc.line || !strings.Contains(d.Message, tc.want) {
				t.Errorf("got %v\nwant calendar.yaml:%d: ...%s...", d, tc.line, tc.want)
			}
		})
	}
}

func TestValues(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"24h": 24 * time.Hour, "2d": 48 * time.Hour, "1d12h": 36 * time.Hour, "90m": 90 * time.Minute,
		"2 hari": 48 * time.Hour, "12 jam": 12 * time.Hour, "30 menit": 30 * time.Minute, "1.5h": 90 * time.Minute, "0": 0,
	} {
		if got, ok := parseDuration(in); !ok || got != want {
			t.Errorf("parseDuration(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "24", "h", "2 weeks", "1d x", "-1h", "1e9h"} {
		if _, ok := parseDuration(bad); ok {
			t.Errorf("parseDuration(%q) accepted", bad)
		}
	}
	for _, d := range []time.Duration{0, 24 * time.Hour, 36 * time.Hour, 90 * time.Minute} {
		if got, ok := parseDuration(formatDuration(d)); !ok || got != d {
			t.Errorf("formatDuration(%v) = %q reads back as %v", d, formatDuration(d), got)
		}
	}
}

// Every mistake of calendar.yaml comes in one run, each on its line.
func TestParseReportsEveryError(t *testing.T) {
	src := "start: 2020-08-01\nslots:\n  - {hari: [senin], time: \"19:00\"}\n  - {days: [rabu], time: \"25:00\"}\nblackout:\n  - date: 2020-08-17\n    reason: #HUT RI\nrules:\n  max_per_day: two\n  min_gapp: 12h\n"
	_, err := Parse("calendar.yaml", []byte(src), "Asia/Jakarta")
	var got []string
	for _, d := range diag.All(err, "") {
		got = append(got, d.String())
	}
	want := []string{
		`calendar.yaml:3: unknown key "hari" in a slot — did you mean "days"?`,
		`calendar.yaml:4: time "25:00" is not a time of day (hours go from 00 to 23); write it as HH:MM, like "19:00"`,
		`calendar.yaml:7: reason: "#HUT RI" is read as a YAML comment; write reason: "#HUT RI"`,
		`calendar.yaml:9: max_per_day "two" is not a whole number of 1 or more; write it like "max_per_day: 1"`,
		`calendar.yaml:10: unknown key "min_gapp" in rules — did you mean "min_gap"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
