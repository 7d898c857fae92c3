package calendar

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

var wib = mustZone("Asia/Jakarta")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// base is a plan like the example project's: Monday, Wednesday and
// Friday at 19:00 through August and September 2020, 17 August off.
const base = `start: 2020-08-01
end: 2020-09-30
slots:
  - {days: [senin, rabu, jumat], time: "19:00"}
blackout:
  - {date: 2020-08-17, reason: Hari Kemerdekaan RI}
`

func cal(t *testing.T, extra string) *Calendar {
	t.Helper()
	c, err := Parse("calendar.yaml", []byte(base+extra), "Asia/Jakarta")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func parseYAMLCal(t *testing.T, src string) *Calendar {
	t.Helper()
	c, err := Parse("calendar.yaml", []byte(src), "Asia/Jakarta")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// wibTime reads "2020-08-03 19:00" in WIB.
func wibTime(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, wib)
	if err != nil {
		panic(err)
	}
	return t
}

// post makes a post whose front matter has title on line 2, date on 3,
// status on 4 and pillar on 5.
func post(name, date, status, pillar string) Post {
	p := Post{File: "posts/" + name + ".md", Slug: name, Title: "Judul " + name, Status: status, Pillar: pillar, Slides: -1,
		Lines: map[string]int{"title": 2, "date": 3, "status": 4, "pillar": 5}}
	if date != "" {
		p.Date = wibTime(date)
	}
	return p
}

// brief is a finding as "file:line severity rule".
func brief(f Finding) string { return fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Severity, f.Rule) }

