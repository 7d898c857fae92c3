package tanggal

import (
	"strings"
	"testing"
	"time"
)

var (
	jakarta, _  = time.LoadLocation("Asia/Jakarta")
	jayapura, _ = time.LoadLocation("Asia/Jayapura")
)

func TestParse(t *testing.T) {
	at := func(y int, mo time.Month, d, h, mi int) time.Time { return time.Date(y, mo, d, h, mi, 0, 0, jakarta) }
	for _, tt := range []struct {
		in      string
		want    time.Time
		hasTime bool
	}{
		{"2020-08-05", at(2020, 8, 5, 0, 0), false},
		{"2020-8-5", at(2020, 8, 5, 0, 0), false},
		{"2020-08-05 19:00", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 19.00", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 7.05", at(2020, 8, 5, 7, 5), true},
		{"2020-08-05T19:00", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 19:00 WIB", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 20.00 WITA", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 21:00 wit", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 12:00 UTC", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05T12:00:00Z", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05T19:00:00+0700", at(2020, 8, 5, 19, 0), true},
		{"2020-08-05 14:00 +02:00", at(2020, 8, 5, 19, 0), true},
		{"5 Agustus 2020 19.00", at(2020, 8, 5, 19, 0), true},
		{"5 Agu 2020", at(2020, 8, 5, 0, 0), false},
		{"05 agt 2020 pukul 19.00 WIB", at(2020, 8, 5, 19, 0), true},
		{"5 August 2020 19:00", at(2020, 8, 5, 19, 0), true},
		{"Rabu, 5 Agustus 2020, 19.00 WIB", at(2020, 8, 5, 19, 0), true},
		{"Rab, 5 Agu 2020 19.00", at(2020, 8, 5, 19, 0), true},
		{"17 Mei 2020", at(2020, 5, 17, 0, 0), false},
		{"1 Des 2020 23.59", at(2020, 12, 1, 23, 59), true},
	} {
		w, err := Parse(tt.in, jakarta)
		if err != nil || !w.Time.Equal(tt.want) || w.HasTime != tt.hasTime || w.Time.Location() != jakarta {
			t.Errorf("Parse(%q) = %v %v, %v; want %v %v", tt.in, w.Time, w.HasTime, err, tt.want, tt.hasTime)
		}
	}
}

// Every form pkpm prints reads back as the same moment.
func TestParseReadsWhatIsPrinted(t *testing.T) {
	for _, loc := range []*time.Location{jakarta, jayapura, time.FixedZone("WITA", 8*3600)} {
		want := time.Date(2020, 8, 5, 19, 30, 0, 0, loc)
		for _, s := range []string{DateTime(want), Short(want), want.Format("2006-01-02 15:04"), Date(want) + " " + Clock(want)} {
			w, err := Parse(s, loc)
			if err != nil || !w.Time.Equal(want) {
				t.Errorf("Parse(%q) = %v, %v; want %v", s, w.Time, err, want)
			}
		}
	}
}

