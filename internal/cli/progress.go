package cli

import (
	"fmt"
	"strings"
)

// progress draws a one-line bar on a terminal and nothing elsewhere.
type progress struct {
	s  *Streams
	on bool
}

func newProgress(s *Streams, on bool) *progress { return &progress{s: s, on: on} }

func (p *progress) update(done, total int) {
	if !p.on || total == 0 {
		return
	}
	const width = 28
	n := done * width / total
	fmt.Fprintf(p.s.Err, "\r%s%s %d/%d posts", strings.Repeat("█", n), strings.Repeat("░", width-n), done, total)
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.s.Err, "\r\x1b[K")
	}
}