func TestCheck(t *testing.T) {
	now := wibTime("2020-08-01 09:00")
	for _, tc := range []struct {
		name  string
		extra string // appended to base
		yaml  string // instead of base and extra
		posts []Post
		now   time.Time
		want  []string // brief findings, in order
		msg   string   // a part of the first finding's message
	}{
		{
			name:  "a clean plan",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", ""), post("b", "2020-08-05 19:00", "draft", ""), post("c", "", "draft", "")},
		},
		{
			name:  "two posts in one slot",
			posts: []Post{post("b", "2020-08-05 19:00", "draft", ""), post("a", "2020-08-05 19:00", "ready", "")},
			want:  []string{"posts/b.md:3 error slot-taken"},
			msg:   "Rabu, 5 Agustus 2020, 19.00 WIB is also the time of posts/a.md; two posts cannot share a slot",
		},
		{
			name:  "a slot taken by a published post: the other one moves",
			posts: []Post{post("a", "2020-08-05 19:00", "ready", ""), post("z", "2020-08-05 19:00", "published", "")},
			want:  []string{"posts/a.md:3 error slot-taken"},
			msg:   "also the time of posts/z.md",
		},
		{
			name:  "two published posts in one slot are history",
			posts: []Post{post("a", "2020-08-05 19:00", "published", ""), post("b", "2020-08-05 19:00", "published", "")},
		},
		{
			name:  "a blackout day",
			posts: []Post{post("a", "2020-08-17 19:00", "ready", "")},
			want:  []string{"posts/a.md:3 error blackout-day"},
			msg:   "Senin, 17 Agustus 2020 is a blackout day (Hari Kemerdekaan RI, calendar.yaml:6)",
		},
		{
			name:  "outside the period, and not called off-slot",
			posts: []Post{post("a", "2020-10-05 19:00", "ready", "")},
			want:  []string{"posts/a.md:3 warning outside-period"},
			msg:   "Senin, 5 Oktober 2020 is outside the programme period (2020-08-01 to 2020-09-30)",
		},
		{
			name:  "not on a slot",
			posts: []Post{post("a", "2020-08-03 20:30", "ready", ""), post("b", "2020-08-04 19:00", "ready", "")},
			want:  []string{"posts/a.md:3 warning off-slot", "posts/b.md:3 warning off-slot"},
			msg:   "Senin, 3 Agustus 2020, 20.30 WIB is not a posting slot (the slots that day: 19.00)",
		},
		{
			name:  "more than the maximum per day",
			yaml:  "slots:\n  - {days: [senin], time: \"09:00\"}\n  - {days: [senin], time: \"19:00\"}\nrules:\n  max_per_day: 1\n",
			posts: []Post{post("pagi", "2020-08-03 09:00", "ready", ""), post("malam", "2020-08-03 19:00", "ready", "")},
			want:  []string{"posts/malam.md:3 error max-per-day"},
			msg:   "2 posts on Senin, 3 Agustus 2020, more than rules.max_per_day (1, calendar.yaml:5) allows: posts/pagi.md, posts/malam.md",
		},
		{
			name:  "a shared slot is a taken slot, not a full day",
			extra: "rules:\n  max_per_day: 1\n",
			posts: []Post{post("a", "2020-08-05 19:00", "ready", ""), post("b", "2020-08-05 19:00", "ready", "")},
			want:  []string{"posts/b.md:3 error slot-taken"},
		},
		{
			name:  "closer than the minimum gap",
			extra: "rules:\n  min_gap: 3d\n",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", ""), post("b", "2020-08-05 19:00", "ready", ""), post("c", "2020-08-10 19:00", "ready", "")},
			want:  []string{"posts/b.md:3 warning min-gap"},
			msg:   "posts/a.md and posts/b.md are only 2 days apart, less than rules.min_gap (3d)",
		},
		{
			name:  "a gap longer than the maximum, naming the dates",
			extra: "rules:\n  max_days_without_post: 7\n",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", ""), post("b", "2020-08-14 19:00", "ready", ""), post("c", "2020-09-28 19:00", "draft", "")},
			want:  []string{"posts/b.md:3 warning long-gap", "posts/c.md:3 warning long-gap"},
			msg:   "no post for 10 days before this one, Selasa, 4 Agustus 2020 to Kamis, 13 Agustus 2020, after posts/a.md (rules.max_days_without_post is 7)",
		},
		{
			name:  "gaps at the start, between posts and at the end",
			extra: "rules:\n  max_days_without_post: 4\n",
			posts: []Post{post("a", "2020-08-07 19:00", "ready", ""), post("b", "2020-08-14 19:00", "ready", ""), post("c", "2020-09-18 19:00", "draft", "")},
			want:  []string{"calendar.yaml:2 warning long-gap", "posts/a.md:3 warning long-gap", "posts/b.md:3 warning long-gap", "posts/c.md:3 warning long-gap"},
			msg:   "no post for 6 days before this one, Sabtu, 1 Agustus 2020 to Kamis, 6 Agustus 2020",
		},
		{
			name:  "no post at all in the period",
			extra: "rules:\n  max_days_without_post: 7\n",
			posts: []Post{post("a", "", "draft", "")},
			want:  []string{"calendar.yaml:1 warning long-gap"},
			msg:   "no post is planned in the period",
		},
		{
			name:  "pillars off their targets",
			extra: "pillars:\n  edukasi: 50%\n  kegiatan: 30%\n  umkm: 20%\n",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", "edukasi"), post("b", "2020-08-05 19:00", "ready", "Edukasi"), post("c", "2020-08-07 19:00", "ready", "edukasi"), post("d", "2020-08-10 19:00", "ready", "umkm")},
			want:  []string{"calendar.yaml:8 warning pillar-balance", "calendar.yaml:9 warning pillar-balance"},
			msg:   `pillar "edukasi" has 3 of the 4 posts in the period (75%), against a target of 50% (off by more than 15 points); plan fewer "edukasi" posts`,
		},
		{
			name:  "pillars within 15 points",
			extra: "pillars:\n  edukasi: 50%\n  kegiatan: 30%\n  umkm: 20%\n",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", "edukasi"), post("b", "2020-08-05 19:00", "ready", "edukasi"), post("c", "2020-08-07 19:00", "ready", "kegiatan"), post("d", "2020-08-10 19:00", "ready", "umkm")},
		},
		{
			name:  "an unknown and a missing pillar",
			extra: "pillars:\n  edukasi: 50%\n  kegiatan: 50%\n",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", "edukas"), post("b", "2020-08-05 19:00", "ready", "kegiatan"), post("c", "2020-08-07 19:00", "ready", ""), post("d", "", "draft", "umkm")},
			want:  []string{"calendar.yaml:8 warning pillar-balance", "calendar.yaml:9 warning pillar-balance", "posts/a.md:5 warning pillar-unknown", "posts/c.md:5 warning pillar-unknown", "posts/d.md:5 warning pillar-unknown"},
			msg:   `pillar "edukas" is not one of edukasi, kegiatan (calendar.yaml:7) — did you mean "edukasi"?`,
		},
		{
			name:  "a draft due within the ready lead",
			posts: []Post{post("a", "2020-08-03 19:00", "draft", ""), post("b", "2020-08-05 19:00", "draft", ""), post("c", "2020-08-07 19:00", "ready", "")},
			now:   wibTime("2020-08-03 09:00"),
			want:  []string{"posts/a.md:4 warning not-ready"},
			msg:   "due Senin, 3 Agustus 2020, 19.00 WIB, in 10 hours, and still a draft; posts should be ready 24h before (rules.ready_lead)",
		},
		{
			name:  "a longer ready lead",
			extra: "rules:\n  ready_lead: 3d\n",
			posts: []Post{post("a", "2020-08-05 19:00", "draft", "")},
			now:   wibTime("2020-08-03 09:00"),
			want:  []string{"posts/a.md:4 warning not-ready"},
		},
		{
			name:  "the ready lead switched off",
			extra: "rules:\n  ready_lead: 0\n",
			posts: []Post{post("a", "2020-08-03 19:00", "draft", "")},
			now:   wibTime("2020-08-03 18:00"),
		},
		{
			name:  "time passed and not published",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", ""), post("b", "2020-08-05 19:00", "draft", ""), post("c", "2020-08-07 19:00", "published", "")},
			now:   wibTime("2020-08-10 09:00"),
			want:  []string{"posts/a.md:3 error overdue", "posts/b.md:3 error overdue"},
			msg:   "was due Senin, 3 Agustus 2020, 19.00 WIB, 7 days ago, and is still ready; post it and run `pkpm mark posts/a.md published`",
		},
		{
			name:  "due this very minute",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", "")},
			now:   wibTime("2020-08-03 19:00"),
			want:  []string{"posts/a.md:3 error overdue"},
		},
		{
			name:  "published posts are history",
			extra: "rules:\n  max_days_without_post: 3\n",
			posts: []Post{post("a", "2020-08-17 20:00", "published", ""), post("b", "2020-10-30 19:00", "published", "")},
			now:   wibTime("2020-11-01 09:00"),
		},
		{
			name:  "findings point at the title when the key is missing",
			posts: []Post{{File: "posts/x.md", Slug: "x", Title: "X", Date: wibTime("2020-08-04 19:00"), Status: "draft", Slides: -1, Lines: map[string]int{"title": 2, "date": 3}}},
			now:   wibTime("2020-08-04 09:00"),
			want:  []string{"posts/x.md:2 warning not-ready", "posts/x.md:3 warning off-slot"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			when := tc.now
			if when.IsZero() {
				when = now
			}
			c := cal(t, tc.extra)
			if tc.yaml != "" {
				c = parseYAMLCal(t, tc.yaml)
			}
			fs := Check(c, tc.posts, when)
			var got []string
			for _, f := range fs {
				got = append(got, brief(f))
				if f.Message == "" || f.Hint == "" || f.Level != f.Severity.String() {
					t.Errorf("incomplete finding %+v", f)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("findings:\n%s\nwant:\n%s\nmessages:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"), messages(fs))
			}
			if tc.msg != "" && !strings.Contains(messages(fs), tc.msg) {
				t.Errorf("no message contains %q:\n%s", tc.msg, messages(fs))
			}
		})
	}
}

