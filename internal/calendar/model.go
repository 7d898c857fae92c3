package calendar

import (
	"fmt"
	"sort"
	"time"
)

// FileName is the plan's file at the project root.
const FileName = "calendar.yaml"

// Calendar is calendar.yaml, decoded.
type Calendar struct {
	File     string // the path used in messages
	Timezone string
	Location *time.Location
	// Start and End bound the programme period, both days included; a
	// zero day leaves that side open.
	Start, End Day
	Slots      []Slot
	Blackouts  []Blackout
	Pillars    []Pillar // in file order
	Rules      Rules
	// Lines holds the line of each key given, by path: "start",
	// "rules.max_per_day", "pillars".
	Lines map[string]int
}

// Slot is a recurring posting time ("senin, rabu, jumat at 19:00"),
// or a one-off one on Date.
type Slot struct {
	Days         [7]bool // by time.Weekday
	Date         Day     // one-off slot; zero for a recurring one
	From, To     Day     // a recurring slot's own limits; zero: the period
	Hour, Minute int
	Line         int
}

// Blackout is a run of days without posts, both ends included.
type Blackout struct {
	From, To Day
	Reason   string
	Line     int
}

// Pillar is a content pillar's target share of the posts.
type Pillar struct {
	Name    string
	Percent float64
	Line    int
}

// Rules are the plan's limits; a zero value switches a rule off.
type Rules struct {
	MinGap         time.Duration // least time between two posts
	MaxPerDay      int           // most posts on one day
	MaxDaysWithout int           // most days in a row without a post
	ReadyLead      time.Duration // how long before its time a post must be ready
}

// DefaultReadyLead is how early a post must be ready when calendar.yaml
// does not say.
const DefaultReadyLead = 24 * time.Hour

// PillarTolerance is how many percentage points a pillar's share may be
// off its target over the period before the plan is called unbalanced.
const PillarTolerance = 15

// New is the plan of a project without calendar.yaml: no period, no
// slots, no blackout days, posts ready a day ahead.
func New(loc *time.Location) *Calendar {
	if loc == nil {
		loc = time.UTC
	}
	return &Calendar{Timezone: loc.String(), Location: loc, Rules: Rules{ReadyLead: DefaultReadyLead}, Lines: map[string]int{}}
}

// Day is the date of t in the calendar's timezone.
func (c *Calendar) Day(t time.Time) Day { return DayOf(t.In(c.Location)) }

// InPeriod reports whether d is inside the programme period.
func (c *Calendar) InPeriod(d Day) bool {
	return (c.Start.IsZero() || !d.Before(c.Start)) && (c.End.IsZero() || !d.After(c.End))
}

// BlackoutOn returns the blackout d falls in, if any.
func (c *Calendar) BlackoutOn(d Day) (Blackout, bool) {
	for _, b := range c.Blackouts {
		if !d.Before(b.From) && !d.After(b.To) {
			return b, true
		}
	}
	return Blackout{}, false
}

// On reports whether the slot is open on d (the period aside).
func (s Slot) On(d Day) bool {
	if !s.Date.IsZero() {
		return s.Date == d
	}
	if !s.From.IsZero() && d.Before(s.From) || !s.To.IsZero() && d.After(s.To) {
		return false
	}
	return s.Days[d.Weekday()]
}

// Clock is the slot's time as written in calendar.yaml: "19:00".
func (s Slot) Clock() string { return fmt.Sprintf("%02d:%02d", s.Hour, s.Minute) }

// SlotTimes are the posting times on d, in order, without repeats: none
// outside the period. Blackout days keep their slots; callers decide.
func (c *Calendar) SlotTimes(d Day) []time.Time {
	if !c.InPeriod(d) {
		return nil
	}
	var out []time.Time
	seen := map[int64]bool{}
	for _, s := range c.Slots {
		if !s.On(d) {
			continue
		}
		t := d.At(s.Hour, s.Minute, c.Location)
		if !seen[t.Unix()] {
			seen[t.Unix()] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// OnSlot reports whether t is one of the posting times.
func (c *Calendar) OnSlot(t time.Time) bool {
	for _, s := range c.SlotTimes(c.Day(t)) {
		if s.Equal(t) {
			return true
		}
	}
	return false
}

// Period describes the period for messages: "2020-08-01 to 2020-09-30".
func (c *Calendar) Period() string {
	switch {
	case c.Start.IsZero() && c.End.IsZero():
		return "open"
	case c.Start.IsZero():
		return "until " + c.End.String()
	case c.End.IsZero():
		return "from " + c.Start.String()
	}
	return c.Start.String() + " to " + c.End.String()
}

// where is "calendar.yaml:12" for a key path, or the file alone.
func (c *Calendar) where(path string) string {
	if l := c.Lines[path]; l > 0 {
		return fmt.Sprintf("%s:%d", c.file(), l)
	}
	return c.file()
}

func (c *Calendar) file() string {
	if c.File == "" {
		return FileName
	}
	return c.File
}
