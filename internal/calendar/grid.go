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

// The cells' text width: cells shrink to fit the columns given, and past
// maxCell they stop growing (at 120 columns a cell is 15 wide). Below
// minCell a grid of seven is no longer readable and the month is drawn as
// an agenda list instead, as the preview does on a phone.
const (
	maxCell = 22
	minCell = 7
)

// cellFor is the cell width that fits seven cells and their borders into
// cols columns.
func cellFor(cols int) int { return min((cols-1)/7-2, maxCell) }

// WriteGrid draws the month to fit cols columns: as a grid of days,
// Monday first, each day with its slots, the posts on them (status, then
// short title), empty slots marked free or past, blackout days and today
// marked; below it a legend and the posts without a time. Too narrow for
// seven cells, it writes the agenda list (WriteAgenda).
func WriteGrid(w io.Writer, v *View, paint Painter, cols int) error {
	if paint == nil {
		paint = NoColor
	}
	cw := cellFor(cols)
	if cw < minCell {
		return WriteAgenda(w, v, paint, cols)
	}
	var b strings.Builder
	total := 7*(cw+2) + 1
	title := v.Title
	fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", max(total-width(title), 0)/2), paint(StyleHeading, title))
	b.WriteString(rule(cw, '┌', '┬', '┐'))
	var head [][]cellLine
	for d := time.Monday; d <= time.Saturday+1; d++ {
		name := tanggal.Weekday(d % 7)
		if width(name) > cw {
			name = tanggal.ShortWeekday(d % 7)
		}
		head = append(head, []cellLine{{{StyleHeading, name}}})
	}
	writeRow(&b, cw, head, paint)
	for _, week := range weeks(v) {
		b.WriteString(rule(cw, '├', '┼', '┤'))
		var cells [][]cellLine
		for _, d := range week {
			cells = append(cells, dayCell(d, cw))
		}
		writeRow(&b, cw, cells, paint)
	}
	b.WriteString(rule(cw, '└', '┴', '┘'))
	writeFooter(&b, v, paint, cols, cw < fullCell)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFooter writes the moment, the legend and the posts without a date,
// each line kept within cols. short adds the abbreviations narrow cells use.
func writeFooter(b *strings.Builder, v *View, paint Painter, cols int, short bool) {
	facts := []string{fmt.Sprintf("now: %s (%s)", tanggal.DateTime(v.Now), v.Timezone)}
	if v.Period != "" {
		facts = append(facts, "period: "+v.Period)
	}
	writeJoined(b, facts, cols)
	legend := []string{paint(StyleFree, "free") + ": open slot", paint(StylePast, "empty") + ": slot gone by without a post",
		paint(StyleBlackout, "blackout") + ": no posts that day"}
	writeJoined(b, legend, cols)
	if short {
		var abbr []string
		for _, k := range []string{"published", "ready", "draft", "overdue", "empty", "blackout", "today"} {
			abbr = append(abbr, shortLabel[k]+": "+k)
		}
		writeJoined(b, abbr, cols)
	}
	if len(v.Unscheduled) == 0 {
		b.WriteString("\nUnscheduled posts: none\n")
		return
	}
	fmt.Fprintf(b, "\nUnscheduled posts (%d):\n", len(v.Unscheduled))
	fileW := 0
	for _, e := range v.Unscheduled {
		fileW = max(fileW, width(e.File))
	}
	for _, e := range v.Unscheduled {
		row := fmt.Sprintf("  %s%s  %s  ", e.File, strings.Repeat(" ", fileW-width(e.File)), paint(statusStyle(e), pad(e.Status, 9)))
		room := cols - (2 + fileW + 2 + 9 + 2)
		if room >= 12 {
			b.WriteString(row + strings.Join(wrap(e.Title, room, 1), "") + "\n")
			continue
		}
		fmt.Fprintf(b, "  %s  %s\n", e.File, paint(statusStyle(e), e.Status))
		for _, l := range wrap(e.Title, max(cols-4, 8), 2) {
			b.WriteString("    " + l + "\n")
		}
	}
}

// writeJoined writes parts joined by " · ", starting a new line where the
// next part would pass cols.
func writeJoined(b *strings.Builder, parts []string, cols int) {
	line := ""
	for _, p := range parts {
		if visibleWidth(p) > cols && !strings.Contains(p, "\x1b") {
			if line != "" {
				b.WriteString(line + "\n")
			}
			long := wrap(p, cols, 4)
			b.WriteString(strings.Join(long[:len(long)-1], "\n") + "\n")
			line = long[len(long)-1]
			continue
		}
		switch {
		case line == "":
			line = p
		case visibleWidth(line)+3+visibleWidth(p) <= cols:
			line += " · " + p
		default:
			b.WriteString(line + "\n")
			line = p
		}
	}
	b.WriteString(line + "\n")
}

// visibleWidth is width without the colour codes a Painter adds.
func visibleWidth(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			esc = true
		case esc:
			esc = r != 'm'
		default:
			n += width(string(r))
		}
	}
	return n
}

