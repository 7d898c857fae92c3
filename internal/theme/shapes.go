package theme

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// ShapeSpec is a template decoration drawn as a vector path under the text:
// a circle, ring, rounded rectangle, regular polygon, line or free path.
// Positions and sizes are canvas pixels (the canvas is 1080 wide) or
// percentages of the canvas: of its width for x, w, r, radius and width,
// of its height for y and h.
type ShapeSpec struct {
	Kind     string     `yaml:"kind"`
	X        Length     `yaml:"x"`
	Y        Length     `yaml:"y"`
	W        Length     `yaml:"w"`
	H        Length     `yaml:"h"`
	R        Length     `yaml:"r"`
	Radius   Length     `yaml:"radius"`
	Sides    int        `yaml:"sides"`
	Rotation float64    `yaml:"rotation"` // degrees, clockwise
	From     Point      `yaml:"from"`
	To       Point      `yaml:"to"`
	Path     []PathStep `yaml:"path"`
	Fill     ColorRef   `yaml:"fill"`
	Stroke   ColorRef   `yaml:"stroke"`
	Width    Length     `yaml:"width"` // of the stroke
	Cap      string     `yaml:"cap"`
	Opacity  *Opacity   `yaml:"opacity"`

	Line int `yaml:"-"` // where the shape is written, for messages
}

// ShapeKinds are the kinds a shape may have.
var ShapeKinds = []string{"circle", "ring", "rect", "polygon", "line", "path"}

// shapeKeys lists the keys each kind takes besides kind and opacity.
var shapeKeys = map[string][]string{
	"circle":  {"x", "y", "r", "fill", "stroke", "width"},
	"ring":    {"x", "y", "r", "stroke", "width"},
	"rect":    {"x", "y", "w", "h", "radius", "fill", "stroke", "width"},
	"polygon": {"x", "y", "r", "sides", "rotation", "fill", "stroke", "width"},
	"line":    {"from", "to", "stroke", "width", "cap"},
	"path":    {"path", "fill", "stroke", "width", "cap"},
}

// required lists the keys each kind cannot do without.
var required = map[string][]string{
	"circle":  {"x", "y", "r"},
	"ring":    {"x", "y", "r", "stroke", "width"},
	"rect":    {"x", "y", "w", "h"},
	"polygon": {"x", "y", "r", "sides"},
	"line":    {"from", "to", "stroke", "width"},
	"path":    {"path"},
}

func allShapeKeys() []string {
	keys := []string{"kind", "opacity"}
	for _, k := range ShapeKinds {
		for _, key := range shapeKeys[k] {
			if !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	return keys
}

// UnmarshalYAMLFile decodes a shape strictly: every key must be one its
// kind takes, and every key it needs must be there.
func (s *ShapeSpec) UnmarshalYAMLFile(d *yamlfile.Doc, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.Add(n, valuef(n, "a shape is a mapping, like {kind: circle, x: 90%%, y: 8%%, r: 160, fill: accent}"))
		return
	}
	kind, given, err := shapeKind(n)
	if err != nil {
		d.Add(n, err)
		return
	}
	if err := checkShapeKeys(n, kind); err != nil {
		d.Add(n, err)
		return
	}
	type plain ShapeSpec
	var v plain
	before := d.Count()
	d.Decode(n, &v, "shape")
	*s = ShapeSpec(v)
	s.Line = n.Line
	if d.Count() == before {
		d.Add(n, s.check(n, given))
	}
}

// checkShapeKeys says which key of a shape its kind does not take.
func checkShapeKeys(n *yaml.Node, kind string) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Value == "kind" || k.Value == "opacity" || slices.Contains(shapeKeys[kind], k.Value) {
			continue
		}
		if slices.Contains(allShapeKeys(), k.Value) {
			return valuef(k, "a %s takes no %q; its keys are kind, %s, opacity", kind, k.Value, strings.Join(shapeKeys[kind], ", "))
		}
		msg := fmt.Sprintf("unknown key %q in a shape", k.Value)
		if sug := diag.Suggest(k.Value, append([]string{"kind", "opacity"}, shapeKeys[kind]...)); sug != "" {
			msg += fmt.Sprintf(" — did you mean %q?", sug)
		} else {
			msg += fmt.Sprintf("; a %s takes kind, %s, opacity", kind, strings.Join(shapeKeys[kind], ", "))
		}
		return valuef(k, "%s", msg)
	}
	return nil
}

