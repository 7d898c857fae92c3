package layout

import (
	"encoding/binary"
	"math"
	"sort"
)

// Engine lays out text with one set of fonts. It caches shaping results
// and is not safe for concurrent use: give each worker its own.
type Engine struct {
	s      *shaper
	ascent float32 // of the regular face, in ems
	desc   float32
	texts  map[string]preparedText // by textKey
}

// New returns an engine drawing with fonts.
func New(f *Fonts) *Engine {
	e := &Engine{s: newShaper(f), ascent: 0.9, desc: 0.25, texts: map[string]preparedText{}}
	if ext, ok := f.Regular.FontHExtents(); ok {
		upem := float32(f.Regular.Upem())
		e.ascent, e.desc = ext.Ascender/upem, -ext.Descender/upem
	}
	return e
}

// prepared is a block with its words shaped, ready for any size.
type prepared struct {
	b      Block
	words  []word
	ends   []bool // ends[i]: words[i] ends a sentence and a new one follows
	marker []word
	cells  [][][]word // table cells
}

// unit is an unbreakable piece of a page: a line, or a table row.
type unit struct {
	block  int
	floor  bool    // set at its block's MinSize: it cannot shrink further
	split  int     // a line where a sentence starts mid-line: that word's index in its block, else 0
	forced bool    // starts a page: the text before it was set apart to end one
	h      float64 // height
	gap    float64 // space above it, unless first on its page
	lines  []Line  // positioned relative to the unit's top-left at (0, 0)
	rects  []Rect
	broken []Broken
}

// Fit lays the blocks out at the largest base size between MaxSize and
// MinSize at which they fit the box. When they do not fit at MinSize,
// the lines are split over as many pages as needed.
func (e *Engine) Fit(spec Spec) Result {
	preps := e.prepare(spec.Blocks)
	lo, hi := int(math.Ceil(spec.MinSize)), int(math.Floor(spec.MaxSize))
	if hi < lo {
		hi = lo
	}
	// A size that divides a word does not fit unless it is the smallest:
	// a slightly smaller title beats one that cuts a word.
	fits := func(size int) ([]unit, bool) {
		us := e.units(preps, float64(size), spec.Box.W, spec.Box.H)
		return us, totalHeight(us) <= spec.Box.H+0.5 && (size == lo || !divides(us))
	}
	// Heights and divisions grow with size except for rare wrapping
	// accidents, so a binary search finds the boundary.
	best, bestUnits := -1, []unit(nil)
	a, b := lo, hi
	for a <= b {
		m := (a + b) / 2
		if us, ok := fits(m); ok {
			best, bestUnits = m, us
			a = m + 1
		} else {
			b = m - 1
		}
	}
	if best < 0 {
		us := e.units(preps, float64(lo), spec.Box.W, spec.Box.H)
		return e.paginate(spec, preps, float64(lo), us)
	}
	if spec.FewerLines {
		best, bestUnits = e.fewerLines(preps, spec.Box.W, best, lo, bestUnits, fits)
	}
	return e.paginate(spec, preps, float64(best), bestUnits)
}

// fewerLines returns the largest size down to 15% below best that sets
// the title in fewer lines than best does, when best sets it in three or
// more, and still fits; else best.
func (e *Engine) fewerLines(preps []prepared, width float64, best, lo int, us []unit, fits func(int) ([]unit, bool)) (int, []unit) {
	n := e.balancedLines(preps, float64(best), width)
	if n < 3 {
		return best, us
	}
	for size := best - 1; size >= max(lo, int(math.Ceil(float64(best)*0.85))); size-- {
		if e.balancedLines(preps, float64(size), width) >= n {
			continue
		}
		if su, ok := fits(size); ok {
			return size, su
		}
	}
	return best, us
}

// balancedLines counts the lines of the first balanced block (the title;
// a subtitle under it does not count) at a base size.
func (e *Engine) balancedLines(preps []prepared, base, width float64) int {
	for _, p := range preps {
		if p.b.Balance && p.b.Table == nil {
			return e.s.chooseLines(p.words, e.measure(p, base, width), true).count()
		}
	}
	return 0
}

