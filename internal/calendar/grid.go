package calendar

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// Style names what a piece of the grid shows, for the caller to colour.
type Style int

// The styles of the grid.
const (
	StylePlain Style = iota
	StyleHeading
	StyleToday
	StyleBlackout
	StyleOutside // a day outside the period
	StyleFree
	StylePast
	StyleDraft
	StyleReady
	StylePublished
	StyleOverdue
)

// Painter colours text of a style; it must not change the text's width.
type Painter func(Style, string) string

// NoColor paints nothing.
func NoColor(_ Style, s string) string { return s }

// cellWidth is the text width of a day; with borders the grid is 120
// columns wide.
const cellWidth = 15

// WriteGrid draws the month as a grid of days, Monday first: each day
// with its slots, the posts on them (status, then short title), empty
// slots marked free or past, blackout days and today marked; below it a
// legend and the posts without a time.
func WriteGrid(w io.Writer, v *View, paint Painter) error {
	if paint == nil {
		paint = NoColor
	}
	var b strings.Builder
	total := 7*(cellWidth+2) + 1
	title := v.Title
	fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", (total-width(title))/2), paint(StyleHeading, title))
	b.WriteString(rule('┌', '┬', '┐'))
	var head []cellLine
	for d := time.Monday; d <= time.Saturday+1; d++ {
		head = append(head, cellLine{{StyleHeading, tanggal.Weekday(d % 7)}})
	}
	writeRow(&b, [][]cellLine{head[0:1], head[1:2], head[2:3], head[3:4], head[4:5], head[5:6], head[6:7]}, paint)
	for _, week := range weeks(v) {
		b.WriteString(rule('├', '┼', '┤'))
		var cells [][]cellLine
		for _, d := range week {
			cells = append(cells, dayCell(d))
		}
		writeRow(&b, cells, paint)
	}
	b.WriteString(rule('└', '┴', '┘'))
	fmt.Fprintf(&b, "now: %s (%s)", tanggal.DateTime(v.Now), v.Timezone)
	if v.Period != "" {
		fmt.Fprintf(&b, " · period: %s", v.Period)
	}
	fmt.Fprintf(&b, "\n%s: open slot · %s: slot gone by without a post · %s: no posts that day\n",
		paint(StyleFree, "free"), paint(StylePast, "empty"), paint(StyleBlackout, "blackout"))
	if len(v.Unscheduled) == 0 {
		b.WriteString("\nUnscheduled posts: none\n")
	} else {
		fmt.Fprintf(&b, "\nUnscheduled posts (%d):\n", len(v.Unscheduled))
		fileW := 0
		for _, e := range v.Unscheduled {
			fileW = max(fileW, width(e.File))
		}
		for _, e := range v.Unscheduled {
			fmt.Fprintf(&b, "  %s%s  %s  %s\n", e.File, strings.Repeat(" ", fileW-width(e.File)), paint(statusStyle(e), pad(e.Status, 9)), e.Title)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// piece is text in one style; a cellLine is what one line of a cell says.
type piece struct {
	style Style
	text  string
}

type cellLine []piece

func (l cellLine) width() int {
	n := 0
	for _, p := range l {
		n += width(p.text)
	}
	return n
}

func rule(left, mid, right rune) string {
	seg := strings.Repeat("─", cellWidth+1)
	return string(left) + strings.Repeat(seg+string(mid), 6) + seg + string(right) + "\n"
}

// writeRow writes seven cells side by side, as tall as the tallest.
func writeRow(b *strings.Builder, cells [][]cellLine, paint Painter) {
	height := 1
	for _, c := range cells {
		height = max(height, len(c))
	}
	for i := range height {
		b.WriteString("│")
		for _, c := range cells {
			b.WriteByte(' ')
			var line cellLine
			if i < len(c) {
				line = c[i]
			}
			for _, p := range line {
				b.WriteString(paint(p.style, p.text))
			}
			b.WriteString(strings.Repeat(" ", max(cellWidth-line.width(), 0)))
			b.WriteString("│")
		}
		b.WriteByte('\n')
	}
}

// weeks lays the days out Monday to Sunday; nil is a day of another month.
func weeks(v *View) [][]*DayView {
	var out [][]*DayView
	var week []*DayView
	for i := range v.Days {
		d := &v.Days[i]
		if week == nil {
			week = make([]*DayView, (int(d.day.Weekday())+6)%7)
		}
		week = append(week, d)
		if len(week) == 7 {
			out = append(out, week)
			week = nil
		}
	}
	if week != nil {
		out = append(out, append(week, make([]*DayView, 7-len(week))...))
	}
	return out
}

// dayCell is what one day's box says, line by line.
func dayCell(d *DayView) []cellLine {
	if d == nil {
		return []cellLine{{}, {}}
	}
	num := fmt.Sprint(d.day.Day)
	style, label := StylePlain, ""
	switch {
	case d.Blackout != nil:
		style, label = StyleBlackout, " blackout"
	case !d.InPeriod:
		style = StyleOutside
	}
	numStyle := style
	if d.Today {
		numStyle = StyleToday
		if d.Blackout == nil {
			label = " today"
		}
	}
	head := cellLine{{numStyle, num}, {style, label}}
	lines := []cellLine{head}
	if d.Blackout != nil && d.Blackout.Reason != "" {
		for _, l := range wrap(d.Blackout.Reason, cellWidth, 2) {
			lines = append(lines, cellLine{{StyleBlackout, l}})
		}
	}
	for _, s := range d.Slots {
		clock := strings.Replace(s.Time, ":", ".", 1) + " "
		switch s.State {
		case StateFree:
			lines = append(lines, cellLine{{StylePlain, clock}, {StyleFree, "free"}})
		case StatePast:
			lines = append(lines, cellLine{{StylePlain, clock}, {StylePast, "empty"}})
		}
		for _, e := range s.Posts {
			label := e.Status
			if e.Overdue {
				label = "overdue"
			}
			lines = append(lines, cellLine{{StylePlain, clock}, {statusStyle(e), label}})
			for _, l := range wrap(e.Title, cellWidth-1, 2) {
				lines = append(lines, cellLine{{StylePlain, l}})
			}
		}
	}
	if len(lines) < 2 {
		lines = append(lines, cellLine{})
	}
	return lines
}

func statusStyle(e Entry) Style {
	switch {
	case e.Overdue:
		return StyleOverdue
	case e.Status == "published":
		return StylePublished
	case e.Status == "ready":
		return StyleReady
	}
	return StyleDraft
}

// wrap breaks text into at most n lines of at most w columns, at spaces,
// ending with "…" when it had to cut. Emoji and other pictographs are
// left out: terminals disagree on their width.
func wrap(text string, w, n int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(strings.Map(keepForGrid, text)) {
		for width(word) > w {
			head := cut(word, w)
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			lines = append(lines, head)
			word = word[len(head):]
		}
		switch {
		case word == "":
		case cur == "":
			cur = word
		case width(cur)+1+width(word) <= w:
			cur += " " + word
		default:
			lines, cur = append(lines, cur), word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > n {
		lines = lines[:n]
		last := lines[n-1]
		if width(last) >= w {
			last = cut(last, w-1)
		}
		lines[n-1] = strings.TrimRight(last, " ,.:;-") + "…"
	}
	return lines
}

// cut shortens a word too long for a line.
func cut(word string, w int) string {
	r := []rune(word)
	for width(string(r)) > w {
		r = r[:len(r)-1]
	}
	return string(r)
}

// keepForGrid drops pictographs, joiners and variation selectors, and
// turns other spaces into plain ones.
func keepForGrid(r rune) rune {
	switch {
	case unicode.IsSpace(r):
		return ' '
	case r == '\u200d' || unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Mn, r):
		return -1
	case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r >= 0x1F000 || unicode.Is(unicode.Co, r) || unicode.IsControl(r):
		return -1
	}
	return r
}

// width is the columns text takes in a terminal: one per character, two
// for the wide scripts of East Asia.
func width(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || r >= 0xFF01 && r <= 0xFF60 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func pad(s string, w int) string { return s + strings.Repeat(" ", max(w-width(s), 0)) }
