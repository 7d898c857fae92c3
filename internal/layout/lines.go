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
	// hyphen is set when the line ends in a hyphen added where a word
	// was divided; divided holds those words as divided ("Pengembang-an").
	hyphen  bool
	divided []string
}

// lineBreaker fills lines greedily, word by word.
type lineBreaker struct {
	s      *shaper
	maxW   float32
	lines  []brokenLine
	cur    brokenLine
	x      float32 // pen, after the last atom's trailing space
	text   strings.Builder
	broken bool // a word had to be divided
}

// breakLines breaks words into lines no wider than maxW ems. A word moves
// to the next line whole; it is split at its soft breaks only when it is
// wider than a line by itself, and at grapheme boundaries only when one of
// its parts still is.
func (s *shaper) breakLines(words []word, maxW float32) ([]brokenLine, bool) {
	r := s.breakAt(words, maxW, -1)
	return r.lines, r.broken
}

// broken is a paragraph broken into lines, with the line each word
// starts on.
type broken struct {
	lines    []brokenLine
	broken   bool
	wordLine []int
}

// breakAt breaks words greedily, and also before the word at index
// before (-1 for none).
func (s *shaper) breakAt(words []word, maxW float32, before int) broken {
	return s.breakBefore(words, maxW, func(i int) bool { return i == before })
}

// breakBefore breaks words greedily, and also before each word for which
// brk is true.
func (s *shaper) breakBefore(words []word, maxW float32, brk func(int) bool) broken {
	b := &lineBreaker{s: s, maxW: maxW}
	wordLine := make([]int, len(words))
	for i, w := range words {
		ww := w.width()
		if len(b.cur.items) > 0 && (b.x+ww > maxW+eps || brk(i)) {
			b.newLine()
		}
		wordLine[i] = len(b.lines)
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
				b.broken = true
				b.placeDivided(a)
				continue
			}
			b.place(a)
		}
	}
	if len(b.cur.items) > 0 || len(b.lines) == 0 {
		b.newLine()
	}
	return broken{lines: b.lines, broken: b.broken, wordLine: wordLine}
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