// measure is the width of a block's lines at a base size, in ems.
func (e *Engine) measure(p prepared, base, width float64) float32 {
	return float32((width - p.b.Indent*base) / max(base*nonzero(p.b.Scale, 1), p.b.MinSize))
}

// divides reports whether a word is divided in a block that could still
// shrink.
func divides(us []unit) bool {
	for _, u := range us {
		if len(u.broken) > 0 && !u.floor {
			return true
		}
	}
	return false
}

func totalHeight(us []unit) float64 {
	var h float64
	for i, u := range us {
		if i > 0 {
			h += u.gap
		}
		h += u.h
	}
	return h
}

func (e *Engine) prepare(blocks []Block) []prepared {
	out := make([]prepared, len(blocks))
	for i, b := range blocks {
		p := prepared{b: b}
		tr := float32(b.Tracking)
		if b.Table != nil {
			p.cells = make([][][]word, len(b.Table.Rows))
			for r, row := range b.Table.Rows {
				for _, cell := range row {
					p.cells[r] = append(p.cells[r], e.s.words(cell, tr))
				}
			}
		} else {
			t := e.text(b)
			p.words, p.marker, p.ends = t.words, t.marker, t.ends
		}
		out[i] = p
	}
	return out
}

// preparedText is a block's text cut into words and shaped, which
// depends only on its spans' text and style and its tracking. Words are
// never changed once made, so fits share them.
type preparedText struct {
	words, marker []word
	ends          []bool
}

// maxTexts bounds the engine's prepared texts: a post's text is fitted
// again and again while it is composed (at many sizes to find how large
// a short slide can be set), then not at all.
const maxTexts = 256

// text prepares a block's words, or returns them prepared for a fit
// before.
func (e *Engine) text(b Block) preparedText {
	k := textKey(b)
	if t, ok := e.texts[k]; ok {
		return t
	}
	tr := float32(b.Tracking)
	t := preparedText{words: glue(e.s.words(b.Spans, tr)), marker: e.s.words(b.Marker, tr)}
	t.ends = sentenceEnds(t.words)
	if len(e.texts) >= maxTexts {
		clear(e.texts)
	}
	e.texts[k] = t
	return t
}

// textKey names everything a block's preparedText depends on.
func textKey(b Block) string {
	k := binary.AppendUvarint(nil, math.Float64bits(b.Tracking))
	for _, spans := range [][]Span{b.Spans, b.Marker} {
		k = binary.AppendUvarint(k, uint64(len(spans)))
		for _, sp := range spans {
			k = append(k, byte(sp.Style))
			k = binary.AppendUvarint(k, uint64(len(sp.Text)))
			k = append(k, sp.Text...)
		}
	}
	return string(k)
}

// units lays every block out at one base size.
func (e *Engine) units(preps []prepared, base, width, height float64) []unit {
	var out []unit
	for i, p := range preps {
		if p.b.Table != nil {
			size := max(base*nonzero(p.b.Scale, 1), p.b.MinSize)
			out = append(out, e.tableRows(i, p, size, size*nonzero(p.b.LineHeight, 1.3), p.b.SpaceBefore*base, width, height)...)
			continue
		}
		out = append(out, e.blockUnits(i, p, 0, len(p.words), base, width)...)
	}
	return out
}

// blockUnits sets the words [from, to) of block i as lines at a base
// size, one unit a line, from a new line. The first line of the block
// takes the space above and the marker.
func (e *Engine) blockUnits(i int, p prepared, from, to int, base, width float64) []unit {
	size := max(base*nonzero(p.b.Scale, 1), p.b.MinSize)
	floor := p.b.MinSize > 0 && size == p.b.MinSize
	lh := size * nonzero(p.b.LineHeight, 1.3)
	indent := p.b.Indent * base
	words := p.words[from:to]
	r := e.s.setLines(words, float32((width-indent)/size), p.b.Balance)
	var out []unit
	for j, bl := range r.lines {
		l := e.position(bl, p.b, size, lh, indent, width-indent)
		l.Block = i
		u := unit{block: i, floor: floor, h: lh, lines: []Line{l}, broken: brokenIn(bl.divided, p.b.Line)}
		if j == 0 && from == 0 {
			u.gap = p.b.SpaceBefore * base
			if len(p.marker) > 0 {
				e.addMarker(&u.lines[0], p, size, lh, indent)
			}
		}
		out = append(out, u)
	}
	if !p.b.Balance { // a title is not continued
		for k := 1; k < len(words); k++ {
			if p.ends[from+k-1] && r.wordLine[k] == r.wordLine[k-1] {
				out[r.wordLine[k]].split = from + k // the last sentence start of the line
			}
		}
	}
	return out
}

