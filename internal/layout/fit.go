package layout

import (
	"math"
)

// Engine lays out text with one set of fonts. It caches shaping results
// and is not safe for concurrent use: give each worker its own.
type Engine struct {
	s      *shaper
	ascent float32 // of the regular face, in ems
	desc   float32
}

// New returns an engine drawing with fonts.
func New(f *Fonts) *Engine {
	e := &Engine{s: newShaper(f), ascent: 0.9, desc: 0.25}
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
	marker []word
	cells  [][][]word // table cells
}

// unit is an unbreakable piece of a page: a line, or a table row.
type unit struct {
	block  int
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
		return e.paginate(spec, float64(lo), us)
	}
	return e.paginate(spec, float64(best), bestUnits)
}

func divides(us []unit) bool {
	for _, u := range us {
		if len(u.broken) > 0 {
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
			p.words = glue(e.s.words(b.Spans, tr))
			p.marker = e.s.words(b.Marker, tr)
		}
		out[i] = p
	}
	return out
}

// units lays every block out at one base size.
func (e *Engine) units(preps []prepared, base, width, height float64) []unit {
	var out []unit
	for i, p := range preps {
		size := base * nonzero(p.b.Scale, 1)
		lh := size * nonzero(p.b.LineHeight, 1.3)
		gap := p.b.SpaceBefore * base
		if p.b.Table != nil {
			out = append(out, e.tableRows(i, p, size, lh, gap, width, height)...)
			continue
		}
		indent := p.b.Indent * base
		lines := e.s.setLines(p.words, float32((width-indent)/size), p.b.Balance).lines
		for j, bl := range lines {
			l := e.position(bl, p.b, size, lh, indent, width-indent)
			l.Block = i
			u := unit{block: i, h: lh, lines: []Line{l}, broken: brokenIn(bl.divided, p.b.Line)}
			if j == 0 {
				u.gap = gap
				if len(p.marker) > 0 {
					e.addMarker(&u.lines[0], p, size, lh, indent)
				}
			}
			out = append(out, u)
		}
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
	for _, it := range bl.items {
		sp := b.Spans[it.p.span]
		r := Run{Face: it.p.face, Emoji: it.p.emoji, Size: size, Color: sp.Color, Style: sp.Style, X0: x0 + float64(it.x)*size}
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