func messages(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func TestCheckRulesHaveIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range AllRules {
		if r.ID == "" || r.Hint == "" || seen[r.ID] {
			t.Errorf("rule %+v", r)
		}
		seen[r.ID] = true
	}
	if !seen["slot-taken"] || SlotTaken.Severity != diag.Error || OffSlot.Severity != diag.Warning {
		t.Error("severities changed")
	}
}

func TestFindingString(t *testing.T) {
	f := at(SlotTaken, "posts/a.md", 4, nil, "taken")
	if got, want := f.String(), "posts/a.md:4: error slot-taken: taken"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNextFree(t *testing.T) {
	for _, tc := range []struct {
		name  string
		extra string
		self  Post
		posts []Post
		now   string
		want  string // "2006-01-02 15:04", or an error part
	}{
		{name: "the first slot ahead", self: post("x", "", "ready", ""), now: "2020-08-03 09:00", want: "2020-08-03 19:00"},
		{name: "a draft needs the ready lead", self: post("x", "", "draft", ""), now: "2020-08-03 09:00", want: "2020-08-05 19:00"},
		{name: "taken slots are skipped", self: post("x", "", "ready", ""), now: "2020-08-03 09:00",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", ""), post("b", "2020-08-05 19:00", "published", "")}, want: "2020-08-07 19:00"},
		{name: "the post's own slot is free to it", self: post("x", "2020-08-03 19:00", "ready", ""), now: "2020-08-03 09:00", want: "2020-08-03 19:00"},
		{name: "a slot at now is gone", self: post("x", "", "ready", ""), now: "2020-08-03 19:00", want: "2020-08-05 19:00"},
		{name: "blackout days are skipped", self: post("x", "", "ready", ""), now: "2020-08-16 09:00", want: "2020-08-19 19:00"},
		{name: "before the period: its first slot", self: post("x", "", "draft", ""), now: "2020-07-01 09:00", want: "2020-08-03 19:00"},
		{name: "the minimum gap", extra: "rules:\n  min_gap: 3d\n", self: post("x", "", "ready", ""), now: "2020-08-03 09:00",
			posts: []Post{post("a", "2020-08-05 19:00", "ready", "")}, want: "2020-08-10 19:00"},
		{name: "the maximum per day", extra: "rules:\n  max_per_day: 1\n", self: post("x", "", "ready", ""), now: "2020-08-03 08:00",
			posts: []Post{post("a", "2020-08-03 19:00", "ready", "")}, want: "2020-08-05 19:00"},
		{name: "after the period", self: post("x", "", "ready", ""), now: "2020-10-01 09:00", want: "no free slot from Kamis, 1 Oktober 2020 to Rabu, 30 September 2020"},
		{name: "a full period", extra: "", self: post("x", "", "ready", ""), now: "2020-09-30 19:00", want: "no free slot"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cal(t, tc.extra)
			if tc.name == "the maximum per day" {
				c.Slots = append(c.Slots, Slot{Days: [7]bool{time.Monday: true}, Hour: 9})
			}
			got, err := NextFree(c, append(tc.posts, tc.self), tc.self, wibTime(tc.now))
			if err != nil {
				if !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err = %v, want %q", err, tc.want)
				}
				return
			}
			if got.Format("2006-01-02 15:04") != tc.want || got.Location().String() != "Asia/Jakarta" {
				t.Errorf("got %v, want %s WIB", got, tc.want)
			}
		})
	}
	c, err := Parse("calendar.yaml", []byte("start: 2020-08-01\n"), "Asia/Jakarta")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NextFree(c, nil, post("x", "", "ready", ""), wibTime("2020-08-01 09:00")); err == nil || !strings.Contains(err.Error(), "there are no posting slots") {
		t.Errorf("no slots: err = %v", err)
	}
}

