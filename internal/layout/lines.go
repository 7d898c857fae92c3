package layout

import "strings"

// eps absorbs float rounding when a word fits a line exactly.
const eps = 1e-4

// placedPiece is a piece at a horizontal offset within its line, in ems.
type placedPiece struct {
	p piece
	x float32
}

// brokenLine is one line of a paragraph before it is positioned.
type brokenLine struct {
	items []placedPiece
	width float32 // ems, trailing space excluded
	text  string
	// space is set when the line ended at whitespace or a hard break,
	// so joining lines back into text puts a space there.
	space bool
}

// lineBreaker fills lines greedily, word by word.
type lineBreaker struct {
	s      *shaper
	maxW   float32
	lines  []brokenLine
	cur    brokenLine
	x      float32 // pen, after the last atom's trailing space
	text   strings.Builder
	broken []string // words that had to be broken inside
}

// breakLines breaks words into lines no wider than maxW ems. A word moves
// to the next line whole; it is split at its soft breaks only when it is
// wider than a line by itself, and at grapheme boundaries only when one of
// its parts still is.
func (s *shaper) breakLines(words []word, maxW float32) ([]brokenLine, []string) {
	b := &lineBreaker{s: s, maxW: maxW}
	for _, w := range words {
		ww := w.width()
		if len(b.cur.items) > 0 && b.x+ww > maxW+eps {
			b.newLine()
		}
		if ww <= maxW+eps {
			for _, a := range w.atoms {
				b.place(a)
			}
			continue
		}
		for _, a := range w.atoms {
			if len(b.cur.items) > 0 && b.x+a.width > maxW+eps {
				b.newLine()
			}
			if a.width > maxW+eps {
				b.broken = append(b.broken, a.text)
				b.placeByGrapheme(a)
				continue
			}
			b.place(a)
		}
	}
	if len(b.cur.items) > 0 || len(b.lines) == 0 {
		b.newLine()
	}
	return b.lines, b.broken
}

func (b *lineBreaker) newLine() {
	b.cur.text = b.text.String()
	b.cur.space = b.cur.space || b.x > b.cur.width
	b.lines = append(b.lines, b.cur)
	b.cur = brokenLine{}
	b.x = 0
	b.text.Reset()
}

// place puts an atom at the pen. Whitespace at the start of a line is
// dropped, as in CSS, so it cannot push the line past its width.
func (b *lineBreaker) place(a atom) {
	if len(a.pieces) == 0 && len(b.cur.items) == 0 {
		if a.forceBreak {
			b.newLine()
		}
		return
	}
	if b.text.Len() > 0 && b.x > b.cur.width {
		b.text.WriteString(" ")
	}
	x := b.x
	for _, p := range a.pieces {
		b.cur.items = append(b.cur.items, placedPiece{p: p, x: x})
		x += p.width
	}
	b.text.WriteString(a.text)
	b.cur.width = x
	b.x = x + a.space
	if a.forceBreak {
		b.cur.space = true
		b.newLine()
	}
}

// placeByGrapheme splits an over-wide atom between graphemes.
func (b *lineBreaker) placeByGrapheme(a atom) {
	for _, p := range a.pieces {
		tracking := float32(0)
		if n := len(p.glyphs); n > 0 {
			var adv float32
			for _, g := range p.glyphs {
				adv += g.adv
			}
			tracking = (p.width - adv) / float32(n)
		}
		b.s.seg.Init([]rune(p.text))
		it := b.s.seg.GraphemeIterator()
		var parts []string
		for it.Next() {
			parts = append(parts, string(it.Grapheme().Text))
		}
		for _, g := range parts {
			gs := b.s.shape(p.face, g)
			var w float32
			for _, x := range gs {
				w += x.adv + tracking
			}
			if len(b.cur.items) > 0 && b.x+w > b.maxW+eps {
				b.newLine()
			}
			b.cur.items = append(b.cur.items, placedPiece{p: piece{face: p.face, emoji: p.emoji, span: p.span, glyphs: gs, width: w, text: g}, x: b.x})
			b.text.WriteString(g)
			b.x += w
			b.cur.width = b.x
		}
	}
	b.x += a.space
	if a.forceBreak {
		b.cur.space = true
		b.newLine()
	}
}
