package theme

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/templates"
)

// Template is a decoded slide template.
type Template struct {
	Name        string               `yaml:"name"`
	Description string               `yaml:"description"`
	Palette     map[string]string    `yaml:"palette"`
	Type        map[string]TypeStyle `yaml:"type"`
	Margins     Margins              `yaml:"margins"`
	Slides      map[string]SlideLook `yaml:"slides"`

	// File is where the template came from, for messages.
	File string `yaml:"-"`
	// colors is Palette, parsed.
	colors map[string]color.RGBA
}

// TypeStyle is a font role's sizes and spacing.
type TypeStyle struct {
	Max        float64 `yaml:"max"`
	Min        float64 `yaml:"min"`
	LineHeight float64 `yaml:"line_height"`
	Tracking   float64 `yaml:"tracking"`
}

// Margins are the free space along each edge, in pixels.
type Margins struct {
	Top    float64 `yaml:"top"`
	Right  float64 `yaml:"right"`
	Bottom float64 `yaml:"bottom"`
	Left   float64 `yaml:"left"`
}

// SlideLook is what a template says about one kind of slide.
type SlideLook struct {
	Background Background `yaml:"background"`
}

// Background is a solid colour or a linear gradient, by palette name or hex.
type Background struct {
	Color    string   `yaml:"color"`
	Gradient []string `yaml:"gradient"`
	Angle    float64  `yaml:"angle"`
}

var (
	requiredColors = []string{"background", "surface", "text", "muted", "primary", "primary_dark", "on_primary", "accent", "rule"}
	requiredRoles  = []string{"title", "heading", "body", "quote", "small"}
	slideKinds     = []string{"cover", "content", "image", "closing", "sources"}
)

// Load finds a template by name: the project's templates/<name>.yaml
// first, then the built-ins. projectDir may be "" for none.
func Load(projectDir, name string) (*Template, error) {
	if projectDir != "" {
		file := filepath.Join(projectDir, "templates", name+".yaml")
		src, err := os.ReadFile(file)
		if err == nil {
			rel, _ := filepath.Rel(projectDir, file)
			return Parse(rel, src)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	src, err := templates.FS.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("unknown template %q; available: %s", name, strings.Join(Names(projectDir), ", "))
	}
	return Parse("templates/"+name+".yaml (built-in)", src)
}

// Names lists the templates a project can use, sorted.
func Names(projectDir string) []string {
	set := map[string]bool{}
	if ents, err := fs.ReadDir(templates.FS, "."); err == nil {
		for _, e := range ents {
			set[strings.TrimSuffix(e.Name(), ".yaml")] = true
		}
	}
	if projectDir != "" {
		if ents, err := os.ReadDir(filepath.Join(projectDir, "templates")); err == nil {
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), ".yaml") {
					set[strings.TrimSuffix(e.Name(), ".yaml")] = true
				}
			}
		}
	}
	var out []string
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Parse decodes a template strictly and checks it is complete.
func Parse(file string, src []byte) (*Template, error) {
	var t Template
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, diag.Errorf(file, 0, "template is empty")
		}
		return nil, config.YAMLError(file, err)
	}
	t.File = file
	t.colors = map[string]color.RGBA{}
	for k, v := range t.Palette {
		c, err := ParseColor(v)
		if err != nil {
			return nil, diag.Errorf(file, 0, "palette.%s: %v", k, err)
		}
		t.colors[k] = c
	}
	for _, k := range requiredColors {
		if _, ok := t.colors[k]; !ok {
			return nil, diag.Errorf(file, 0, "palette.%s is missing; every template defines %s", k, strings.Join(requiredColors, ", "))
		}
	}
	for _, r := range requiredRoles {
		ts, ok := t.Type[r]
		if !ok || ts.Max <= 0 || ts.Min <= 0 || ts.Min > ts.Max {
			return nil, diag.Errorf(file, 0, "type.%s needs max and min sizes with 0 < min <= max", r)
		}
	}
	for _, k := range slideKinds {
		bg := t.Slides[k].Background
		if _, err := t.resolve(bg); err != nil {
			return nil, diag.Errorf(file, 0, "slides.%s.background: %v", k, err)
		}
	}
	return &t, nil
}

// Color returns a palette colour by name.
func (t *Template) Color(name string) color.RGBA { return t.colors[name] }

// colorRef turns a palette name or hex value into a colour.
func (t *Template) colorRef(ref string) (color.RGBA, error) {
	if c, ok := t.colors[ref]; ok {
		return c, nil
	}
	if strings.HasPrefix(ref, "#") {
		return ParseColor(ref)
	}
	return color.RGBA{}, fmt.Errorf("%q is neither a palette name nor a #RRGGBB colour", ref)
}

// Paint is a resolved background.
type Paint struct {
	From, To color.RGBA
	Gradient bool
	Angle    float64
}

// Background returns the resolved background of a slide kind.
func (t *Template) Background(kind string) Paint {
	p, _ := t.resolve(t.Slides[kind].Background)
	return p
}

func (t *Template) resolve(bg Background) (Paint, error) {
	switch {
	case len(bg.Gradient) == 2:
		a, err := t.colorRef(bg.Gradient[0])
		if err != nil {
			return Paint{}, err
		}
		b, err := t.colorRef(bg.Gradient[1])
		if err != nil {
			return Paint{}, err
		}
		return Paint{From: a, To: b, Gradient: true, Angle: bg.Angle}, nil
	case len(bg.Gradient) != 0:
		return Paint{}, fmt.Errorf("gradient takes two colours, like [primary, primary_dark]")
	case bg.Color != "":
		c, err := t.colorRef(bg.Color)
		return Paint{From: c}, err
	}
	return Paint{}, fmt.Errorf("give color or gradient")
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
	return color.RGBA{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}, nil
}