// fullCell is the narrowest cell that holds "19.00 published".
const fullCell = 15

// shortLabel is what a narrow cell writes for a status or a day's mark.
var shortLabel = map[string]string{"published": "pub", "ready": "rdy", "draft": "dft", "overdue": "late",
	"free": "free", "empty": "miss", "blackout": "off", "today": "now"}

// fit makes a clock and a label fit cw columns: first the clock loses its
// ".00", then the label is abbreviated, then cut.
func fit(clock, label string, cw int) (string, string) {
	if width(clock)+1+width(label) <= cw {
		return clock, label
	}
	clock = strings.TrimSuffix(clock, ".00")
	if width(clock)+1+width(label) <= cw {
		return clock, label
	}
	if s, ok := shortLabel[label]; ok {
		label = s
	}
	return clock, cut(label, max(cw-width(clock)-1, 1))
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

func rule(cw int, left, mid, right rune) string {
	seg := strings.Repeat("─", cw+1)
	return string(left) + strings.Repeat(seg+string(mid), 6) + seg + string(right) + "\n"
}

// writeRow writes seven cells side by side, as tall as the tallest.
func writeRow(b *strings.Builder, cw int, cells [][]cellLine, paint Painter) {
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
			b.WriteString(strings.Repeat(" ", max(cw-line.width(), 0)))
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
func dayCell(d *DayView, cw int) []cellLine {
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
	if label != "" && width(num+label) > cw {
		label = " " + shortLabel[strings.TrimSpace(label)]
	}
	head := cellLine{{numStyle, num}, {style, label}}
	lines := []cellLine{head}
	titleLines := 2
	if cw < 12 {
		titleLines = 3 // a narrow cell needs more lines for the same words
	}
	if d.Blackout != nil && d.Blackout.Reason != "" {
		for _, l := range wrap(d.Blackout.Reason, cw, titleLines) {
			lines = append(lines, cellLine{{StyleBlackout, l}})
		}
	}
	slot := func(clock, label string, st Style) cellLine {
		c, l := fit(clock, label, cw)
		return cellLine{{StylePlain, c + " "}, {st, l}}
	}
	for _, s := range d.Slots {
		clock := strings.Replace(s.Time, ":", ".", 1)
		switch s.State {
		case StateFree:
			lines = append(lines, slot(clock, "free", StyleFree))
		case StatePast:
			lines = append(lines, slot(clock, "empty", StylePast))
		}
		for _, e := range s.Posts {
			label := e.Status
			if e.Overdue {
				label = "overdue"
			}
			lines = append(lines, slot(clock, label, statusStyle(e)))
			for _, l := range wrap(e.Title, cw-1, titleLines) {
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
			head, rest := splitLong(word, w)
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			lines = append(lines, head)
			word = rest
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

// splitLong divides a word wider than w columns: after a hyphen when one
// falls within the line ("cuci-" "tangan"), else it is abbreviated with
// "…" and the rest dropped, which reads better than a cut mid-word.
func splitLong(word string, w int) (head, rest string) {
	r := []rune(word)
	for i := min(len(r), w) - 1; i > 0; i-- {
		if r[i] == '-' {
			return string(r[:i+1]), string(r[i+1:])
		}
	}
	return cut(word, max(w-1, 1)) + "…", ""
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
