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
// heading.
func breakPages(spec Spec, us []unit, repH float64) []int {
	n := len(us)
	if n == 0 {
		return []int{0}
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
		return []int{0}
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
	return starts
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
