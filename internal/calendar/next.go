package calendar

import (
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// Blocking lists what makes t a time self cannot take: another post at
// that time, a blackout day, a day already full, or — for a post not yet
// published — a time that has passed. These are the calendar's errors;
// `pkpm schedule` refuses such a time unless forced.
func Blocking(c *Calendar, posts []Post, self Post, t, now time.Time) []Finding {
	s := newPlan(c, others(posts, self.File))
	line := self.line("date")
	var fs []Finding
	if b, ok := c.BlackoutOn(c.Day(t)); ok {
		fs = append(fs, at(BlackoutDay, self.File, line, nil, "%s is a blackout day (%s)", s.day(c.Day(t)), s.blackoutWhy(b)))
	}
	var sameDay, taken []string
	for _, p := range s.posts {
		if p.Date.Equal(t) {
			taken = append(taken, p.File)
		}
		if c.Day(p.Date) == c.Day(t) {
			sameDay = append(sameDay, p.File)
		}
	}
	if len(taken) > 0 {
		fs = append(fs, at(SlotTaken, self.File, line, taken, "%s is taken by %s", s.when(t), strings.Join(taken, " and ")))
	}
	// A full day is news only when other posts than the slot's fill it.
	if limit := c.Rules.MaxPerDay; limit > 0 && len(sameDay) >= limit && len(sameDay) > len(taken) {
		fs = append(fs, at(MaxPerDay, self.File, line, sameDay, "%s already has %d %s (%s), the most rules.max_per_day allows",
			s.day(c.Day(t)), len(sameDay), plural(len(sameDay), "post"), strings.Join(sameDay, ", ")))
	}
	if !self.published() && !t.After(now) {
		fs = append(fs, at(Overdue, self.File, line, nil, "%s has already passed", s.when(t)))
	}
	return fs
}

// NextFree is the first slot after now that self can take without
// breaking a rule: inside the period, not on a blackout day, not taken,
// within the day's limit and the minimum gap to other posts, and — for a
// draft — far enough ahead to be made ready in time. It looks until the
// end of the period, or a year ahead when the period is open.
func NextFree(c *Calendar, posts []Post, self Post, now time.Time) (time.Time, error) {
	if len(c.Slots) == 0 {
		return time.Time{}, diag.Errorf(c.file(), c.Lines["slots"], "there are no posting slots to choose from; add some, like\n  slots:\n    %s", slotExample)
	}
	rest := others(posts, self.File)
	from := c.Day(now)
	if c.Start.After(from) {
		from = c.Start
	}
	until := from.Add(366)
	if !c.End.IsZero() {
		until = c.End
	}
	for d := from; !d.After(until); d = d.Add(1) {
		for _, t := range c.SlotTimes(d) {
			if t.After(now) && fits(c, rest, self, t, now) {
				return t, nil
			}
		}
	}
	return time.Time{}, diag.Errorf(c.file(), c.Lines["end"], "no free slot from %s to %s; add slots, or move the end of the period",
		tanggal.Date(from.At(12, 0, c.Location)), tanggal.Date(until.At(12, 0, c.Location)))
}

func fits(c *Calendar, rest []Post, self Post, t, now time.Time) bool {
	if len(Blocking(c, rest, self, t, now)) > 0 {
		return false
	}
	if self.Status == "draft" && c.Rules.ReadyLead > 0 && t.Sub(now) <= c.Rules.ReadyLead {
		return false
	}
	if gap := c.Rules.MinGap; gap > 0 {
		for _, p := range rest {
			if p.Scheduled() && absDuration(p.Date.Sub(t)) < gap {
				return false
			}
		}
	}
	return true
}

func others(posts []Post, file string) []Post {
	out := make([]Post, 0, len(posts))
	for _, p := range posts {
		if p.File != file {
			out = append(out, p)
		}
	}
	return out
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
