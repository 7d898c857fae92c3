package calendar

import (
	"fmt"
	"sort"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// View is one month of the plan: every day with its slots and the posts
// on them, and the posts that have no time yet. It is what `pkpm
// calendar` draws as a grid and prints as JSON.
type View struct {
	Year        int       `json:"year"`
	Month       int       `json:"month"`
	Title       string    `json:"title"` // "Agustus 2020"
	Timezone    string    `json:"timezone"`
	Period      string    `json:"period,omitempty"` // "1 Agustus 2020 – 30 September 2020"
	Now         time.Time `json:"now"`
	Days        []DayView `json:"days"`
	Unscheduled []Entry   `json:"unscheduled"`
	Findings    []Finding `json:"findings,omitempty"`
}

// DayView is one day of the month.
type DayView struct {
	Date     string        `json:"date"`    // "2020-08-03"
	Weekday  string        `json:"weekday"` // "Senin"
	Today    bool          `json:"today,omitempty"`
	InPeriod bool          `json:"in_period"`
	Blackout *BlackoutView `json:"blackout,omitempty"`
	Slots    []SlotView    `json:"slots"`
	day      Day
}

// BlackoutView says why a day has no posts.
type BlackoutView struct {
	Reason string `json:"reason"`
	Line   int    `json:"line"`
}

// Slot states.
const (
	StateTaken = "taken" // a post is there
	StateFree  = "free"  // open, and still ahead
	StatePast  = "past"  // gone by without a post
)

// SlotView is a posting time of a day and the posts at it. A post at a
// time that is no slot gets a SlotView of its own with Slot false.
type SlotView struct {
	Time  string    `json:"time"` // "19:00"
	At    time.Time `json:"at"`
	Slot  bool      `json:"slot"`
	State string    `json:"state"`
	Posts []Entry   `json:"posts"`
}

// Entry is a post as the calendar shows it.
type Entry struct {
	File    string     `json:"file"`
	Slug    string     `json:"slug"`
	Title   string     `json:"title"`
	Status  string     `json:"status"`
	Pillar  string     `json:"pillar,omitempty"`
	At      *time.Time `json:"at,omitempty"`
	When    string     `json:"when,omitempty"` // "Senin, 3 Agustus 2020, 19.00 WIB"
	Overdue bool       `json:"overdue,omitempty"`
	Slides  *int       `json:"slides"` // null when not built
	URL     string     `json:"url,omitempty"`
}

// Month builds the view of a month of the plan, as seen at now.
func Month(c *Calendar, posts []Post, year int, month time.Month, now time.Time) *View {
	first := time.Date(year, month, 1, 12, 0, 0, 0, c.Location)
	v := &View{Year: year, Month: int(month), Title: tanggal.MonthYear(first), Timezone: c.Timezone, Now: now.In(c.Location), Days: []DayView{}, Unscheduled: []Entry{}}
	v.Period = periodText(c)
	s := newPlan(c, posts)
	today := c.Day(now)
	for d := DayOf(first); d.Month == month; d = d.Add(1) {
		v.Days = append(v.Days, dayView(c, s.posts, d, today, now))
	}
	for _, p := range posts {
		if !p.Scheduled() {
			v.Unscheduled = append(v.Unscheduled, entryOf(c, p, now))
		}
	}
	sort.SliceStable(v.Unscheduled, func(i, j int) bool { return v.Unscheduled[i].File < v.Unscheduled[j].File })
	return v
}

func dayView(c *Calendar, posts []Post, d, today Day, now time.Time) DayView {
	dv := DayView{Date: d.String(), Weekday: tanggal.Weekday(d.Weekday()), Today: d == today, InPeriod: c.InPeriod(d), Slots: []SlotView{}, day: d}
	b, black := c.BlackoutOn(d)
	if black {
		dv.Blackout = &BlackoutView{Reason: b.Reason, Line: b.Line}
	}
	at := map[int64]int{} // by Unix time: the same instant in two zones is one slot
	add := func(t time.Time, slot bool) int {
		if i, ok := at[t.Unix()]; ok {
			return i
		}
		at[t.Unix()] = len(dv.Slots)
		t = t.In(c.Location)
		dv.Slots = append(dv.Slots, SlotView{Time: t.Format("15:04"), At: t, Slot: slot, Posts: []Entry{}})
		return at[t.Unix()]
	}
	if !black {
		for _, t := range c.SlotTimes(d) {
			add(t, true)
		}
	}
	for _, p := range posts {
		if c.Day(p.Date) == d {
			i := add(p.Date, false)
			dv.Slots[i].Posts = append(dv.Slots[i].Posts, entryOf(c, p, now))
		}
	}
	sort.SliceStable(dv.Slots, func(i, j int) bool { return dv.Slots[i].At.Before(dv.Slots[j].At) })
	for i := range dv.Slots {
		sv := &dv.Slots[i]
		switch {
		case len(sv.Posts) > 0:
			sv.State = StateTaken
		case sv.At.After(now):
			sv.State = StateFree
		default:
			sv.State = StatePast
		}
	}
	return dv
}

func entryOf(c *Calendar, p Post, now time.Time) Entry {
	e := Entry{File: p.File, Slug: p.Slug, Title: p.Title, Status: p.Status, Pillar: p.Pillar, URL: p.URL}
	if p.Scheduled() {
		at := p.Date.In(c.Location)
		e.At = &at
		e.When = tanggal.DateTime(at)
		e.Overdue = !p.published() && !p.Date.After(now)
	}
	if p.Slides >= 0 {
		n := p.Slides
		e.Slides = &n
	}
	return e
}

// periodText is the period in Indonesian, "" when it is open.
func periodText(c *Calendar) string {
	day := func(d Day) string {
		return fmt.Sprintf("%d %s %d", d.Day, tanggal.Month(d.Month), d.Year)
	}
	switch {
	case c.Start.IsZero() && c.End.IsZero():
		return ""
	case c.Start.IsZero():
		return "until " + day(c.End)
	case c.End.IsZero():
		return "from " + day(c.Start)
	}
	return day(c.Start) + " – " + day(c.End)
}