func TestParseFrom(t *testing.T) {
	// Wednesday 5 August 2020, 23.30 WIB: 16.30 UTC, still the 5th here.
	now := time.Date(2020, 8, 5, 23, 30, 0, 0, jakarta)
	day := func(d, h, mi int) time.Time { return time.Date(2020, 8, d, h, mi, 0, 0, jakarta) }
	for _, tt := range []struct {
		in      string
		want    time.Time
		hasTime bool
	}{
		{"hari ini", day(5, 0, 0), false},
		{"Hari Ini 19.00", day(5, 19, 0), true},
		{"besok", day(6, 0, 0), false},
		{"besok 19.00", day(6, 19, 0), true},
		{"tomorrow 07:15", day(6, 7, 15), true},
		{"lusa", day(7, 0, 0), false},
		{"Rabu", day(12, 0, 0), false}, // the next Wednesday, not today
		{"kamis 19.00 WIB", day(6, 19, 0), true},
		{"jumat pukul 20.00", day(7, 20, 0), true},
		{"Selasa", day(11, 0, 0), false},
		{"10 Agustus", day(10, 0, 0), false},
		{"2020-08-09 19.00", day(9, 19, 0), true},
	} {
		w, err := ParseFrom(tt.in, now)
		if err != nil || !w.Time.Equal(tt.want) || w.HasTime != tt.hasTime {
			t.Errorf("ParseFrom(%q) = %v %v, %v; want %v %v", tt.in, w.Time, w.HasTime, err, tt.want, tt.hasTime)
		}
	}
	// The day is the project's: 00.30 WIB on the 6th is still the 5th in
	// UTC, and "besok" is the 7th.
	early := time.Date(2020, 8, 6, 0, 30, 0, 0, jakarta)
	if w, _ := ParseFrom("besok", early); !w.Time.Equal(day(7, 0, 0)) {
		t.Errorf("besok at 00.30 WIB = %v, want the 7th", w.Time)
	}
	// In Jayapura (WIT, UTC+9) 23.30 on the 5th is 14.30 UTC.
	wit := time.Date(2020, 8, 5, 23, 30, 0, 0, jayapura)
	if w, _ := ParseFrom("hari ini", wit); w.Time.Day() != 5 || w.Time.Location() != jayapura {
		t.Errorf("hari ini in Jayapura = %v", w.Time)
	}
	if w, _ := ParseFrom("2020-08-06 19.00 WIB", wit); !w.Time.Equal(time.Date(2020, 8, 6, 21, 0, 0, 0, jayapura)) {
		t.Errorf("a WIB time in a WIT project = %v", w.Time)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2020/08/05", `date "2020/08/05" is not in a form pkpm reads — did you mean "2020-08-05"?; write it as YYYY-MM-DD HH:MM, like "2020-08-05 19:00", or as one of "2020-08-05 19:00", "2020-08-05 19.00 WIB", "5 Agustus 2020 19.00", "5 Agu 2020"`},
		{"05/08/2020 19.00", `did you mean "2020-08-05 19:00"?`},
		{"5.8.2020", `did you mean "2020-08-05"?`},
		{"5 Agustsu 2020", `did you mean "2020-08-05"?`},
		{"2020-02-30", `date "2020-02-30" is not a real date (February 2020 has 29 days); write it as YYYY-MM-DD HH:MM`},
		{"2020-08-05 24.00", `(hours go from 00 to 23)`},
		{"2020-08-05 19:00 +25:00", `(time zone offsets go up to 23:59)`},
		{"Senin, 5 Agustus 2020", `(5 Agustus 2020 is a Rabu, not a Senin)`},
		{"besok", `date "besok" is not in a form pkpm reads;`},
		{"5 Agustus", `is not in a form pkpm reads`},
		{"2020-08-05 WIB", `is not in a form`},
		{"2020-08-05Z", `is not in a form`},
		{"2020-08-05 7pm", `is not in a form`},
		{"1596456000", `is not in a form`},
		{"", `is not in a form`},
	} {
		_, err := Parse(tt.in, jakarta)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want %s", tt.in, err, tt.want)
		}
	}
	now := time.Date(2020, 8, 5, 10, 0, 0, 0, jakarta)
	if _, err := ParseFrom("besk", now); err == nil || !strings.Contains(err.Error(), `"besok 19.00"`) {
		t.Errorf("a relative parse's error should list the relative forms: %v", err)
	}
	if _, err := ParseFrom("rabu besok", now); err == nil {
		t.Error("two days at once was accepted")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2020-08-05 19.00 WIB", "Rabu, 5 Agustus 2020, 19.00 WIB", "besok 19.00", "2020/08/05", "5 agustsu", "2020-08-05T19:00:00.123+07:00"} {
		f.Add(s)
	}
	now := time.Date(2020, 8, 5, 23, 30, 0, 0, jakarta)
	f.Fuzz(func(t *testing.T, s string) {
		for _, loc := range []*time.Location{jakarta, nil} {
			if w, err := Parse(s, loc); err == nil && w.Time.IsZero() {
				t.Fatalf("Parse(%q) gave the zero time", s)
			}
		}
		if w, err := ParseFrom(s, now); err == nil && w.Time.Location() != jakarta {
			t.Fatalf("ParseFrom(%q) = %v, not in the project's zone", s, w.Time)
		}
	})
}
