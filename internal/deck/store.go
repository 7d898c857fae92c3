package deck

import (
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"math"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// Refs name what a stored deck points at instead of holding it: faces by
// a number, images by a name (a hash of the file they were read from).
// Store asks FaceID and ImageID; Load asks Face and Image.
type Refs struct {
	FaceID  func(*font.Face) (uint8, bool)
	ImageID func(image.Image) (string, bool)
	Face    func(uint8) *font.Face
	Image   func(string) image.Image
}

// storeMagic starts a stored deck; its last byte is the format's version.
const storeMagic = "pkpm deck\x00\x01"

// errNotStorable is Store's answer for a deck that points at a face or an
// image Refs cannot name.
var errNotStorable = errors.New("the slides hold a face or an image that has no name")

// Store encodes composed slides, so that a contact sheet of a built post
// can be drawn without laying the post out again. Load gives back slides
// equal to these.
func Store(slides []Slide, refs Refs) ([]byte, error) {
	w := &storeWriter{refs: refs, b: []byte(storeMagic)}
	w.uint(uint64(len(slides)))
	for i := range slides {
		w.slide(&slides[i])
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// Load decodes what Store encoded. Data that is not such an encoding, or
// names a face or an image Refs does not know, is an error.
func Load(data []byte, refs Refs) ([]Slide, error) {
	if len(data) < len(storeMagic) || string(data[:len(storeMagic)]) != storeMagic {
		return nil, errors.New("not a stored deck of this version")
	}
	r := &storeReader{refs: refs, b: data[len(storeMagic):]}
	slides := make([]Slide, r.count(8))
	for i := range slides {
		r.slide(&slides[i])
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = errors.New("bytes after the stored deck")
	}
	if r.err != nil {
		return nil, r.err
	}
	return slides, nil
}

type storeWriter struct {
	refs Refs
	b    []byte
	err  error
}

func (w *storeWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *storeWriter) int(v int)     { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *storeWriter) float(v float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
}
func (w *storeWriter) byte(v uint8) { w.b = append(w.b, v) }
func (w *storeWriter) rgba(c color.RGBA) {
	w.b = append(w.b, c.R, c.G, c.B, c.A)
}

func (w *storeWriter) bool(v bool) {
	if v {
		w.byte(1)
	} else {
		w.byte(0)
	}
}

func (w *storeWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *storeWriter) floats(vs ...float64) {
	for _, v := range vs {
		w.float(v)
	}
}

func (w *storeWriter) slide(s *Slide) {
	w.byte(uint8(s.Kind))
	w.int(s.W)
	w.int(s.H)
	w.paint(s.Background)
	w.uint(uint64(len(s.Layers)))
	for i := range s.Layers {
		w.layer(&s.Layers[i])
	}
	w.str(s.Alt)
	w.int(s.Line)
	w.uint(uint64(len(s.Warnings)))
	for _, m := range s.Warnings {
		w.str(m)
	}
}

func (w *storeWriter) paint(p Paint) {
	w.rgba(p.From)
	w.rgba(p.To)
	w.bool(p.Gradient)
	w.bool(p.Radial)
	w.floats(p.Angle, p.CX, p.CY, p.R)
}

func (w *storeWriter) layer(l *Layer) {
	w.byte(uint8(l.Kind))
	w.byte(uint8(l.Role))
	w.floats(l.X, l.Y, l.W, l.H, l.Radius, l.Thickness, l.Gap, l.Dot, l.FocusX, l.FocusY)
	w.paint(l.Paint)
	w.bool(l.Contain)
	if l.Image == nil {
		w.bool(false)
	} else if id, ok := w.refs.ImageID(l.Image); ok {
		w.bool(true)
		w.str(id)
	} else {
		w.err = errNotStorable
	}
	w.page(&l.Text)
	w.bool(l.Shape != nil)
	if l.Shape != nil {
		w.shape(l.Shape)
	}
}

func (w *storeWriter) page(p *layout.Page) {
	w.uint(uint64(len(p.Lines)))
	for i := range p.Lines {
		w.line(&p.Lines[i])
	}
	w.uint(uint64(len(p.Rects)))
	for _, r := range p.Rects {
		w.floats(r.X, r.Y, r.W, r.H, r.Radius)
		w.rgba(r.Color)
	}
	w.float(p.Height)
}

func (w *storeWriter) line(l *layout.Line) {
	w.int(l.Block)
	w.floats(l.X, l.Y, l.W, l.Size, l.Ascent, l.Descent)
	w.str(l.Text)
	w.bool(l.SpaceAfter)
	w.bool(l.Hyphen)
	w.str(l.Role)
	w.uint(uint64(len(l.Runs)))
	for i := range l.Runs {
		w.run(&l.Runs[i])
	}
}

func (w *storeWriter) run(r *layout.Run) {
	if r.Face == nil {
		w.bool(false)
	} else if id, ok := w.refs.FaceID(r.Face); ok {
		w.bool(true)
		w.byte(id)
	} else {
		w.err = errNotStorable
	}
	w.bool(r.Emoji)
	w.float(r.Size)
	w.rgba(r.Color)
	w.byte(uint8(r.Style))
	w.floats(r.X0, r.X1)
	w.uint(uint64(len(r.Glyphs)))
	for _, g := range r.Glyphs {
		w.uint(uint64(g.ID))
		w.floats(g.X, g.Y)
	}
}

func (w *storeWriter) shape(s *theme.PlacedShape) {
	w.str(s.Kind)
	w.floats(s.CX, s.CY, s.R, s.X, s.Y, s.W, s.H, s.Radius, s.Rotation, s.X1, s.Y1, s.X2, s.Y2, s.Width, s.BoxX, s.BoxY, s.BoxW, s.BoxH)
	w.int(s.Sides)
	w.uint(uint64(len(s.Path)))
	for _, st := range s.Path {
		w.str(st.Op)
		w.uint(uint64(len(st.Pts)))
		w.floats(st.Pts...)
	}
	w.rgba(s.Fill)
	w.rgba(s.Stroke)
	w.str(s.Cap)
}

type storeReader struct {
	refs Refs
	b    []byte
	err  error
}

// fail records the first error; reads after it return zero values.
func (r *storeReader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New("stored deck: " + msg)
	}
	r.b = nil
}

func (r *storeReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("a count or number is cut short")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *storeReader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.fail("a number is cut short")
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads a length whose items take at least min bytes each, so a
// broken length cannot ask for more memory than the data could fill.
func (r *storeReader) count(min int) int {
	v := r.uint()
	if v > uint64(len(r.b)/min) {
		r.fail("a length runs past the end")
		return 0
	}
	return int(v)
}

func (r *storeReader) take(n int) []byte {
	if n > len(r.b) {
		r.fail("the data ends early")
		return make([]byte, n)
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *storeReader) float() float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(r.take(8)))
}

func (r *storeReader) byte() uint8 { return r.take(1)[0] }
func (r *storeReader) bool() bool  { return r.byte() != 0 }

func (r *storeReader) rgba() color.RGBA {
	b := r.take(4)
	return color.RGBA{b[0], b[1], b[2], b[3]}
}

func (r *storeReader) str() string { return string(r.take(r.count(1))) }

func (r *storeReader) floats(ps ...*float64) {
	for _, p := range ps {
		*p = r.float()
	}
}

func (r *storeReader) slide(s *Slide) {
	s.Kind = Kind(r.byte())
	if int(s.Kind) >= len(kindNames) {
		r.fail("a slide of no known kind")
	}
	s.W, s.H = r.int(), r.int()
	s.Background = r.paint()
	s.Layers = make([]Layer, r.count(8))
	for i := range s.Layers {
		r.layer(&s.Layers[i])
	}
	s.Alt = r.str()
	s.Line = r.int()
	if n := r.count(1); n > 0 {
		s.Warnings = make([]string, n)
		for i := range s.Warnings {
			s.Warnings[i] = r.str()
		}
	}
}

func (r *storeReader) paint() (p Paint) {
	p.From, p.To = r.rgba(), r.rgba()
	p.Gradient, p.Radial = r.bool(), r.bool()
	r.floats(&p.Angle, &p.CX, &p.CY, &p.R)
	return p
}

func (r *storeReader) layer(l *Layer) {
	l.Kind, l.Role = LayerKind(r.byte()), Role(r.byte())
	r.floats(&l.X, &l.Y, &l.W, &l.H, &l.Radius, &l.Thickness, &l.Gap, &l.Dot, &l.FocusX, &l.FocusY)
	l.Paint = r.paint()
	l.Contain = r.bool()
	if r.bool() {
		id := r.str()
		if l.Image = r.refs.Image(id); l.Image == nil && r.err == nil {
			r.fail("an image that is not at hand")
		}
	}
	r.page(&l.Text)
	if r.bool() {
		l.Shape = r.shape()
	}
}

func (r *storeReader) page(p *layout.Page) {
	if n := r.count(8); n > 0 {
		p.Lines = make([]layout.Line, n)
		for i := range p.Lines {
			r.line(&p.Lines[i])
		}
	}
	if n := r.count(8); n > 0 {
		p.Rects = make([]layout.Rect, n)
		for i := range p.Rects {
			rc := &p.Rects[i]
			r.floats(&rc.X, &rc.Y, &rc.W, &rc.H, &rc.Radius)
			rc.Color = r.rgba()
		}
	}
	p.Height = r.float()
}

func (r *storeReader) line(l *layout.Line) {
	l.Block = r.int()
	r.floats(&l.X, &l.Y, &l.W, &l.Size, &l.Ascent, &l.Descent)
	l.Text = r.str()
	l.SpaceAfter, l.Hyphen = r.bool(), r.bool()
	l.Role = r.str()
	if n := r.count(8); n > 0 {
		l.Runs = make([]layout.Run, n)
		for i := range l.Runs {
			r.run(&l.Runs[i])
		}
	}
}

func (r *storeReader) run(run *layout.Run) {
	if r.bool() {
		id := r.byte()
		if run.Face = r.refs.Face(id); run.Face == nil && r.err == nil {
			r.fail("a face that is not at hand")
		}
	}
	run.Emoji = r.bool()
	run.Size = r.float()
	run.Color = r.rgba()
	run.Style = layout.Style(r.byte())
	r.floats(&run.X0, &run.X1)
	if n := r.count(17); n > 0 {
		run.Glyphs = make([]layout.Glyph, n)
		for i := range run.Glyphs {
			g := &run.Glyphs[i]
			id := r.uint()
			if id > math.MaxUint32 {
				r.fail("a glyph number out of range")
			}
			g.ID = font.GID(id)
			r.floats(&g.X, &g.Y)
		}
	}
}

func (r *storeReader) shape() *theme.PlacedShape {
	s := &theme.PlacedShape{Kind: r.str()}
	r.floats(&s.CX, &s.CY, &s.R, &s.X, &s.Y, &s.W, &s.H, &s.Radius, &s.Rotation, &s.X1, &s.Y1, &s.X2, &s.Y2, &s.Width, &s.BoxX, &s.BoxY, &s.BoxW, &s.BoxH)
	s.Sides = r.int()
	if n := r.count(2); n > 0 {
		s.Path = make([]theme.PlacedStep, n)
		for i := range s.Path {
			st := &s.Path[i]
			st.Op = r.str()
			if m := r.count(8); m > 0 {
				st.Pts = make([]float64, m)
				for k := range st.Pts {
					st.Pts[k] = r.float()
				}
			}
		}
	}
	s.Fill, s.Stroke = r.rgba(), r.rgba()
	s.Cap = r.str()
	return s
}
