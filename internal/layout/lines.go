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
	widths []float32 // when dry, the lines' widths instead of lines
	n      int       // lines ended so far
	cur    brokenLine
	items  []placedPiece // every line's pieces, each line a slice of it
	start  int           // where the current line's pieces start in items
	placed int           // pieces on the current line
	x      float32       // pen, after the last atom's trailing space
	text   strings.Builder
	broken bool // a word had to be divided
	// dry measures lines without keeping their pieces or text: choosing
	// among many ways to break a paragraph needs only where lines start
	// and how wide they are, and the chosen way is set again in full.
	dry bool
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
// starts on. A measured one (dry) has no pieces or text in its lines;
// full sets it again from the same measure and breaks.
type broken struct {
	lines    []brokenLine
	widths   []float32 // a measured one's line widths, in place of lines
	broken   bool
	wordLine []int
	dry      bool
	maxW     float32
	brk      func(int) bool
}

// count is the number of lines.
func (r broken) count() int {
	if r.dry {
		return len(r.widths)
	}
	return len(r.lines)
}

// width is line i's width in ems.
func (r broken) width(i int) float32 {
	if r.dry {
		return r.widths[i]
	}
	return r.lines[i].width
}

// breakAt breaks words greedily, and also before the word at index
// before (-1 for none).
func (s *shaper) breakAt(words []word, maxW float32, before int) broken {
	return s.breakBefore(words, maxW, func(i int) bool { return i == before })
}

// measureAt is breakAt measured only.
func (s *shaper) measureAt(words []word, maxW float32, before int) broken {
	return s.measureBefore(words, maxW, func(i int) bool { return i == before })
}

// breakBefore breaks words greedily, and also before each word for which
// brk is true.
func (s *shaper) breakBefore(words []word, maxW float32, brk func(int) bool) broken {
	return s.fill(&lineBreaker{s: s, maxW: maxW}, words, brk)
}

// measureBefore is breakBefore measured only: the same lines, widths and
// word positions, without their pieces or text.
func (s *shaper) measureBefore(words []word, maxW float32, brk func(int) bool) broken {
	return s.fill(&lineBreaker{s: s, maxW: maxW, dry: true}, words, brk)
}

// full is r with its lines' pieces and text, set again when r was only
// measured.
func (s *shaper) full(words []word, r broken) broken {
	if !r.dry {
		return r
	}
	return s.breakBefore(words, r.maxW, r.brk)
}

func (s *shaper) fill(b *lineBreaker, words []word, brk func(int) bool) broken {
	maxW := b.maxW
	wordLine := make([]int, len(words))
	// Room for every line and piece at once: a paragraph is broken many
	// times over while fitting, and growing these one append at a time
	// was most of what laying text out allocated.
	var total float32
	pieces := 0
	for _, w := range words {
		total += w.width()
		for _, a := range w.atoms {
			total += a.space
			pieces += len(a.pieces)
		}
	}
	lines := 2
	if est := total / maxW; est > 0 && est < 64 { // false for NaN and infinities
		lines += int(est)
	}
	if b.dry {
		b.widths = make([]float32, 0, lines)
	} else {
		b.lines = make([]brokenLine, 0, lines)
		b.items = make([]placedPiece, 0, pieces)
	}
	for i, w := range words {
		ww := w.width()
		if b.placed > 0 && (b.x+ww > maxW+eps || brk(i)) {
			b.newLine()
		}
		wordLine[i] = b.n
		if ww <= maxW+eps {
			for _, a := range w.atoms {
				b.place(a)
			}
			continue
		}
		for _, a := range w.atoms {
			if b.placed > 0 && b.x+a.width > maxW+eps {
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
	if b.placed > 0 || b.n == 0 {
		b.newLine()
	}
	return broken{lines: b.lines, widths: b.widths, broken: b.broken, wordLine: wordLine, dry: b.dry, maxW: maxW, brk: brk}
}

func (b *lineBreaker) newLine() {
	b.n++
	if b.dry {
		b.widths = append(b.widths, b.cur.width)
	} else {
		b.cur.text = b.text.String()
		b.cur.space = b.cur.space || b.x > b.cur.width
		b.cur.items = b.items[b.start:len(b.items):len(b.items)]
		b.start = len(b.items)
		b.lines = append(b.lines, b.cur)
	}
	b.cur = brokenLine{}
	b.placed = 0
	b.x = 0
	b.text.Reset()
}

// place puts an atom at the pen. Whitespace at the start of a line is
// dropped, as in CSS, so it cannot push the line past its width.
func (b *lineBreaker) place(a atom) {
	if len(a.pieces) == 0 && b.placed == 0 {
		if a.forceBreak {
			b.newLine()
		}
		return
	}
	if !b.dry && b.text.Len() > 0 && b.x > b.cur.width {
		b.text.WriteString(" ")
	}
	x := b.x
	for _, p := range a.pieces {
		if !b.dry {
			b.items = append(b.items, placedPiece{p: p, x: x})
		}
		x += p.width
	}
	b.placed += len(a.pieces)
	if !b.dry {
		b.text.WriteString(a.text)
	}
	b.cur.width = x
	b.x = x + a.space
	if a.forceBreak {
		b.cur.space = true
		b.newLine()
	}
}
