package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func calendarTestGlobals(env map[string]string) *globals {
	return &globals{streams: &Streams{
		Out: &bytes.Buffer{}, Err: &bytes.Buffer{},
		Environ: func(k string) string { return env[k] },
	}}
}

// TestCalendarCommandFlags checks what each command accepts before it
// touches a project: the options its run function gets, or a usage error.
func TestCalendarCommandFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int    // exit code of a refusal; 0: accepted
		want string // accepted: the options seen; refused: part of the error
	}{
		{[]string{"calendar"}, 0, "calendar month= format=text check=false"},
		{[]string{"calendar", "--month", "2020-8", "--format", "json", "--check"}, 0, "calendar month=2020-8 format=json check=true"},
		{[]string{"calendar", "--month", "2020-00"}, 2, "is not a month"},
		{[]string{"calendar", "--month", "20-08"}, 2, "is not a month"},
		{[]string{"calendar", "--format", "ics", "--check"}, 2, "`--check` goes with"},
		{[]string{"calendar", "--format", "png"}, 2, `unknown format "png"`},
		{[]string{"schedule", "a", "--next"}, 0, "schedule a at= next=true force=false"},
		{[]string{"schedule", "a", "--at", "2020-08-05 19:00", "--force"}, 0, "schedule a at=2020-08-05 19:00 next=false force=true"},
		{[]string{"schedule", "a"}, 2, "say when"},
		{[]string{"schedule", "a", "--next", "--at", "2020-08-05"}, 2, "not both"},
		{[]string{"mark", "a", "published", "--url", "https://www.instagram.com/p/CDx1/", "--at", "2020-08-05 19:02"}, 0, "mark a published url=https://www.instagram.com/p/CDx1/ at=2020-08-05 19:02"},
		{[]string{"mark", "a", "ready"}, 0, "mark a ready url= at="},
		{[]string{"mark", "a", "Ready"}, 2, `did you mean "ready"`},
		{[]string{"mark", "a", "terbit"}, 2, "use published, ready or draft"},
		{[]string{"mark", "a", "draft", "--at", "2020-08-05"}, 2, "go with `published`"},
		{[]string{"mark", "a", "published", "--url", "https://instagram.com.evil.example/p/x"}, 2, "is not a link to an Instagram post or reel"},
		{[]string{"mark", "a", "published", "--url", "https://instagr.am/p/x"}, 0, "mark a published url=https://www.instagram.com/p/x/ at="},
		{[]string{"mark", "a", "published", "--url", "instagram.com/p/CDx1aBcDeFg"}, 0, "mark a published url=https://www.instagram.com/p/CDx1aBcDeFg/ at="},
		{[]string{"mark", "a", "published", "--url", "www.instagram.com/reel/C-x_1/?igsh=MWQ1ZGUx"}, 0, "mark a published url=https://www.instagram.com/reel/C-x_1/ at="},
		{[]string{"mark", "a", "published", "--url", "https://www.instagram.com/pkpm.btn3/p/CDx1/?utm_source=ig_web_copy_link"}, 0, "mark a published url=https://www.instagram.com/p/CDx1/ at="},
		{[]string{"mark", "a", "published", "--url", "http://m.instagram.com/reels/CDx1"}, 0, "mark a published url=https://www.instagram.com/reel/CDx1/ at="},
		{[]string{"mark", "a", "published", "--url", "https://instagram.com"}, 2, "is not a link to an Instagram post or reel"},
		{[]string{"mark", "a", "published", "--url", "https://www.instagram.com/pkpm.btn3/"}, 2, "is not a link to an Instagram post or reel"},
		{[]string{"mark", "a", "published", "--url", "https://www.instagram.com/p/"}, 2, "is not a link to an Instagram post or reel"},
		{[]string{"mark", "a", "published", "--url", "https://www.instagram.com/p/a%20b/"}, 2, "is not a link to an Instagram post or reel"},
		{[]string{"mark", "a", "published", "--url", "https://www.instagram.com/stories/pkpm/123/"}, 2, "is not a link to an Instagram post or reel"},
		{[]string{"report"}, 0, "report format=md"},
		{[]string{"report", "--format", "csv"}, 0, "report format=csv"},
		{[]string{"report", "--format", "xlsx"}, 2, `unknown format "xlsx"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			g := calendarTestGlobals(nil)
			var seen string
			cmds := map[string]func() error{
				"calendar": func() error {
					cmd := newCalendarCmd(g, func(o *CalendarOptions) error {
						seen = "calendar month=" + o.Month + " format=" + o.Format + " check=" + calendarBool(o.Check)
						return nil
					})
					cmd.SetArgs(tc.args[1:])
					return cmd.Execute()
				},
				"schedule": func() error {
					cmd := newScheduleCmd(g, func(o *ScheduleOptions) error {
						seen = "schedule " + o.Post + " at=" + o.At + " next=" + calendarBool(o.Next) + " force=" + calendarBool(o.Force)
						return nil
					})
					cmd.SetArgs(tc.args[1:])
					return cmd.Execute()
				},
				"mark": func() error {
					cmd := newMarkCmd(g, func(o *MarkOptions) error {
						seen = "mark " + o.Post + " " + o.Status + " url=" + o.URL + " at=" + o.At
						return nil
					})
					cmd.SetArgs(tc.args[1:])
					return cmd.Execute()
				},
				"report": func() error {
					cmd := newReportCmd(g, func(o *ReportOptions) error {
						seen = "report format=" + o.Format
						return nil
					})
					cmd.SetArgs(tc.args[1:])
					return cmd.Execute()
				},
			}
			err := cmds[tc.args[0]]()
			switch {
			case tc.code == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.code == 0 && seen != tc.want:
				t.Fatalf("options %q, want %q", seen, tc.want)
			case tc.code != 0 && (err == nil || exitCode(err) != tc.code || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("err = %v (exit %d), want exit %d with %q", err, exitCode(err), tc.code, tc.want)
			case tc.code != 0 && seen != "":
				t.Fatalf("ran with %q after refusing", seen)
			}
		})
	}
}

func calendarBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestNow(t *testing.T) {
	wita := time.FixedZone("WITA", 8*3600)
	for _, tc := range []struct {
		flag, env string
		want      string // in WITA, or "" for the system clock
		err       string
	}{
		{flag: "2020-08-10 09:00", want: "2020-08-10 09:00 WITA"},
		{env: "2020-08-10 09:00", want: "2020-08-10 09:00 WITA"},
		{flag: "2020-08-11", env: "2020-08-10 09:00", want: "2020-08-11 00:00 WITA"},
		{flag: "2020-08-10T02:00:00Z", want: "2020-08-10 10:00 WITA"},
		{want: ""},
		{flag: "2020-02-30 09:00", err: "`--now` \"2020-02-30 09:00\" is not a real date (February 2020 has 29 days)"},
		{env: "nanti", err: `PKPM_NOW "nanti" is not in a form pkpm reads`},
	} {
		g := calendarTestGlobals(map[string]string{"PKPM_NOW": tc.env})
		g.clock.flag = tc.flag
		err := g.setNow()
		if tc.err != "" {
			if err == nil || exitCode(err) != ExitUsage || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%+v: err = %v, want a usage error with %q", tc, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v", tc, err)
		}
		got := g.now(wita)
		if tc.want == "" {
			if d := time.Since(got); d < 0 || d > time.Minute || got.Location() != wita {
				t.Errorf("no --now: got %v, want the system clock in WITA", got)
			}
			continue
		}
		if s := got.Format("2006-01-02 15:04 MST"); s != tc.want {
			t.Errorf("%+v: now = %s, want %s", tc, s, tc.want)
		}
	}
}
