package preview

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// calendarView is a month of the posting plan as a page.
type calendarView struct {
	frame
	Month       string // "Agustus 2020"
	Period      string
	Timezone    string
	Prev, Next  string // URLs of the months around
	Weekdays    []string
	Cells       []calCell
	Unscheduled []calEntry
	Findings    []findingView
	Problem     string   // calendar.yaml does not parse; the last good plan is shown
	Unreadable  []string // posts the plan cannot read
}

// calCell is a day of the month, or a blank before the first.
type calCell struct {
	Blank    bool
	Day      int
	Weekday  string
	Today    bool
	Outside  bool // outside the programme period
	Blackout string
	Slots    []calSlot
}

type calSlot struct {
	Time    string
	State   string // taken, free or past
	Entries []calEntry
}

type calEntry struct {
	URL, Thumb, Title, Status, When string
	Overdue                         bool
	Broken                          bool // does not build; shown with its last good date and title
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request) {
	st := s.site.Load()
	s.pages.render(w, http.StatusOK, "calendar", newCalendarView(st, r.URL.Query().Get("month")))
}

func newCalendarView(s *site, month string) calendarView {
	v := calendarView{frame: newFrame(s, "calendar", "preview.calendar")}
	if s.calErr != nil {
		v.Problem = s.calErr.Error()
	}
	c := s.cal
	if c == nil {
		return v
	}
	now := s.now().In(c.Location)
	year, mon, ok := parseMonth(month)
	if !ok {
		year, mon = defaultMonth(c, now)
	}
	posts, bySlug := calendarPosts(s)
	view := calendar.Month(c, posts, year, mon, now)
	v.Month, v.Period, v.Timezone = view.Title, view.Period, view.Timezone
	first := time.Date(year, mon, 1, 12, 0, 0, 0, c.Location)
	v.Prev = "/calendar?month=" + first.AddDate(0, -1, 0).Format("2006-01")
	v.Next = "/calendar?month=" + first.AddDate(0, 1, 0).Format("2006-01")
	for d := time.Monday; d <= time.Saturday+1; d++ {
		v.Weekdays = append(v.Weekdays, tanggal.ShortWeekday(d%7))
	}
	// Monday first: blanks before the 1st.
	for range (int(first.Weekday()) + 6) % 7 {
		v.Cells = append(v.Cells, calCell{Blank: true})
	}
	for i, d := range view.Days {
		cell := calCell{Day: i + 1, Weekday: d.Weekday, Today: d.Today, Outside: !d.InPeriod}
		if d.Blackout != nil {
			cell.Blackout = d.Blackout.Reason
		}
		for _, sl := range d.Slots {
			cs := calSlot{Time: sl.Time, State: sl.State}
			for _, e := range sl.Posts {
				cs.Entries = append(cs.Entries, newCalEntry(e, bySlug))
			}
			cell.Slots = append(cell.Slots, cs)
		}
		v.Cells = append(v.Cells, cell)
	}
	for len(v.Cells)%7 != 0 {
		v.Cells = append(v.Cells, calCell{Blank: true})
	}
	for _, e := range view.Unscheduled {
		v.Unscheduled = append(v.Unscheduled, newCalEntry(e, bySlug))
	}
	for _, f := range calendar.Check(c, posts, now) {
		v.Findings = append(v.Findings, findingView{Error: f.Severity == diag.Error, Rule: f.Rule,
			Where: strings.TrimSuffix(diag.Diagnostic{File: f.File, Line: f.Line}.String(), ": "), Message: f.Message, Hint: f.ExtraHint()})
	}
	for _, p := range s.posts {
		if p.shown() == nil {
			v.Unreadable = append(v.Unreadable, p.file)
		}
	}
	return v
}

// calendarPosts are the posts the plan can read, and each post by slug.
// A post whose front matter broke takes part with its last good front
// matter: its slot stays taken, so no false missed slot or gap appears.
func calendarPosts(s *site) ([]calendar.Post, map[string]*post) {
	var out []calendar.Post
	bySlug := map[string]*post{}
	for _, p := range s.posts {
		a := p.shown()
		if a == nil {
			continue
		}
		cp := calendar.PostOf(a)
		cp.Slides = -1
		if p.err == nil {
			cp.Slides = len(p.slides)
		}
		out = append(out, cp)
		bySlug[p.slug] = p
	}
	return out, bySlug
}

func newCalEntry(e calendar.Entry, bySlug map[string]*post) calEntry {
	ce := calEntry{URL: postURL(e.Slug), Title: e.Title, Status: e.Status, When: e.When, Overdue: e.Overdue}
	if p := bySlug[e.Slug]; p != nil {
		ce.Thumb = thumbURL(p)
		ce.Broken = p.err != nil
	}
	return ce
}

// parseMonth reads "2020-08".
func parseMonth(s string) (int, time.Month, bool) {
	y, m, ok := strings.Cut(s, "-")
	if !ok || len(y) != 4 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(y)
	mon, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || mon < 1 || mon > 12 {
		return 0, 0, false
	}
	return year, time.Month(mon), true
}

// defaultMonth is the month of now, or the nearest month of the
// programme period when now is outside it: an editor opening the plan
// of a past or future programme sees it, not an empty month.
func defaultMonth(c *calendar.Calendar, now time.Time) (int, time.Month) {
	today := c.Day(now)
	switch {
	case !c.Start.IsZero() && today.Before(c.Start):
		return c.Start.Year, c.Start.Month
	case !c.End.IsZero() && today.After(c.End):
		return c.End.Year, c.End.Month
	}
	return now.Year(), now.Month()
}
