// Package cbdt reads colour bitmap glyphs (the CBLC index and CBDT data
// tables of an OpenType font) straight from the font file, which stays
// where it is: an embedded string is never copied.
//
// It exists because the colour emoji font is 11 MB, nearly all of it
// CBDT, and a general font parser copies the whole table into fresh
// memory on first use; on the machines we measure on that alone cost
// about 65 ms of every build with an emoji. Without gives the parser the
// rest of the font (cmap, GSUB, metrics: what shaping needs) and this
// package gives the renderer the few bitmaps a post draws.
package cbdt

import (
	"encoding/binary"
	"errors"
	"slices"
)

// Glyph is a colour bitmap and its placement, in pixels of its strike.
type Glyph struct {
	PNG                string // the PNG file, a slice of the font data
	Width, Height      int
	BearingX, BearingY int // from the pen to the bitmap's left and top edges, y up
}

// Strike is a font's largest set of colour bitmaps.
type Strike struct {
	PpemX, PpemY int
	data         string
	cbdt         int // where the CBDT table starts in data
	ranges       []glyphRange
}

// glyphRange is one index subtable: the glyphs first to last, laid out
// in one index format and one image format.
type glyphRange struct {
	first, last              int
	indexFormat, imageFormat int
	imageData                int // from the start of CBDT
	offsets                  int // where the subtable's offset array starts in data
}

var errFormat = errors.New("cbdt: not a font with colour bitmaps this package reads")

// tables returns the offset and length of each table of the font.
func tables(data string) (map[string][2]int, error) {
	if len(data) < 12 {
		return nil, errFormat
	}
	n := int(u16(data, 4))
	if len(data) < 12+16*n {
		return nil, errFormat
	}
	out := make(map[string][2]int, n)
	for i := range n {
		r := 12 + 16*i
		off, length := int(u32(data, r+8)), int(u32(data, r+12))
		if off < 0 || length < 0 || off+length > len(data) || off+length < off {
			return nil, errFormat
		}
		out[data[r:r+4]] = [2]int{off, length}
	}
	return out, nil
}

// Open reads the index of the font's largest strike. Only the index
// formats with offset arrays (1 and 3) and the image formats with their
// own metrics (17 and 18) are read, which is what colour emoji fonts use;
// anything else is an error, and the caller parses the font whole.
func Open(data string) (*Strike, error) {
	ts, err := tables(data)
	if err != nil {
		return nil, err
	}
	cblc, ok1 := ts["CBLC"]
	cbdt, ok2 := ts["CBDT"]
	if !ok1 || !ok2 {
		return nil, errFormat
	}
	base, end := cblc[0], cblc[0]+cblc[1]
	if end-base < 8 {
		return nil, errFormat
	}
	sizes := int(u32(data, base+4))
	if sizes < 1 || sizes > (end-base-8)/48 {
		return nil, errFormat
	}
	best := -1
	for i := range sizes {
		r := base + 8 + 48*i
		if best < 0 || data[r+44] > data[base+8+48*best+44] {
			best = i
		}
	}
	r := base + 8 + 48*best
	s := &Strike{PpemX: int(data[r+44]), PpemY: int(data[r+45]), data: data, cbdt: cbdt[0]}
	if s.PpemX == 0 || s.PpemY == 0 {
		return nil, errFormat
	}
	array, count := base+int(u32(data, r)), int(u32(data, r+8))
	if array < base || count < 1 || count > (end-array)/8 {
		return nil, errFormat
	}
	for i := range count {
		e := array + 8*i
		g := glyphRange{first: int(u16(data, e)), last: int(u16(data, e+2))}
		h := array + int(u32(data, e+4))
		if g.last < g.first || h < array || h+8 > end {
			return nil, errFormat
		}
		g.indexFormat, g.imageFormat = int(u16(data, h)), int(u16(data, h+2))
		g.imageData, g.offsets = int(u32(data, h+4)), h+8
		width := map[int]int{1: 4, 3: 2}[g.indexFormat]
		if width == 0 || (g.imageFormat != 17 && g.imageFormat != 18) || g.offsets+width*(g.last-g.first+2) > end {
			return nil, errFormat
		}
		s.ranges = append(s.ranges, g)
	}
	return s, nil
}

// Glyph returns a glyph's bitmap, or false when the strike has none.
func (s *Strike) Glyph(gid int) (Glyph, bool) {
	for _, g := range s.ranges {
		if gid < g.first || gid > g.last {
			continue
		}
		i := gid - g.first
		var from, to int
		if g.indexFormat == 1 {
			from, to = int(u32(s.data, g.offsets+4*i)), int(u32(s.data, g.offsets+4*i+4))
		} else {
			from, to = int(u16(s.data, g.offsets+2*i)), int(u16(s.data, g.offsets+2*i+2))
		}
		at, stop := s.cbdt+g.imageData+from, s.cbdt+g.imageData+to
		head := 5 // small metrics
		if g.imageFormat == 18 {
			head = 8 // big metrics
		}
		if to <= from || at < s.cbdt || stop > len(s.data) || stop-at < head+4 {
			return Glyph{}, false
		}
		out := Glyph{Height: int(s.data[at]), Width: int(s.data[at+1]), BearingX: int(int8(s.data[at+2])), BearingY: int(int8(s.data[at+3]))}
		n := int(u32(s.data, at+head))
		if n < 0 || n > stop-at-head-4 {
			return Glyph{}, false
		}
		out.PNG = s.data[at+head+4 : at+head+4+n]
		return out, true
	}
	return Glyph{}, false
}

// Bitmaps are the tables of colour bitmaps.
var Bitmaps = []string{"CBLC", "CBDT"}

// Without returns a copy of the font (any OpenType font) without the
// tables tagged drop: without Bitmaps, a small copy a font parser reads
// quickly, for shaping and metrics.
func Without(data string, drop ...string) ([]byte, error) {
	ts, err := tables(data)
	if err != nil {
		return nil, err
	}
	n := int(u16(data, 4))
	var keep []int
	size := 12
	for i := range n {
		r := 12 + 16*i
		if slices.Contains(drop, data[r:r+4]) {
			continue
		}
		keep = append(keep, r)
		size += 16 + (ts[data[r:r+4]][1]+3)&^3
	}
	out := make([]byte, 12+16*len(keep), size)
	copy(out, data[:12])
	binary.BigEndian.PutUint16(out[4:], uint16(len(keep)))
	for k, r := range keep {
		t := ts[data[r:r+4]]
		rec := out[12+16*k:]
		copy(rec, data[r:r+8]) // tag and checksum
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(t[1]))
		out = append(out, data[t[0]:t[0]+t[1]]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

func u16(s string, i int) uint16 {
	if i < 0 || i+2 > len(s) {
		return 0
	}
	return binary.BigEndian.Uint16([]byte(s[i : i+2]))
}

func u32(s string, i int) uint32 {
	if i < 0 || i+4 > len(s) {
		return 0
	}
	return uint32(u16(s, i))<<16 | uint32(u16(s, i+2))
}
