package layout

import (
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// refSize is the size text is shaped at. Unhinted shaping scales linearly,
// so every other size is this result times a factor, and fitting a box
// over many sizes shapes each word once.
const refSize = 256

// shapedGlyph is a glyph measured in ems.
type shapedGlyph struct {
	id          font.GID
	adv, dx, dy float32
}

// piece is text in one face, shaped; widths are in ems.
type piece struct {
	face   *font.Face
	emoji  bool
	span   int // index of the span it came from
	glyphs []shapedGlyph
	width  float32
	text   string
}

type cacheKey struct {
	face *font.Face
	text string
}

// shaper shapes and caches; it is not safe for concurrent use.
type shaper struct {
	fonts *Fonts
	hb    shaping.HarfbuzzShaper
	seg   segmenter.Segmenter
	cache map[cacheKey][]shapedGlyph
	lang  language.Language
}

func newShaper(f *Fonts) *shaper {
	return &shaper{fonts: f, cache: map[cacheKey][]shapedGlyph{}, lang: language.NewLanguage("id")}
}

// shape measures text in one face, from the cache when it can.
func (s *shaper) shape(face *font.Face, text string) []shapedGlyph {
	k := cacheKey{face, text}
	if g, ok := s.cache[k]; ok {
		return g
	}
	runes := []rune(text)
	script := language.Latin
	if face == s.fonts.faces[emojiFace] {
		script = language.Common
	}
	// Only glyphs, advances and offsets are read: ShapeNoExtents leaves
	// out the extents of each glyph, for which go-text runs a CFF
	// glyph's charstring (a tenth of composing's CPU time, with its
	// allocations and the faults of their fresh memory).
	out := s.hb.ShapeNoExtents(shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes),
		Direction: di.DirectionLTR, Face: face, Size: fixed.I(refSize),
		Script: script, Language: s.lang,
	})
	gs := make([]shapedGlyph, len(out.Glyphs))
	const unit = refSize * 64
	for i, g := range out.Glyphs {
		gs[i] = shapedGlyph{id: g.GlyphID, adv: float32(g.Advance) / unit, dx: float32(g.XOffset) / unit, dy: float32(g.YOffset) / unit}
	}
	s.cache[k] = gs
	return gs
}

// pieces splits text of one span into runs of one face each, choosing the
// face per grapheme so emoji sequences (ZWJ, flags, skin tones) stay
// whole in the emoji face.
func (s *shaper) pieces(text string, style Style, span int) []piece {
	if text == "" {
		return nil
	}
	textFace := s.fonts.face(style)
	var out []piece
	s.seg.Init([]rune(text))
	it := s.seg.GraphemeIterator()
	var cur []rune
	curEmoji := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		face := textFace
		if curEmoji {
			face = s.fonts.Emoji()
		}
		t := string(cur)
		gs := s.shape(face, t)
		var w float32
		for _, g := range gs {
			w += g.adv
		}
		out = append(out, piece{face: face, emoji: curEmoji, span: span, glyphs: gs, width: w, text: t})
		cur = cur[:0]
	}
	for it.Next() {
		g := it.Grapheme().Text
		e := s.isEmoji(textFace, g)
		if e != curEmoji {
			flush()
			curEmoji = e
		}
		cur = append(cur, g...)
	}
	flush()
	return out
}

// isEmoji reports whether a grapheme should come from the emoji face:
// sequences that only make sense as emoji, and characters the text face
// lacks but the emoji face has.
func (s *shaper) isEmoji(text *font.Face, g []rune) bool {
	if len(g) == 0 {
		return false
	}
	for _, r := range g {
		switch {
		case r == 0xFE0F, r == 0x200D, r >= 0x1F1E6 && r <= 0x1F1FF, r >= 0x1F3FB && r <= 0x1F3FF, r == 0x20E3:
			return s.has(s.fonts.Emoji(), g[0])
		}
	}
	r := g[0]
	if unicode.IsSpace(r) || r < 0x80 {
		return false
	}
	if r >= 0x1F000 {
		return s.has(s.fonts.Emoji(), r)
	}
	if s.has(text, r) {
		return false
	}
	return s.has(s.fonts.Emoji(), r)
}

func (s *shaper) has(f *font.Face, r rune) bool {
	if f == nil {
		return false
	}
	_, ok := f.NominalGlyph(r)
	return ok
}
