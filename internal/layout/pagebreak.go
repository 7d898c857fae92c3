package layout

import (
	"math"
	"strings"
)

// Costs of a page break, in the units of imbalance (lines off the even
// share, squared): a break between paragraphs is free, one after a
// sentence cheap, one inside a sentence dear, so a break moves a few
// lines to reach a sentence's end but not further.
const (
	costSentence   = 3
	costMidline    = 20
	costStranded   = 6    // one line of a paragraph left alone on a page
	costShort      = 1000 // a page with under two thirds of its share
	costHeadingEnd = 1000 // a heading last on a page, its text on the next
)

// breakPages returns the index of the first unit of each page. It uses as
// few pages as the units need, and among the ways to fill that many it
// picks the one that shares the text most evenly and breaks at paragraph
// or sentence ends. Pages after the first start with repH of repeated
// heading. It also returns the cost of the breaks it chose.
func breakPages(spec Spec, us []unit, repH float64) ([]int, float64) {
	n := len(us)
	if n == 0 {
		return []int{0}, 0
	}
	pre := make([]float64, n+1) // heights
	gaps := make([]float64, n+1)
	for i, u := range us {
		pre[i+1] = pre[i] + u.h
		gaps[i+1] = gaps[i] + u.gap
	}
	height := func(i, j, p int) float64 {
		h := pre[j] - pre[i] + gaps[j] - gaps[i+1]
		if p > 0 && repH > 0 {
			h += repH + us[i].gap
		}
		return h
	}
	limit := spec.Box.H + 0.5
	fits := func(i, j, p int) bool { return j-i == 1 || height(i, j, p) <= limit }
	pages := greedyPages(n, fits)
	if pages == 1 {
		return []int{0}, 0
	}
	share := pre[n] / float64(pages)
	line := pre[n] / float64(n)
	pageCost := func(i, j int) float64 {
		amt := pre[j] - pre[i]
		d := (amt - share) / line
		c := d * d
		if amt < share*2/3 {
			c += costShort
		}
		if j < n {
			c += breakCost(spec, us, j)
		}
		return c
	}
	// cost[k][j]: the best way to set us[:j] on k+1 pages.
	inf := math.Inf(1)
	cost := make([][]float64, pages)
	from := make([][]int, pages)
	for k := range cost {
		cost[k] = make([]float64, n+1)
		from[k] = make([]int, n+1)
		for j := range cost[k] {
			cost[k][j] = inf
			if k == 0 && j > 0 && fits(0, j, 0) {
				cost[k][j] = pageCost(0, j)
			}
		}
	}
	for k := 1; k < pages; k++ {
		for j := k + 1; j <= n; j++ {
			for i := j - 1; i >= k; i-- {
				if !fits(i, j, k) {
					break
				}
				if c := cost[k-1][i] + pageCost(i, j); c < cost[k][j] {
					cost[k][j], from[k][j] = c, i
				}
			}
		}
	}
	starts := make([]int, pages)
	j := n
	for k := pages - 1; k > 0; k-- {
		j = from[k][j]
		starts[k] = j
	}
	return starts, cost[pages-1][n]
}

// sentenceBreak lets a page break where a sentence ends inside a line.
// Setting a paragraph as two at such a sentence end, its text up to the
// end and the rest from a new line, makes a break possible there; the
// split whose pages then break right there at the lowest cost is kept,
// if it beats the breaks chosen before, and the search repeats for the
// next break.
func (e *Engine) sentenceBreak(spec Spec, preps []prepared, size float64, us []unit, starts []int, cost, repH float64) ([]unit, []int) {
	splits := map[int][]int{} // block → indices of the words that start a new part
	for round := 1; round < len(starts); round++ {
		bestBlock, bestK := -1, 0
		var bestUs []unit
		for bi, p := range preps {
			first, last := blockRange(us, bi)
			if p.b.Table != nil || p.b.Balance || last-first < 2 {
				continue
			}
			for _, k := range e.sentenceEnds(p, splits[bi], size, spec.Box.W) {
				parts := insertSorted(splits[bi], k)
				alt := append(append(append([]unit(nil), us[:first]...), e.splitUnits(bi, p, parts, size, spec.Box.W)...), us[last:]...)
				st, c := breakPages(spec, alt, repH)
				if c < cost && breaksAt(st, first+e.unitsBefore(p, parts, k, size, spec.Box.W)) {
					bestBlock, bestK, bestUs, starts, cost = bi, k, alt, st, c
				}
			}
		}
		if bestBlock < 0 {
			break
		}
		splits[bestBlock] = insertSorted(splits[bestBlock], bestK)
		us = bestUs
	}
	return us, starts
}

