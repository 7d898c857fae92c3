package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pkpm-btn3/pkpm/internal/build"
)

// progress draws a one-line bar on a terminal and nothing elsewhere: the
// posts finished, and the slides drawn and kept so far, in the summary's
// words.
type progress struct {
	s     *Streams
	on    bool
	width int // the terminal's columns
}

func newProgress(s *Streams, on bool) *progress {
	return &progress{s: s, on: on, width: s.columns()}
}

// barWidth is the bar's width when the terminal has room for it.
const barWidth = 28

func (p *progress) update(b build.Progress) {
	if !p.on || b.Total == 0 {
		return
	}
	fmt.Fprintf(p.s.Err, "\r%s\x1b[K", progressLine(b, p.width))
}

// progressLine fits in width columns so that the next update, after a
// carriage return, draws over it: the bar goes first when there is no
// room, then the counts of slides, whole.
func progressLine(b build.Progress, width int) string {
	posts := fmt.Sprintf("%s/%s %s", thousands(b.Posts), thousands(b.Total), plural(b.Total, "post"))
	room := width - 1 // a line as wide as the terminal wraps on some
	text := posts
	for _, t := range []string{posts + " · " + slideCounts(b.Drawn, b.Reused),
		fmt.Sprintf("%s · %s %s drawn", posts, thousands(b.Drawn), plural(b.Drawn, "slide"))} {
		if utf8.RuneCountInString(t) <= room {
			text = t
			break
		}
	}
	if n := min(barWidth, room-utf8.RuneCountInString(text)-1); n >= 10 {
		done := b.Posts * n / b.Total
		text = strings.Repeat("█", done) + strings.Repeat("░", n-done) + " " + text
	}
	return text
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.s.Err, "\r\x1b[K")
	}
}