// shapeKind reads a shape's kind and the keys it gives.
func shapeKind(n *yaml.Node) (string, map[string]*yaml.Node, error) {
	given := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		given[n.Content[i].Value] = n.Content[i+1]
	}
	k, ok := given["kind"]
	if !ok {
		return "", nil, valuef(n, "a shape needs a kind: %s", strings.Join(ShapeKinds, ", "))
	}
	kind, err := oneOf(k, "shape kind", ShapeKinds...)
	return kind, given, err
}

// check says what a decoded shape lacks or gets wrong.
func (s *ShapeSpec) check(n *yaml.Node, given map[string]*yaml.Node) error {
	for _, key := range required[s.Kind] {
		if given[key] == nil {
			return valuef(n, "a %s needs %s", s.Kind, strings.Join(required[s.Kind], ", "))
		}
	}
	at := func(key string) *yaml.Node {
		if v := given[key]; v != nil {
			return v
		}
		return n
	}
	switch {
	case s.Fill.Name == "" && s.Stroke.Name == "":
		return valuef(n, "give the %s a fill or a stroke colour, like fill: accent", s.Kind)
	case s.Stroke.Name != "" && s.Width.V <= 0:
		return valuef(at("width"), "a stroke needs a width above 0, like width: 12")
	case (s.Kind == "circle" || s.Kind == "ring" || s.Kind == "polygon") && s.R.V <= 0:
		return valuef(at("r"), "r, the %s's radius, must be above 0", s.Kind)
	case s.Kind == "rect" && (s.W.V <= 0 || s.H.V <= 0):
		return valuef(n, "a rect's w and h must be above 0")
	case s.Radius.V < 0:
		return valuef(at("radius"), "radius must be 0 or more")
	case s.Kind == "polygon" && (s.Sides < 3 || s.Sides > 64):
		return valuef(at("sides"), "a polygon has 3 to 64 sides")
	case s.Cap != "" && !slices.Contains([]string{"butt", "round", "square"}, s.Cap):
		return valuef(at("cap"), "cap %q is not one of butt, round, square", s.Cap)
	case s.Kind == "path" && len(s.Path) > 0 && s.Path[0].Op != "move":
		return valuef(at("path"), "a path starts with a move, like - move: [0, 80%%]")
	}
	return nil
}

// Length is a distance in canvas pixels, or a percentage of the canvas.
type Length struct {
	V   float64
	Pct bool
}

// UnmarshalYAML reads 120, -40 or "50%".
func (l *Length) UnmarshalYAML(n *yaml.Node) error {
	v, err := scalar(n, "a position or size", "120 or 50%")
	if err != nil {
		return err
	}
	num, pct := strings.CutSuffix(strings.TrimSpace(v), "%")
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil {
		return valuef(n, "%q is not a number of pixels or a percentage; write 120 or 50%%", v)
	}
	*l = Length{V: f, Pct: pct}
	return nil
}

// Of is the length in pixels on a canvas dimension of size px.
func (l Length) Of(px float64) float64 {
	if l.Pct {
		return l.V / 100 * px
	}
	return l.V
}

// Point is an [x, y] position.
type Point [2]Length

func (p *Point) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		return valuef(n, "a point is [x, y], like [0, 90%%]")
	}
	for i, c := range n.Content {
		if err := p[i].UnmarshalYAML(c); err != nil {
			return err
		}
	}
	return nil
}

// PathStep is one step of a free path: move, line, quad or cubic with
// its points, or close.
type PathStep struct {
	Op     string
	Points []Length // x, y pairs: the control points, then the end
}

// pathPoints is how many numbers each step takes.
var pathPoints = map[string]int{"move": 2, "line": 2, "quad": 4, "cubic": 6}

func (p *PathStep) UnmarshalYAML(n *yaml.Node) error {
	const example = "- move: [0, 80%%], - line: [100%%, 70%%], - quad: [x1, y1, x, y], - cubic: [x1, y1, x2, y2, x, y] or - close"
	if n.Kind == yaml.ScalarNode && n.Value == "close" {
		*p = PathStep{Op: "close"}
		return nil
	}
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return valuef(n, "a path step is one of "+example)
	}
	op, v := n.Content[0], n.Content[1]
	want, ok := pathPoints[op.Value]
	if !ok {
		msg := fmt.Sprintf("unknown path step %q; use move, line, quad, cubic or close", op.Value)
		if s := diag.Suggest(op.Value, []string{"move", "line", "quad", "cubic", "close"}); s != "" {
			msg = fmt.Sprintf("unknown path step %q — did you mean %q?", op.Value, s)
		}
		return valuef(op, "%s", msg)
	}
	if v.Kind != yaml.SequenceNode || len(v.Content) != want {
		return valuef(v, "%s takes %d numbers (x, y pairs), like "+example, op.Value, want)
	}
	p.Op, p.Points = op.Value, make([]Length, want)
	for i, c := range v.Content {
		if err := p.Points[i].UnmarshalYAML(c); err != nil {
			return err
		}
	}
	return nil
}

