package calendar

import (
	"fmt"
	"io"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// WriteAgenda draws the month as a list, as the preview shows it on a
// phone: only the days with a slot, a post or a blackout, one after the
// other, each with its slots and posts; then the legend and the posts
// without a date. Titles wrap to cols columns.
func WriteAgenda(w io.Writer, v *View, paint Painter, cols int) error {
	if paint == nil {
		paint = NoColor
	}
	cols = max(cols, 20)
	var b strings.Builder
	b.WriteString(paint(StyleHeading, v.Title) + "\n")
	for i := range v.Days {
		d := &v.Days[i]
		if len(d.Slots) == 0 && d.Blackout == nil && !d.Today {
			continue
		}
		b.WriteByte('\n')
		agendaDay(&b, d, paint, cols)
	}
	b.WriteByte('\n')
	writeFooter(&b, v, paint, cols, false)
	_, err := io.WriteString(w, b.String())
	return err
}

// agendaDay writes one day: its date and mark, then a line per slot or
// post, the title indented below when the line has no room for it.
func agendaDay(b *strings.Builder, d *DayView, paint Painter, cols int) {
	style := StyleHeading
	head := fmt.Sprintf("%s, %d %s", d.Weekday, d.day.Day, tanggal.Month(d.day.Month))
	switch {
	case d.Blackout != nil:
		style, head = StyleBlackout, head+" · blackout"
	case d.Today:
		style, head = StyleToday, head+" · today"
	}
	b.WriteString(paint(style, head) + "\n")
	if d.Blackout != nil && d.Blackout.Reason != "" {
		for _, l := range wrap(d.Blackout.Reason, cols-2, 3) {
			b.WriteString("  " + paint(StyleBlackout, l) + "\n")
		}
	}
	for _, s := range d.Slots {
		clock := strings.Replace(s.Time, ":", ".", 1)
		switch s.State {
		case StateFree:
			b.WriteString("  " + clock + " " + paint(StyleFree, "free") + "\n")
		case StatePast:
			b.WriteString("  " + clock + " " + paint(StylePast, "empty") + "\n")
		}
		for _, e := range s.Posts {
			label := e.Status
			if e.Overdue {
				label = "overdue"
			}
			b.WriteString("  " + clock + " " + paint(statusStyle(e), label) + "\n")
			for _, l := range wrap(e.Title, cols-4, 3) {
				b.WriteString("    " + l + "\n")
			}
		}
	}
}
