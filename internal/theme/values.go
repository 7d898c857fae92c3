package theme

import (
	"fmt"
	"image/color"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// valuef is a bad value at a node of the file being decoded; the reader
// adds the file and line.
func valuef(n *yaml.Node, format string, args ...any) error {
	return yamlfile.Errorf(n, format, args...)
}

// scalar returns a node's text, or an error when it is a list or a mapping.
func scalar(n *yaml.Node, what, example string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", valuef(n, "%s must be a single value, like %s", what, example)
	}
	return n.Value, nil
}

// oneOf decodes an enumerated word.
func oneOf(n *yaml.Node, what string, allowed ...string) (string, error) {
	v, err := scalar(n, what, strconv.Quote(allowed[0]))
	if err != nil {
		return "", err
	}
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	msg := fmt.Sprintf("%s %q is not one of %s", what, v, strings.Join(allowed, ", "))
	if s := diag.Suggest(v, allowed); s != "" {
		msg += fmt.Sprintf(" — did you mean %q?", s)
	}
	return "", valuef(n, "%s", msg)
}

// HexColor is a palette entry: "#RRGGBB" or "#RRGGBBAA".
type HexColor struct {
	RGBA color.RGBA
	Line int
}

func (c *HexColor) UnmarshalYAML(n *yaml.Node) error {
	v, err := scalar(n, "a colour", `"#0A645B"`)
	if err != nil {
		return err
	}
	rgba, err := ParseColor(v)
	if err != nil {
		return valuef(n, "%v", err)
	}
	*c = HexColor{rgba, n.Line}
	return nil
}

var colorName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// ColorRef names a palette colour or gives one as "#RRGGBB". Names are
// resolved once the whole template, parents included, is read.
type ColorRef struct {
	Name string
	Line int
}

func (c *ColorRef) UnmarshalYAML(n *yaml.Node) error {
	v, err := scalar(n, "a colour", "primary or \"#0A645B\"")
	if err != nil {
		return err
	}
	if strings.HasPrefix(v, "#") {
		if _, err := ParseColor(v); err != nil {
			return valuef(n, "%v", err)
		}
	} else if !colorName.MatchString(v) {
		return valuef(n, "%q is neither a palette name nor a #RRGGBB colour", v)
	}
	*c = ColorRef{v, n.Line}
	return nil
}

// Opacity is a fraction from 0 (invisible) to 1 (opaque).
type Opacity float64

func (o *Opacity) UnmarshalYAML(n *yaml.Node) error {
	v, err := scalar(n, "opacity", "0.6")
	if err != nil {
		return err
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err == nil && strings.HasSuffix(v, "%") {
		f /= 100
	}
	if err != nil || f < 0 || f > 1 {
		return valuef(n, "opacity %q must be a number from 0 to 1, like 0.6", v)
	}
	*o = Opacity(f)
	return nil
}

// Focus is the point of a photo kept in view when it is cropped to fill a
// box: fractions of its width and height from the top left.
type Focus struct {
	X, Y float64
	Set  bool
}

func (f *Focus) UnmarshalYAML(n *yaml.Node) error {
	text := n.Value
	if n.Kind == yaml.SequenceNode {
		var parts []string
		for _, c := range n.Content {
			parts = append(parts, c.Value)
		}
		text = strings.Join(parts, " ")
	}
	x, y, err := ParseFocus(text)
	if err != nil {
		return valuef(n, "%v", err)
	}
	*f = Focus{x, y, true}
	return nil
}

// ParseFocus reads a focus: a word (center, top, bottom, left, right, or
// two of them such as "top left" or "top-left") or a pair of percentages
// ("30% 20%", across then down).
func ParseFocus(s string) (x, y float64, err error) {
	bad := fmt.Errorf("focus %q must be center, top, bottom, left, right, or two percentages like \"50%% 30%%\"", s)
	words := strings.Fields(strings.NewReplacer(",", " ", "-", " ").Replace(strings.ToLower(s)))
	if len(words) == 0 || len(words) > 2 {
		return 0, 0, bad
	}
	if strings.HasSuffix(words[0], "%") {
		if len(words) != 2 {
			return 0, 0, bad
		}
		px, e1 := percent(words[0])
		py, e2 := percent(words[1])
		if e1 != nil || e2 != nil {
			return 0, 0, bad
		}
		return px, py, nil
	}
	x, y = 0.5, 0.5
	for _, w := range words {
		switch w {
		case "center", "centre", "middle":
		case "top":
			y = 0
		case "bottom":
			y = 1
		case "left":
			x = 0
		case "right":
			x = 1
		default:
			return 0, 0, bad
		}
	}
	return x, y, nil
}

func percent(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if err != nil || !strings.HasSuffix(s, "%") || v < 0 || v > 100 {
		return 0, fmt.Errorf("bad percentage")
	}
	return v / 100, nil
}

// The enumerated values of the format.

type (
	// Align is a horizontal alignment.
	Align string
	// VAlign is a vertical alignment.
	VAlign string
	// Anchor is the point of the canvas a decoration is placed from.
	Anchor string
	// Shape is a decoration's shape.
	Shape string
	// Fit says how an image fills its box.
	Fit string
	// Face is a type role's font.
	Face string
	// Case is a type role's letter case.
	Case string
	// TagStyle is how the cover shows the post's pillar.
	TagStyle string
	// RuleStyle is the mark drawn with a slide's heading.
	RuleStyle string
	// MarkerStyle is how a list slide marks its items.
	MarkerStyle string
	// ImageMode is how an image slide shows its image.
	ImageMode string
	// Area is the part of a photo a scrim covers.
	Area string
	// Place is where a short slide's text sits in its box: top or center.
	Place string
)

var (
	anchors = []string{"top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"}
	faces   = []string{"display", "bold", "regular", "italic", "bold-italic"}
)

func (v *Align) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "align", "left", "center")
	*v = Align(s)
	return err
}

