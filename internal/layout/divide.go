package layout

import (
	"strings"
	"unicode"
)

// cut is a place an over-wide atom may be divided: a rune index into its
// text, whether a hyphen marks it, and whether it is a nicer place.
type cut struct {
	at     int
	hyphen bool
	pref   bool
}

// placeDivided sets an atom wider than a line over as many lines as it
// needs. It divides where Indonesian allows (see divisions), taking the
// last place that fits unless a boundary between morphemes fits nearly as
// well; only when no such place fits does it divide between graphemes.
// Every division inside a word ends its line with a hyphen, counted in
// the width.
func (b *lineBreaker) placeDivided(a atom) {
	runes := []rune(a.text)
	words := b.cuts(runes, a.url)
	graphemes := b.graphemeCuts(runes, a.url)
	var shown strings.Builder
	start := 0
	for {
		room := b.maxW - b.x
		rest := b.slice(a, runes, start, len(runes))
		// Nothing left ends it too: on a line of negative width (a box
		// narrower than its indent) even nothing does not fit.
		if width(rest) <= room+eps || start >= len(runes) {
			b.placePieces(rest, string(runes[start:]))
			break
		}
		c, ok := b.choose(a, runes, start, words, room, true)
		if !ok {
			c, ok = b.choose(a, runes, start, graphemes, room, false)
		}
		if !ok {
			c = b.smallest(start, graphemes, len(runes))
		}
		b.placePieces(b.slice(a, runes, start, c.at), string(runes[start:c.at]))
		shown.WriteString(string(runes[start:c.at]))
		if c.hyphen {
			b.placePieces([]piece{b.hyphen(a, runes, c.at)}, "-")
			shown.WriteString("-")
			b.cur.hyphen = true
		}
		if start == 0 {
			b.cur.divided = append(b.cur.divided, "")
		}
		b.newLine()
		start = c.at
	}
	shown.WriteString(string(runes[start:]))
	b.markDivided(shown.String())
	b.x += a.space
	if a.forceBreak {
		b.cur.space = true
		b.newLine()
	}
}

// markDivided names the divided word on the line its first part ends.
func (b *lineBreaker) markDivided(word string) {
	for i := len(b.lines) - 1; i >= 0; i-- {
		if d := b.lines[i].divided; len(d) > 0 && d[len(d)-1] == "" {
			d[len(d)-1] = word
			return
		}
	}
}

// choose finds the cut after start that fills the most of room, or a
// boundary between morphemes that fills at least 60% as much or leaves a
// rest that fits the next line.
func (b *lineBreaker) choose(a atom, runes []rune, start int, cuts []cut, room float32, prefer bool) (cut, bool) {
	best, pref := -1, -1
	var bestW, prefW float32
	for i, c := range cuts {
		if c.at <= start {
			continue
		}
		w := width(b.slice(a, runes, start, c.at))
		if c.hyphen {
			w += b.hyphen(a, runes, c.at).width
		}
		if w > room+eps {
			break
		}
		best, bestW = i, w
		if c.pref {
			pref, prefW = i, w
		}
	}
	if best < 0 {
		return cut{}, false
	}
	if prefer && pref >= 0 && (prefW >= 0.6*bestW || b.fitsLine(a, runes, cuts[pref].at)) {
		return cuts[pref], true
	}
	return cuts[best], true
}

// fitsLine reports whether the rest of an atom from a cut fits one line.
func (b *lineBreaker) fitsLine(a atom, runes []rune, at int) bool {
	return width(b.slice(a, runes, at, len(runes))) <= b.maxW+eps
}

// smallest is the first grapheme after start: a line narrower than one
// grapheme still shows it.
func (b *lineBreaker) smallest(start int, cuts []cut, n int) cut {
	for _, c := range cuts {
		if c.at > start {
			return c
		}
	}
	return cut{at: n}
}

// cuts are the places the words inside an atom may be divided; an atom
// may hold punctuation around its word ("(pengembangan),").
func (b *lineBreaker) cuts(runes []rune, url bool) []cut {
	if url {
		return nil
	}
	var out []cut
	for i := 0; i < len(runes); {
		if !isWordRune(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && isWordRune(runes[j]) {
			j++
		}
		for _, d := range divisions(runes[i:j]) {
			out = append(out, cut{at: i + d.at, hyphen: true, pref: d.pref})
		}
		i = j
	}
	return out
}

// graphemeCuts are the boundaries between graphemes: the last resort. A
// cut between two letters of a word still gets a hyphen.
func (b *lineBreaker) graphemeCuts(runes []rune, url bool) []cut {
	b.s.seg.Init(runes)
	it := b.s.seg.GraphemeIterator()
	var out []cut
	for it.Next() {
		g := it.Grapheme()
		at := g.Offset + len(g.Text)
		if at >= len(runes) {
			break
		}
		hy := !url && isWordRune(runes[at-1]) && isWordRune(runes[at]) && unicode.IsLetter(runes[at-1])
		out = append(out, cut{at: at, hyphen: hy})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// slice returns the pieces of runes[from:to] of an atom, reshaped where a
// piece is cut so kerning and ligatures stay right.
func (b *lineBreaker) slice(a atom, runes []rune, from, to int) []piece {
	var out []piece
	pos := 0
	for _, p := range a.pieces {
		n := len([]rune(p.text))
		lo, hi := max(from, pos), min(to, pos+n)
		if lo < hi {
			if lo == pos && hi == pos+n {
				out = append(out, p)
			} else {
				out = append(out, b.reshape(p, string(runes[lo:hi])))
			}
		}
		pos += n
	}
	return out
}

// reshape shapes part of a piece's text in its face, with its tracking.
func (b *lineBreaker) reshape(p piece, text string) piece {
	gs := b.s.shape(p.face, text)
	var w float32
	for _, g := range gs {
		w += g.adv + b.tracking(p)
	}
	return piece{face: p.face, emoji: p.emoji, span: p.span, glyphs: gs, width: w, text: text}
}

// tracking recovers a piece's letter spacing from its width.
func (b *lineBreaker) tracking(p piece) float32 {
	if len(p.glyphs) == 0 {
		return 0
	}
	var adv float32
	for _, g := range p.glyphs {
		adv += g.adv
	}
	return (p.width - adv) / float32(len(p.glyphs))
}

// hyphen is the hyphen drawn after runes[:at], in the face of the text it
// follows.
func (b *lineBreaker) hyphen(a atom, runes []rune, at int) piece {
	ps := b.slice(a, runes, at-1, at)
	p := ps[len(ps)-1]
	if p.emoji {
		p.face, p.emoji = b.s.fonts.Regular, false
	}
	return b.reshape(p, "-")
}

func width(ps []piece) float32 {
	var w float32
	for _, p := range ps {
		w += p.width
	}
	return w
}

// placePieces appends pieces at the pen.
func (b *lineBreaker) placePieces(ps []piece, text string) {
	for _, p := range ps {
		if !b.dry {
			b.items = append(b.items, placedPiece{p: p, x: b.x})
		}
		b.x += p.width
	}
	b.placed += len(ps)
	if !b.dry {
		b.text.WriteString(text)
	}
	b.cur.width = b.x
}
