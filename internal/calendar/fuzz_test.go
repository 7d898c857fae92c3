package calendar

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// FuzzParse feeds calendar.yaml decoding anything: it must never panic,
// every error must be a diagnostic on a line of the file, and every plan
// it accepts must hold together.
func FuzzParse(f *testing.F) {
	if src, err := os.ReadFile("../../calendar.yaml"); err == nil {
		f.Add(src)
	}
	for _, seed := range []string{
		"",
		"timezone: Asia/Jakata\n",
		"start: 2020-02-30\n",
		"slots:\n  - {days: [senin, rabu], time: \"25:00\"}\n",
		"slots: {days: setiap hari, time: 7.05, from: 2020-08-01, to: 2020-08-02}\n",
		"blackout:\n  - 2020-08-17\n  - {from: 2020-08-16, to: 2020-08-18}\n",
		"pillars:\n  edukasi: 50%\n  umkm: 50\n",
		"rules:\n  min_gap: 1d12h\n  max_per_day: 2\n  ready_lead: 0\n",
		"start: &a 2020-08-01\nend: *a\n",
		"slots: [\n",
		"\ufeff- a\r\n",
		"a: \xff\n",
		"slots:\n  - {hari: [senin], time: \"19:00\"}\n  - {days: [rabu], time: #19}\nrules:\n  max_per_day: #2\n  min_gapp: 1h\n",
		"x: &m {days: [senin], time: \"19:00\"}\nslots:\n  - <<: *m\n    time: \"20:00\"\n",
		"pillars:\n  a: 50\n  A: 50\n  b: x\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("calendar.yaml", src, "Asia/Jakarta")
		// Lines as an editor counts them: CRLF, CR and LF each end one.
		lines := bytes.Count(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
		if err != nil {
			var d diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("error %T %v is not a diagnostic", err, err)
			}
			for _, d := range diag.All(err, "") {
				if d.File != "calendar.yaml" || d.Message == "" || d.Severity != diag.Error {
					t.Fatalf("error %v is not a diagnostic of calendar.yaml", d)
				}
				if d.Line < 0 || d.Line > lines {
					t.Fatalf("error on line %d of a %d-line file: %v", d.Line, lines, d)
				}
			}
			return
		}
		if c.Location == nil {
			t.Fatal("no location")
		}
		if !c.Start.IsZero() && !c.End.IsZero() && c.End.Before(c.Start) {
			t.Fatalf("period %s", c.Period())
		}
		for _, s := range c.Slots {
			if s.Hour < 0 || s.Hour > 23 || s.Minute < 0 || s.Minute > 59 {
				t.Fatalf("slot %+v", s)
			}
			if !s.Date.IsZero() && !c.InPeriod(s.Date) {
				t.Fatalf("one-off slot %s outside the period %s", s.Date, c.Period())
			}
		}
		for i, b := range c.Blackouts {
			if b.To.Before(b.From) {
				t.Fatalf("blackout %+v", b)
			}
			if i > 0 && !c.Blackouts[i-1].To.Before(b.From) {
				t.Fatalf("blackouts overlap: %+v", c.Blackouts)
			}
		}
		total := 0.0
		for _, p := range c.Pillars {
			total += p.Percent
		}
		if len(c.Pillars) > 0 && (total < 99.5 || total > 100.5) {
			t.Fatalf("pillars add up to %v", total)
		}
		if c.Rules.MinGap < 0 || c.Rules.ReadyLead < 0 || c.Rules.MaxPerDay < 0 || c.Rules.MaxDaysWithout < 0 {
			t.Fatalf("rules %+v", c.Rules)
		}
	})
}