// sentenceEnds are the indices of the words of a block, split into parts
// before the given words, that start a sentence in the middle of a line.
func (e *Engine) sentenceEnds(p prepared, parts []int, size, width float64) []int {
	var out []int
	bounds := append(append([]int{0}, parts...), len(p.words))
	for i := 0; i+1 < len(bounds); i++ {
		words := p.words[bounds[i]:bounds[i+1]]
		lineOf := e.s.setLines(words, e.measure(p, size, width), false).wordLine
		for k := 1; k < len(words); k++ {
			prev := words[k-1]
			if lineOf[k] == lineOf[k-1] && !endsHard(prev) && words[k].text() != "" && closesSentence(prev.text()) {
				out = append(out, bounds[i]+k)
			}
		}
	}
	return out
}

// measure is the width of a block's lines at a base size, in ems.
func (e *Engine) measure(p prepared, base, width float64) float32 {
	return float32((width - p.b.Indent*base) / max(base*nonzero(p.b.Scale, 1), p.b.MinSize))
}

// splitUnits sets a block's words as parts starting at the given words,
// each part from a new line.
func (e *Engine) splitUnits(bi int, p prepared, parts []int, base, width float64) []unit {
	bounds := append(append([]int{0}, parts...), len(p.words))
	var out []unit
	for i := 0; i+1 < len(bounds); i++ {
		out = append(out, e.blockUnits(bi, p, p.words[bounds[i]:bounds[i+1]], base, width, i == 0)...)
	}
	return out
}

// unitsBefore is how many lines of a split block come before word k, the
// start of one of its parts.
func (e *Engine) unitsBefore(p prepared, parts []int, k int, base, width float64) int {
	bounds := append([]int{0}, parts...)
	n := 0
	for i := 0; i+1 < len(bounds) && bounds[i+1] <= k; i++ {
		n += len(e.s.setLines(p.words[bounds[i]:bounds[i+1]], e.measure(p, base, width), false).lines)
	}
	return n
}

func insertSorted(list []int, k int) []int {
	out := make([]int, 0, len(list)+1)
	done := false
	for _, v := range list {
		if !done && k < v {
			out, done = append(out, k), true
		}
		out = append(out, v)
	}
	if !done {
		out = append(out, k)
	}
	return out
}

// blockRange is the span of units of block b: [first, last).
func blockRange(us []unit, b int) (first, last int) {
	first = -1
	for i, u := range us {
		if u.block == b {
			if first < 0 {
				first = i
			}
			last = i + 1
		}
	}
	return max(first, 0), last
}

func breaksAt(starts []int, i int) bool {
	for _, s := range starts[1:] {
		if s == i {
			return true
		}
	}
	return false
}

// greedyPages is the fewest pages the units need: each page filled until
// the next unit does not fit.
func greedyPages(n int, fits func(i, j, p int) bool) int {
	pages, start := 1, 0
	for j := 1; j < n; j++ {
		if !fits(start, j+1, pages-1) {
			pages, start = pages+1, j
		}
	}
	return pages
}

// breakCost is the cost of a page break before us[j].
func breakCost(spec Spec, us []unit, j int) float64 {
	prev, next := us[j-1], us[j]
	if prev.block != next.block {
		if r := spec.Blocks[prev.block].Role; r == "heading" || r == "title" {
			return costHeadingEnd
		}
		return 0
	}
	c := float64(costMidline)
	if len(prev.lines) > 0 && closesSentence(prev.lines[len(prev.lines)-1].Text) {
		c = costSentence
	}
	if j < 2 || us[j-2].block != prev.block {
		c += costStranded
	}
	if j+1 >= len(us) || us[j+1].block != next.block {
		c += costStranded
	}
	return c
}

// closesSentence reports whether a line ends a sentence: a full stop,
// question or exclamation mark or ellipsis, perhaps inside closing quotes
// or brackets.
func closesSentence(s string) bool {
	s = strings.TrimRight(s, " \u00a0\"'”’)]»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}