// sentenceEnds marks the words that end a sentence with another after
// it in the same paragraph.
func sentenceEnds(words []word) []bool {
	ends := make([]bool, len(words))
	for k := 1; k < len(words); k++ {
		prev := words[k-1]
		ends[k-1] = !endsHard(prev) && words[k].text() != "" && closesSentence(prev.text())
	}
	return ends
}

// splitAt sets the blocks that parts names again, each in parts that
// start at the given words, each part after the first from a new line
// that starts a page (forced); other blocks keep their units.
func (e *Engine) splitAt(preps []prepared, base, width float64, us []unit, parts map[int][]int) []unit {
	var out []unit
	for i := 0; i < len(us); {
		b := us[i].block
		j := i
		for j < len(us) && us[j].block == b {
			j++
		}
		starts, ok := parts[b]
		if !ok || b < 0 {
			out = append(out, us[i:j]...)
			i = j
			continue
		}
		sort.Ints(starts)
		bounds := append(append([]int{0}, starts...), len(preps[b].words))
		for k := 0; k+1 < len(bounds); k++ {
			if bounds[k] == bounds[k+1] {
				continue
			}
			part := e.blockUnits(b, preps[b], bounds[k], bounds[k+1], base, width)
			if k > 0 && len(part) > 0 {
				part[0].forced = true
			}
			out = append(out, part...)
		}
		i = j
	}
	return out
}

// position turns a broken line into glyphs at a size, relative to (0, 0)
// as the top-left of its line box.
func (e *Engine) position(bl brokenLine, b Block, size, lh, x0, avail float64) Line {
	baseline := (lh-float64(e.ascent+e.desc)*size)/2 + float64(e.ascent)*size
	w := float64(bl.width) * size
	switch b.Align {
	case Center:
		x0 += (avail - w) / 2
	case Right:
		x0 += avail - w
	}
	l := Line{X: x0, Y: baseline, W: w, Size: size, Ascent: float64(e.ascent) * size, Descent: float64(e.desc) * size, Text: bl.text, SpaceAfter: bl.space, Hyphen: bl.hyphen, Role: b.Role}
	tr := b.Tracking
	l.Runs = make([]Run, 0, len(bl.items))
	for _, it := range bl.items {
		sp := b.Spans[it.p.span]
		r := Run{Face: it.p.face, Emoji: it.p.emoji, Size: size, Color: sp.Color, Style: sp.Style, X0: x0 + float64(it.x)*size}
		r.Glyphs = make([]Glyph, 0, len(it.p.glyphs))
		pen := r.X0
		for _, g := range it.p.glyphs {
			r.Glyphs = append(r.Glyphs, Glyph{ID: g.id, X: pen + float64(g.dx)*size, Y: baseline - float64(g.dy)*size})
			pen += (float64(g.adv) + tr) * size
		}
		r.X1 = pen - tr*size
		l.Runs = append(l.Runs, r)
	}
	return l
}

// addMarker sets a list marker in the indent of a block's first line.
func (e *Engine) addMarker(l *Line, p prepared, size, lh, indent float64) {
	ml, _ := e.s.breakLines(p.marker, 1e6)
	if len(ml) == 0 {
		return
	}
	gap := 0.35 * size
	m := e.position(ml[0], Block{Spans: p.b.Marker, Tracking: p.b.Tracking}, size, lh, indent-gap-float64(ml[0].width)*size, 0)
	l.Runs = append(m.Runs, l.Runs...)
}

func brokenIn(words []string, line int) []Broken {
	var out []Broken
	for _, w := range words {
		out = append(out, Broken{Word: w, Line: line})
	}
	return out
}

func nonzero(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}