// ShapeLook is a shape with its colours resolved, premultiplied with its
// opacity; a zero colour is not drawn.
type ShapeLook struct {
	ShapeSpec
	FillColor, StrokeColor color.RGBA
}

func (t *Template) shapeLook(s ShapeSpec) ShapeLook {
	op := 1.0
	if s.Opacity != nil {
		op = float64(*s.Opacity)
	}
	l := ShapeLook{ShapeSpec: s}
	if s.Fill.Name != "" {
		l.FillColor = withOpacity(opaque(t.ref(s.Fill)), op)
	}
	if s.Stroke.Name != "" {
		l.StrokeColor = withOpacity(opaque(t.ref(s.Stroke)), op)
	}
	return l
}

// PlacedShape is a shape on a canvas of a given size: every length in
// pixels, and the box it may paint (its stroke included), which text
// must keep out of.
type PlacedShape struct {
	Kind                   string
	CX, CY, R              float64 // circle, ring, polygon
	X, Y, W, H, Radius     float64 // rect
	Sides                  int
	Rotation               float64 // degrees
	X1, Y1, X2, Y2         float64 // line
	Path                   []PlacedStep
	Fill, Stroke           color.RGBA
	Width                  float64
	Cap                    string
	BoxX, BoxY, BoxW, BoxH float64
}

// PlacedStep is a path step in pixels: Pts holds x, y pairs.
type PlacedStep struct {
	Op  string
	Pts []float64
}

// Place resolves the shape's lengths on a w×h canvas.
func (s ShapeLook) Place(w, h float64) PlacedShape {
	p := PlacedShape{Kind: s.Kind, Sides: s.Sides, Rotation: s.Rotation, Fill: s.FillColor, Stroke: s.StrokeColor,
		Width: s.Width.Of(w), Cap: s.Cap}
	if p.Stroke.A == 0 {
		p.Width = 0
	}
	switch s.Kind {
	case "circle", "ring", "polygon":
		p.CX, p.CY, p.R = s.X.Of(w), s.Y.Of(h), s.R.Of(w)
		p.box(p.CX-p.R, p.CY-p.R, p.CX+p.R, p.CY+p.R)
	case "rect":
		p.X, p.Y, p.W, p.H, p.Radius = s.X.Of(w), s.Y.Of(h), s.W.Of(w), s.H.Of(h), s.Radius.Of(w)
		p.box(p.X, p.Y, p.X+p.W, p.Y+p.H)
	case "line":
		p.X1, p.Y1, p.X2, p.Y2 = s.From[0].Of(w), s.From[1].Of(h), s.To[0].Of(w), s.To[1].Of(h)
		p.box(min(p.X1, p.X2), min(p.Y1, p.Y2), max(p.X1, p.X2), max(p.Y1, p.Y2))
	case "path":
		p.placePath(s.Path, w, h)
	}
	return p
}

func (p *PlacedShape) placePath(steps []PathStep, w, h float64) {
	x0, y0, x1, y1 := 0.0, 0.0, 0.0, 0.0
	first := true
	for _, st := range steps {
		ps := PlacedStep{Op: st.Op}
		for i, l := range st.Points {
			if i%2 == 0 {
				ps.Pts = append(ps.Pts, l.Of(w))
				continue
			}
			x, y := ps.Pts[len(ps.Pts)-1], l.Of(h)
			ps.Pts = append(ps.Pts, y)
			// A Bézier curve stays inside its control points' hull.
			if first {
				x0, y0, x1, y1, first = x, y, x, y, false
			}
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
		p.Path = append(p.Path, ps)
	}
	p.box(x0, y0, x1, y1)
}

// box sets the bounds from a geometric box, grown by half the stroke (a
// square cap or a mitre may reach further: a whole stroke width).
func (p *PlacedShape) box(x0, y0, x1, y1 float64) {
	pad := p.Width / 2
	if p.Cap == "square" || p.Kind == "path" || p.Kind == "polygon" {
		pad = p.Width
	}
	p.BoxX, p.BoxY, p.BoxW, p.BoxH = x0-pad, y0-pad, x1-x0+2*pad, y1-y0+2*pad
}
