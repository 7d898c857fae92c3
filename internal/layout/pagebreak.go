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
	costPage       = 15   // a page more than the text needs: less than a break inside a sentence
)

// pageCut is a place a page may end: before a unit, or inside a line where a
// sentence ends (mid), that line then set on both pages, its head ending
// one and its tail starting the next.
type pageCut struct {
	end   int // the page before the cut holds units up to end, exclusive
	start int // the page after it starts with this unit
	mid   bool
}

// cuts lists the places a page may end, in order; with mids, also inside
// lines where a sentence ends.
func cuts(us []unit, mids bool) []pageCut {
	out := []pageCut{{}}
	for j, u := range us {
		if mids && u.split > 0 {
			out = append(out, pageCut{end: j + 1, start: j, mid: true})
		}
		out = append(out, pageCut{end: j + 1, start: j + 1})
	}
	return out
}

// breakPages returns where each page starts. It uses as few pages as the
// units need (or a few more, when that saves breaks inside sentences),
// and among the ways to fill them it picks the one that fills the pages
// most evenly, a repeated heading counted, and breaks at paragraph or
// sentence ends;
// with mids, also at sentences that end inside a line. Pages after the
// first start with repH of repeated heading; a unit marked forced starts
// a page.
func breakPages(spec Spec, us []unit, repH float64, mids bool) []pageCut {
	n := len(us)
	if n == 0 {
		return []pageCut{{}}
	}
	pre := make([]float64, n+1) // heights
	gaps := make([]float64, n+1)
	forced := make([]int, n+1)
	for i, u := range us {
		pre[i+1] = pre[i] + u.h
		gaps[i+1] = gaps[i] + u.gap
		forced[i+1] = forced[i]
		if u.forced {
			forced[i+1]++
		}
	}
	height := func(i, j, p int) float64 {
		h := pre[j] - pre[i] + gaps[j] - gaps[i+1]
		if p > 0 && repH > 0 {
			h += repH + us[i].gap
		}
		return h
	}
	limit := spec.Box.H + 0.5
	fits := func(i, j, p int) bool {
		return forced[j]-forced[i+1] == 0 && (j-i == 1 || height(i, j, p) <= limit)
	}
	pages := greedyPages(n, fits)
	if pages == 1 {
		return []pageCut{{}}
	}
	cs := cuts(us, mids)
	cc := make([]float64, len(cs)) // the cost of ending a page at each cut
	for b, c := range cs {
		if b > 0 && (c.end < n || c.mid) {
			cc[b] = cutCost(spec, us, c)
		}
	}
	// A page more than the fewest is worth it when it saves breaks inside
	// sentences; past a few more, the text is too long to read anyway.
	var best []pageCut
	bestCost := math.Inf(1)
	for p := pages; p <= pages+min(3, max(1, pages/4)); p++ {
		out, c := cheapest(us, cs, cc, pre, p, pre[n]/float64(pages)*2/3, repH, fits)
		if c += float64(p-pages) * costPage; out != nil && c < bestCost {
			best, bestCost = out, c
		}
	}
	return best
}

// cheapest is the best way to set units on exactly pages pages, ending
// them at some of the cuts cs (each costing cc), and its cost; nil when
// there is none. A page holding less than short is too short; short is
// measured against the fewest pages, so a page more is no way out of a
// short page: it only spreads the text thinner.
func cheapest(us []unit, cs []pageCut, cc, pre []float64, pages int, short, repH float64, fits func(i, j, p int) bool) ([]pageCut, float64) {
	n := len(us)
	share := pre[n] / float64(pages)
	line := pre[n] / float64(n)
	pageCost := func(a, b int) float64 {
		amt := pre[cs[b].end] - pre[cs[a].start]
		if a > 0 {
			amt += repH // the heading repeated on the page fills it as well
		}
		d := (amt - share) / line
		c := d*d + cc[b]
		if amt < short {
			c += costShort
		}
		return c
	}
	// cost[k][b]: the best way to set what comes before cut b on k+1 pages.
	inf := math.Inf(1)
	m := len(cs)
	cost := make([][]float64, pages)
	from := make([][]int, pages)
	for k := range cost {
		cost[k] = make([]float64, m)
		from[k] = make([]int, m)
		for b := range cost[k] {
			cost[k][b] = inf
			if k == 0 && b > 0 && fits(0, cs[b].end, 0) {
				cost[k][b] = pageCost(0, b)
			}
		}
	}
	for k := 1; k < pages; k++ {
		for b := 1; b < m; b++ {
			for a := b - 1; a > 0; a-- {
				if cs[b].end <= cs[a].start {
					continue
				}
				if !fits(cs[a].start, cs[b].end, k) {
					break
				}
				if c := cost[k-1][a] + pageCost(a, b); c < cost[k][b] {
					cost[k][b], from[k][b] = c, a
				}
			}
		}
	}
	if math.IsInf(cost[pages-1][m-1], 1) {
		return nil, inf
	}
	out := make([]pageCut, pages)
	b := m - 1
	for k := pages - 1; k > 0; k-- {
		b = from[k][b]
		out[k] = cs[b]
	}
	return out, cost[pages-1][m-1]
}

// cutCost is the cost of ending a page at c.
func cutCost(spec Spec, us []unit, c pageCut) float64 {
	if !c.mid {
		return breakCost(spec, us, c.end)
	}
	j := c.start
	cost := float64(costSentence)
	if j == 0 || us[j-1].block != us[j].block {
		cost += costStranded
	}
	if j+1 >= len(us) || us[j+1].block != us[j].block {
		cost += costStranded
	}
	return cost
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
