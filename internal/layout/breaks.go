package layout

import (
	"strings"
	"unicode"
)

// atom is text between two break opportunities: its core, and the
// whitespace after it, which is not counted at the end of a line.
type atom struct {
	pieces     []piece
	width      float32 // ems, core only
	space      float32 // ems of the trailing whitespace
	text       string  // core
	spaceText  string
	forceBreak bool // a mandatory break (hard line break) follows
	url        bool // part of a bare link: divided without a hyphen
}

// word is atoms joined by soft break opportunities: after the hyphen of
// "masing-masing" or a '/' in a URL. A line breaks inside a word only when
// the word alone is wider than the line.
type word struct {
	atoms []atom
}

// width is the word's width in ems without its trailing space.
func (w word) width() float32 {
	var x float32
	for i, a := range w.atoms {
		x += a.width
		if i < len(w.atoms)-1 {
			x += a.space
		}
	}
	return x
}

// segment is a rune range ending at a break opportunity.
type segment struct {
	start, end int
	mandatory  bool
	soft       bool // the break at its end is a soft one
}

// words prepares a paragraph for line breaking.
func (s *shaper) words(spans []Span, tracking float32) []word {
	var runes []rune
	var spanOf []int
	for i, sp := range spans {
		for _, r := range sp.Text {
			runes = append(runes, r)
			spanOf = append(spanOf, i)
		}
	}
	if len(runes) == 0 {
		return nil
	}
	segs := s.segments(runes, spanOf, spans)
	var out []word
	var cur word
	for _, sg := range segs {
		cur.atoms = append(cur.atoms, s.atom(runes[sg.start:sg.end], spanOf[sg.start:sg.end], spans, sg.mandatory, tracking))
		if !sg.soft {
			out = append(out, cur)
			cur = word{}
		}
	}
	if len(cur.atoms) > 0 {
		out = append(out, cur)
	}
	return out
}

// segments finds the UAX #14 break opportunities, adds breaks after '/'
// inside URLs, and marks which are soft.
func (s *shaper) segments(runes []rune, spanOf []int, spans []Span) []segment {
	s.seg.Init(runes)
	it := s.seg.LineIterator()
	var segs []segment
	for it.Next() {
		l := it.Line()
		start, end := l.Offset, l.Offset+len(l.Text)
		for i := start; i < end-1; i++ {
			if spans[spanOf[i]].Style&URL != 0 && runes[i] == '/' && runes[i+1] != '/' {
				segs = append(segs, segment{start: start, end: i + 1, soft: true})
				start = i + 1
			}
		}
		segs = append(segs, segment{start: start, end: end, mandatory: l.IsMandatoryBreak})
	}
	for i := range segs[:len(segs)-1] {
		sg := &segs[i]
		if sg.soft || sg.mandatory {
			continue
		}
		n := sg.end - sg.start
		if n >= 2 && isHyphen(runes[sg.end-1]) && unicode.IsLetter(runes[sg.end-2]) && unicode.IsLetter(runes[segs[i+1].start]) {
			sg.soft = true
		}
	}
	return segs
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' }

// atom shapes one segment: its core by span, its trailing whitespace apart.
func (s *shaper) atom(runes []rune, spanOf []int, spans []Span, mandatory bool, tracking float32) atom {
	n := len(runes)
	for n > 0 && unicode.IsSpace(runes[n-1]) {
		n--
	}
	a := atom{forceBreak: mandatory}
	var text strings.Builder
	for i := 0; i < n; {
		j := i
		for j < n && spanOf[j] == spanOf[i] {
			j++
		}
		sp := spanOf[i]
		for _, p := range s.pieces(string(runes[i:j]), spans[sp].Style, sp) {
			p.width += tracking * float32(len(p.glyphs))
			a.pieces = append(a.pieces, p)
			a.width += p.width
		}
		text.WriteString(string(runes[i:j]))
		i = j
	}
	a.text = text.String()
	a.url = n > 0 && spans[spanOf[0]].Style&URL != 0
	if trail := strings.TrimRight(string(runes[n:]), "\n\r\u2028\u2029"); trail != "" {
		sp := spanOf[len(spanOf)-1]
		for _, g := range s.shape(s.fonts.face(spans[sp].Style), trail) {
			a.space += g.adv + tracking
		}
		a.spaceText = " "
	}
	return a
}
