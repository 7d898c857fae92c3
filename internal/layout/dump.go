package layout

import (
	"fmt"
	"strings"
)

// Dump writes a result as text, one line per laid-out line, for golden
// tests and debugging: page, block, x, baseline, width, size, text.
func (r Result) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "size %.0f pages %d overflow %v\n", r.Size, len(r.Pages), r.Overflow)
	for pi, p := range r.Pages {
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "p%d b%d x=%.1f y=%.1f w=%.1f s=%.0f %q\n", pi+1, l.Block, l.X, l.Y, l.W, l.Size, l.Text)
		}
		for _, rc := range p.Rects {
			fmt.Fprintf(&b, "p%d rect x=%.1f y=%.1f w=%.1f h=%.1f\n", pi+1, rc.X, rc.Y, rc.W, rc.H)
		}
	}
	for _, w := range r.Broken {
		fmt.Fprintf(&b, "broken %q\n", w.Word)
	}
	return b.String()
}