func (v *VAlign) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "valign", "top", "middle", "bottom")
	*v = VAlign(s)
	return err
}

func (v *Anchor) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "anchor", anchors...)
	*v = Anchor(s)
	return err
}

func (v *Shape) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "shape", "rect", "circle", "ring", "dots")
	*v = Shape(s)
	return err
}

func (v *Fit) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "fit", "cover", "contain")
	*v = Fit(s)
	return err
}

func (v *Face) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "font", faces...)
	*v = Face(s)
	return err
}

func (v *Case) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "case", "none", "upper")
	*v = Case(s)
	return err
}

func (v *TagStyle) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "tag", "pill", "text", "none")
	*v = TagStyle(s)
	return err
}

func (v *RuleStyle) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "rule", "bar", "underline", "none")
	*v = RuleStyle(s)
	return err
}

func (v *MarkerStyle) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "markers", "plain", "badge")
	*v = MarkerStyle(s)
	return err
}

func (v *ImageMode) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "mode", "bleed", "inset")
	*v = ImageMode(s)
	return err
}

func (v *Area) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "area", "bottom", "full")
	*v = Area(s)
	return err
}

func (v *Place) UnmarshalYAML(n *yaml.Node) error {
	s, err := oneOf(n, "place", "top", "center", "centre")
	if s == "centre" {
		s = "center"
	}
	*v = Place(s)
	return err
}

// SlotItems are what a header or footer slot shows, left to right.
type SlotItems []string

// slotItems are the things a header or footer slot can hold.
var slotItems = []string{"logo", "handle", "name", "page", "dots", "bar", "none"}

func (v *SlotItems) UnmarshalYAML(n *yaml.Node) error {
	nodes := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		nodes = n.Content
	}
	var out SlotItems
	for _, c := range nodes {
		s, err := oneOf(c, "slot item", slotItems...)
		if err != nil {
			return err
		}
		if s != "none" {
			out = append(out, s)
		}
	}
	*v = out
	return nil
}

// ParseColor reads "#RRGGBB" or "#RRGGBBAA".
func ParseColor(s string) (color.RGBA, error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) != 6 && len(h) != 8 || !strings.HasPrefix(s, "#") {
		return color.RGBA{}, fmt.Errorf("colour %q must be written #RRGGBB", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.RGBA{}, fmt.Errorf("colour %q must be written #RRGGBB", s)
	}
	if len(h) == 6 {
		v = v<<8 | 0xff
	}
	// color.RGBA is premultiplied: a translucent colour scales its channels.
	a := uint32(v & 0xff)
	pm := func(c uint32) uint8 { return uint8((c*a + 127) / 255) }
	return color.RGBA{R: pm(uint32(v >> 24 & 0xff)), G: pm(uint32(v >> 16 & 0xff)), B: pm(uint32(v >> 8 & 0xff)), A: uint8(a)}, nil
}
