package calendar

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// Check applies every calendar rule to the posts, as seen at now.
//
// Published posts are history: a problem that only a published post has
// is not reported, since nothing can be done about it any more, but they
// still count against the others (the slot one took is taken).
func Check(c *Calendar, posts []Post, now time.Time) []Finding {
	s := newPlan(c, posts)
	var fs []Finding
	for _, rule := range []func(*plan, time.Time) []Finding{
		(*plan).slotTaken, (*plan).blackoutDays, (*plan).period, (*plan).offSlot, (*plan).perDay,
		(*plan).minGap, (*plan).longGaps, (*plan).pillars, (*plan).readiness,
	} {
		fs = append(fs, rule(s, now)...)
	}
	out := fs[:0]
	for _, f := range fs {
		if p, ok := s.byFile[f.File]; !ok || !p.published() {
			out = append(out, f)
		}
	}
	SortFindings(out)
	return out
}

// plan is the posts that have a time, in time order.
type plan struct {
	c      *Calendar
	posts  []Post // scheduled, by time then file
	all    []Post
	byFile map[string]Post
}

func newPlan(c *Calendar, posts []Post) *plan {
	s := &plan{c: c, all: posts, byFile: map[string]Post{}}
	for _, p := range posts {
		s.byFile[p.File] = p
		if p.Scheduled() {
			s.posts = append(s.posts, p)
		}
	}
	sort.SliceStable(s.posts, func(i, j int) bool { return earlier(s.posts[i], s.posts[j]) })
	return s
}

func earlier(a, b Post) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.Before(b.Date)
	}
	return a.File < b.File
}

// blameOrder puts the posts that keep their place first: published ones
// (history), then by time and file. Findings go to the ones after.
func blameOrder(ps []Post) []Post {
	out := append([]Post(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].published() != out[j].published() {
			return out[i].published()
		}
		return earlier(out[i], out[j])
	})
	return out
}

func files(ps []Post, except string) []string {
	var out []string
	for _, p := range ps {
		if p.File != except {
			out = append(out, p.File)
		}
	}
	return out
}

func (s *plan) when(t time.Time) string { return tanggal.DateTime(t.In(s.c.Location)) }

func (s *plan) day(d Day) string { return tanggal.Date(d.At(12, 0, s.c.Location)) }

func (s *plan) slotTaken(time.Time) []Finding {
	var fs []Finding
	for _, group := range s.groupBy(func(p Post) string { return p.Date.UTC().Format(time.RFC3339) }) {
		order := blameOrder(group)
		for _, p := range order[1:] {
			others := files(group, p.File)
			fs = append(fs, at(SlotTaken, p.File, p.line("date"), others,
				"%s is also the time of %s; two posts cannot share a slot — move this one with `pkpm schedule %s --next`",
				s.when(p.Date), strings.Join(others, ", "), p.File))
		}
	}
	return fs
}