func TestBlocking(t *testing.T) {
	c := cal(t, "rules:\n  max_per_day: 1\n")
	posts := []Post{post("a", "2020-08-05 19:00", "ready", ""), post("x", "2020-08-03 19:00", "draft", "")}
	self := posts[1]
	now := wibTime("2020-08-04 09:00")
	for when, want := range map[string]string{
		"2020-08-07 19:00": "",
		"2020-08-03 19:00": "error overdue: Senin, 3 Agustus 2020, 19.00 WIB has already passed",
		"2020-08-05 19:00": "error slot-taken: Rabu, 5 Agustus 2020, 19.00 WIB is taken by posts/a.md",
		"2020-08-05 09:00": "error max-per-day: Rabu, 5 Agustus 2020 already has 1 post (posts/a.md), the most rules.max_per_day allows",
		"2020-08-17 19:00": "error blackout-day: Senin, 17 Agustus 2020 is a blackout day (Hari Kemerdekaan RI, calendar.yaml:6)",
	} {
		fs := Blocking(c, posts, self, wibTime(when), now)
		got := strings.TrimSpace(messages(fs))
		if want != "" {
			want = "posts/x.md:3: " + want
		}
		if got != want {
			t.Errorf("%s:\n got %s\nwant %s", when, got, want)
		}
	}
}
