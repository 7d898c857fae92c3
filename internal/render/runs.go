package render

import (
	"encoding/binary"
	"image"
)

// packed is a kept backdrop: its rows as runs of one colour where that
// is smaller, as most backdrops (a flat colour and a few shapes) are
// tens of kilobytes that way instead of a canvas's megabytes; otherwise
// (gradients) the pixels as they are.
type packed struct {
	rect image.Rectangle
	raw  []byte   // the pixels, when runs would not be smaller
	runs []uint32 // per row: the number of runs, then each run's length and colour
}

// pack keeps img's pixels.
func pack(img *image.RGBA) *packed {
	p := &packed{rect: img.Rect}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	limit := len(img.Pix) / 4 / 4 // in uint32s: a quarter of the raw size
	runs := make([]uint32, 0, 2*h+64)
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		at := len(runs)
		runs = append(runs, 0)
		for x := 0; x < w; {
			c := binary.LittleEndian.Uint32(row[4*x:])
			n := 1
			// Two pixels at a time while the run goes on, then one.
			c2 := uint64(c)<<32 | uint64(c)
			for x+n+2 <= w && binary.LittleEndian.Uint64(row[4*(x+n):]) == c2 {
				n += 2
			}
			for x+n < w && binary.LittleEndian.Uint32(row[4*(x+n):]) == c {
				n++
			}
			runs = append(runs, uint32(n), c)
			runs[at]++
			x += n
		}
		if len(runs) > limit {
			p.raw = append([]byte(nil), img.Pix...)
			return p
		}
	}
	p.runs = runs
	return p
}

// size is the memory the packed backdrop holds, in bytes.
func (p *packed) size() int { return len(p.raw) + 4*len(p.runs) }

// unpack writes the backdrop onto img, which has its bounds and a
// stride of four bytes a pixel.
func (p *packed) unpack(img *image.RGBA) {
	if p.raw != nil {
		copy(img.Pix, p.raw)
		return
	}
	w := p.rect.Dx()
	i := 0
	for y := range p.rect.Dy() {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		n := int(p.runs[i])
		i++
		x := 0
		for range n {
			length, c := int(p.runs[i]), p.runs[i+1]
			i += 2
			fill(row[4*x:4*(x+length)], c)
			x += length
		}
	}
}

// fill sets every pixel of px to c: one pixel written, then copied onto
// the rest in doubling steps, which copy turns into wide moves.
func fill(px []byte, c uint32) {
	if len(px) == 0 {
		return
	}
	binary.LittleEndian.PutUint32(px, c)
	for done := 4; done < len(px); done *= 2 {
		copy(px[done:], px[:done])
	}
}