// groupBy collects the scheduled posts sharing a key, keys in order of
// their first post, and keeps groups of two or more.
func (s *plan) groupBy(key func(Post) string) [][]Post {
	idx := map[string]int{}
	var groups [][]Post
	for _, p := range s.posts {
		k := key(p)
		i, ok := idx[k]
		if !ok {
			i = len(groups)
			idx[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], p)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

func (s *plan) blackoutDays(time.Time) []Finding {
	var fs []Finding
	for _, p := range s.posts {
		if b, ok := s.c.BlackoutOn(s.c.Day(p.Date)); ok {
			fs = append(fs, at(BlackoutDay, p.File, p.line("date"), nil,
				"%s is a blackout day (%s); move the post with `pkpm schedule %s --next`",
				s.day(s.c.Day(p.Date)), s.blackoutWhy(b), p.File))
		}
	}
	return fs
}

func (s *plan) blackoutWhy(b Blackout) string {
	where := fmt.Sprintf("%s:%d", s.c.file(), b.Line)
	if b.Reason == "" {
		return where
	}
	return b.Reason + ", " + where
}

func (s *plan) period(time.Time) []Finding {
	var fs []Finding
	for _, p := range s.posts {
		if !s.c.InPeriod(s.c.Day(p.Date)) {
			fs = append(fs, at(OutsidePeriod, p.File, p.line("date"), nil,
				"%s is outside the programme period (%s); move the post into it, or change start or end in %s",
				s.day(s.c.Day(p.Date)), s.c.Period(), s.c.file()))
		}
	}
	return fs
}

func (s *plan) offSlot(time.Time) []Finding {
	if len(s.c.Slots) == 0 {
		return nil
	}
	var fs []Finding
	for _, p := range s.posts {
		d := s.c.Day(p.Date)
		if _, black := s.c.BlackoutOn(d); black || !s.c.InPeriod(d) || s.c.OnSlot(p.Date) {
			continue
		}
		slots := "there are no slots that day"
		if ts := s.c.SlotTimes(d); len(ts) > 0 {
			var cs []string
			for _, t := range ts {
				cs = append(cs, tanggal.Clock(t))
			}
			slots = "the slots that day: " + strings.Join(cs, ", ")
		}
		fs = append(fs, at(OffSlot, p.File, p.line("date"), nil,
			"%s is not a posting slot (%s); move the post with `pkpm schedule %s --next`, or add the slot to %s",
			s.when(p.Date), slots, p.File, s.c.where("slots")))
	}
	return fs
}

func (s *plan) perDay(time.Time) []Finding {
	limit := s.c.Rules.MaxPerDay
	if limit == 0 {
		return nil
	}
	var fs []Finding
	for _, group := range s.groupBy(func(p Post) string { return s.c.Day(p.Date).String() }) {
		// Posts sharing a slot are slot-taken's to report; a day is over
		// its limit when it has more distinct times than allowed.
		times := map[int64]bool{}
		for _, p := range group {
			times[p.Date.Unix()] = true
		}
		if len(times) <= limit {
			continue
		}
		order := blameOrder(group)
		for _, p := range order[limit:] {
			fs = append(fs, at(MaxPerDay, p.File, p.line("date"), files(group, p.File),
				"%d posts on %s, more than rules.max_per_day (%d, %s) allows: %s; move this one to another day",
				len(group), s.day(s.c.Day(p.Date)), limit, s.c.where("rules.max_per_day"), strings.Join(files(group, ""), ", ")))
		}
	}
	return fs
}

func (s *plan) minGap(time.Time) []Finding {
	gap := s.c.Rules.MinGap
	if gap == 0 {
		return nil
	}
	var fs []Finding
	for i := 1; i < len(s.posts); i++ {
		a, b := s.posts[i-1], s.posts[i]
		d := b.Date.Sub(a.Date)
		if d == 0 || d >= gap {
			continue
		}
		subject, other := b, a
		if b.published() {
			subject, other = a, b
		}
		fs = append(fs, at(MinGap, subject.File, subject.line("date"), []string{other.File},
			"%s and %s are only %s apart, less than rules.min_gap (%s); spread them out",
			a.File, b.File, humanDuration(d), formatDuration(gap)))
	}
	return fs
}

// longGaps finds runs of days without a post longer than the rule allows:
// from the start of the period to the first post, between posts, and
// from the last post to the end of the period.
func (s *plan) longGaps(now time.Time) []Finding {
	limit := s.c.Rules.MaxDaysWithout
	if limit == 0 {
		return nil
	}
	rule := fmt.Sprintf("rules.max_days_without_post is %d", limit)
	var days []Day
	var firsts []Post
	for _, p := range s.posts {
		d := s.c.Day(p.Date)
		if !s.c.InPeriod(d) || len(days) > 0 && days[len(days)-1] == d {
			continue
		}
		days, firsts = append(days, d), append(firsts, p)
	}
	var fs []Finding
	if len(days) == 0 {
		if !s.c.Start.IsZero() && !s.c.End.IsZero() && s.c.End.Sub(s.c.Start)+1 > limit && !s.c.End.Before(s.c.Day(now)) {
			fs = append(fs, at(LongGap, s.c.file(), s.c.Lines["start"], nil,
				"no post is planned in the period (%s); schedule posts with `pkpm schedule <post> --next`", s.c.Period()))
		}
		return fs
	}
	if !s.c.Start.IsZero() {
		if n := days[0].Sub(s.c.Start); n > limit {
			p := firsts[0]
			fs = append(fs, at(LongGap, p.File, p.line("date"), nil,
				"no post for %d days before this one, %s to %s (%s); schedule a post in between",
				n, s.day(s.c.Start), s.day(days[0].Add(-1)), rule))
		}
	}
	for i := 1; i < len(days); i++ {
		if n := days[i].Sub(days[i-1]) - 1; n > limit {
			p := firsts[i]
			fs = append(fs, at(LongGap, p.File, p.line("date"), []string{firsts[i-1].File},
				"no post for %d days before this one, %s to %s, after %s (%s); schedule a post in between",
				n, s.day(days[i-1].Add(1)), s.day(days[i].Add(-1)), firsts[i-1].File, rule))
		}
	}
	last := days[len(days)-1]
	if !s.c.End.IsZero() && !s.c.End.Before(s.c.Day(now)) {
		if n := s.c.End.Sub(last); n > limit {
			lastPost := s.posts[len(s.posts)-1]
			fs = append(fs, at(LongGap, s.c.file(), s.c.Lines["end"], []string{lastPost.File},
				"no post for %d days at the end of the period, %s to %s, after %s (%s); schedule a post in between",
				n, s.day(last.Add(1)), s.day(s.c.End), lastPost.File, rule))
		}
	}
	return fs
}

func (s *plan) pillars(time.Time) []Finding {
	if len(s.c.Pillars) == 0 {
		return nil
	}
	var fs []Finding
	names := make([]string, len(s.c.Pillars))
	for i, p := range s.c.Pillars {
		names[i] = p.Name
	}
	for _, p := range s.all {
		switch _, ok := s.pillarOf(p.Pillar); {
		case ok:
		case p.Pillar == "":
			fs = append(fs, at(PillarUnknown, p.File, p.line("pillar"), nil,
				"this post has no pillar; add one of %s (%s), like %q", strings.Join(names, ", "), s.c.where("pillars"), "pillar: "+names[0]))
		default:
			fs = append(fs, at(PillarUnknown, p.File, p.line("pillar"), nil,
				"pillar %q is not one of %s (%s)%s", p.Pillar, strings.Join(names, ", "), s.c.where("pillars"), suggestPillar(p.Pillar, names)))
		}
	}
	count := map[string]int{}
	total := 0
	for _, p := range s.posts {
		if s.c.InPeriod(s.c.Day(p.Date)) {
			total++
			if name, ok := s.pillarOf(p.Pillar); ok {
				count[name]++
			}
		}
	}
	if total == 0 {
		return fs
	}
	for _, pl := range s.c.Pillars {
		n := count[pl.Name]
		share := 100 * float64(n) / float64(total)
		if math.Abs(share-pl.Percent) <= PillarTolerance {
			continue
		}
		advice := fmt.Sprintf("plan more %q posts", pl.Name)
		if share > pl.Percent {
			advice = fmt.Sprintf("plan fewer %q posts, or more of the others", pl.Name)
		}
		fs = append(fs, at(PillarBalance, s.c.file(), pl.Line, nil,
			"pillar %q has %d of the %d posts in the period (%s%%), against a target of %s%% (off by more than %d points); %s",
			pl.Name, n, total, trimFloat(share), trimFloat(pl.Percent), PillarTolerance, advice))
	}
	return fs
}

func (s *plan) pillarOf(name string) (string, bool) {
	for _, p := range s.c.Pillars {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			return p.Name, true
		}
	}
	return "", false
}

func (s *plan) readiness(now time.Time) []Finding {
	var fs []Finding
	lead := s.c.Rules.ReadyLead
	for _, p := range s.posts {
		switch {
		case p.published():
		case !p.Date.After(now):
			fs = append(fs, at(Overdue, p.File, p.line("date"), nil,
				"was due %s, %s ago, and is still %s; post it and run `pkpm mark %s published`, or move it with `pkpm schedule %s --next`",
				s.when(p.Date), humanDuration(now.Sub(p.Date)), p.Status, p.File, p.File))
		case p.Status == "draft" && lead > 0 && p.Date.Sub(now) <= lead:
			fs = append(fs, at(NotReady, p.File, p.line("status"), nil,
				"due %s, in %s, and still a draft; posts should be ready %s before (rules.ready_lead) — finish it and run `pkpm mark %s ready`",
				s.when(p.Date), humanDuration(p.Date.Sub(now)), formatDuration(lead), p.File))
		}
	}
	return fs
}

func suggestPillar(name string, names []string) string {
	if s := suggestFold(name, names); s != "" {
		return fmt.Sprintf(" — did you mean %q?", s)
	}
	return "; use one of them, or add it to the pillars there"
}
