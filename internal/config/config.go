// Package config owns pkpm.yaml: the project's settings, their defaults,
// and strict decoding that names the file and line of every mistake.
// It imports no other internal package.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Jakarta must resolve on machines without zoneinfo

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// FileName is the project file looked for upwards from the working folder.
const FileName = "pkpm.yaml"

// Project is pkpm.yaml.
type Project struct {
	// Handle is the Instagram account, with its '@'.
	Handle string `yaml:"handle"`
	// Name is the account's display name.
	Name     string   `yaml:"name"`
	Timezone string   `yaml:"timezone"`
	Defaults Defaults `yaml:"defaults"`
	Closing  Closing  `yaml:"closing"`
	// Brand is what makes every template look like this account.
	Brand Brand `yaml:"brand"`
	// Instagram holds limits that Instagram has changed before.
	Instagram Instagram `yaml:"instagram"`
	// Location is Timezone, loaded.
	Location *time.Location `yaml:"-"`
}

// Defaults apply to posts that do not say otherwise.
type Defaults struct {
	Template string `yaml:"template"`
	Size     string `yaml:"size"`
}

// Instagram holds the platform limits a project may need to adjust.
type Instagram struct {
	// MaxHashtags is how many hashtags a caption may carry. Instagram
	// was reported to cut it from 30 to 5 in December 2025.
	MaxHashtags int `yaml:"max_hashtags"`
}

// Brand is the account's logo and colours. The colours replace the
// template's primary and accent, so every template wears them.
type Brand struct {
	// Logo is a PNG or JPEG file, relative to the project folder.
	Logo string `yaml:"logo"`
	// Primary and Accent are "#RRGGBB" colours; empty keeps the template's.
	Primary string `yaml:"primary"`
	Accent  string `yaml:"accent"`
	// LogoLine is the line of brand.logo, for messages about the file.
	LogoLine int `yaml:"-"`
}

// Closing is the call-to-action slide at the end of every carousel.
type Closing struct {
	Title string `yaml:"title"`
	Text  string `yaml:"text"`
}

// Default is the configuration used when a folder has no pkpm.yaml.
func Default() Project {
	p := Project{
		Handle:   "@pkpm.btn3",
		Name:     "PKPM BTN 3 Way Halim",
		Timezone: "Asia/Jakarta",
		Defaults: Defaults{Template: "edukasi", Size: "portrait"},
	}
	p.fill()
	return p
}

// fill completes what the file left out.
func (p *Project) fill() {
	if p.Timezone == "" {
		p.Timezone = "Asia/Jakarta"
	}
	if p.Defaults.Template == "" {
		p.Defaults.Template = "edukasi"
	}
	if p.Defaults.Size == "" {
		p.Defaults.Size = "portrait"
	}
	if p.Handle != "" && !strings.HasPrefix(p.Handle, "@") {
		p.Handle = "@" + p.Handle
	}
	if p.Instagram.MaxHashtags <= 0 {
		p.Instagram.MaxHashtags = 5
	}
	if p.Closing.Title == "" {
		p.Closing.Title = "Bermanfaat? Simpan dan bagikan!"
	}
	if p.Closing.Text == "" {
		p.Closing.Text = "Ikuti " + p.Handle + " untuk info kesehatan dan kegiatan warga lainnya."
	}
}

var (
	lineRE    = regexp.MustCompile(`line (\d+): (.*)`)
	unknownRE = regexp.MustCompile(`field (\S+) not found in type`)
)

// Parse decodes pkpm.yaml strictly: unknown keys and wrong types are
// errors naming the line.
func Parse(file string, src []byte) (Project, error) {
	var p Project
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return p, YAMLError(file, err)
	}
	p.fill()
	var root yaml.Node
	_ = yaml.Unmarshal(src, &root) // decoded above; this only finds lines
	loc, err := time.LoadLocation(p.Timezone)
	if err != nil {
		return p, diag.Errorf(file, KeyLine(&root, "timezone"), "unknown timezone %q; use an IANA name such as \"Asia/Jakarta\"", p.Timezone)
	}
	p.Location = loc
	switch p.Defaults.Size {
	case "portrait", "square", "landscape":
	default:
		return p, diag.Errorf(file, KeyLine(&root, "defaults", "size"), "defaults.size %q is not one of portrait, square, landscape", p.Defaults.Size)
	}
	if err := p.Brand.check(file, &root); err != nil {
		return p, err
	}
	return p, nil
}

var hexColor = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// check validates the brand kit's values; whether the logo file exists
// and decodes is checked when it is read.
func (b *Brand) check(file string, root *yaml.Node) error {
	for _, c := range []struct{ key, value string }{{"primary", b.Primary}, {"accent", b.Accent}} {
		if line := KeyLine(root, "brand", c.key); c.value == "" && line > 0 {
			return diag.Errorf(file, line, "brand.%s is empty; write the colour in quotes, like \"#0A645B\" (YAML reads # as a comment)", c.key)
		}
		if c.value != "" && !hexColor.MatchString(c.value) {
			return diag.Errorf(file, KeyLine(root, "brand", c.key), "brand.%s %q must be a colour written #RRGGBB, like \"#0A645B\" (quoted: YAML reads # as a comment)", c.key, c.value)
		}
	}
	if b.Logo != "" {
		b.LogoLine = KeyLine(root, "brand", "logo")
		l := strings.ToLower(b.Logo)
		switch {
		case strings.Contains(b.Logo, "://"):
			return diag.Errorf(file, b.LogoLine, "brand.logo %q is on the web; save the file in the project, like assets/logo.png", b.Logo)
		case strings.HasSuffix(l, ".svg"):
			return diag.Errorf(file, b.LogoLine, "brand.logo %q is an SVG; pkpm reads PNG and JPEG logos — export it as a PNG of at least 512 pixels", b.Logo)
		}
	}
	return nil
}

// KeyLine finds the line of a key path in a decoded YAML document, or 0
// when the path is not there.
func KeyLine(n *yaml.Node, path ...string) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, key := range path {
		if n.Kind != yaml.MappingNode {
			return 0
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				line, n, found = n.Content[i].Line, n.Content[i+1], true
				break
			}
		}
		if !found {
			return 0
		}
	}
	return line
}

// ParseYAML parses YAML into a node tree, turning a panic inside the YAML
// library into an error: no input may crash pkpm.
func ParseYAML(src []byte) (root yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	err = yaml.Unmarshal(src, &root)
	return root, err
}

// knownKeys are the keys pkpm.yaml and templates may use at any level,
// for did-you-mean suggestions.
var knownKeys = []string{"handle", "name", "timezone", "defaults", "template", "size", "closing", "title", "text", "instagram", "max_hashtags",
	"brand", "logo", "primary", "accent",
	"description", "palette", "type", "margins", "slides", "background", "color", "gradient", "angle",
	"max", "min", "line_height", "tracking", "top", "right", "bottom", "left"}

// YAMLError turns yaml.v3's messages into "file:line: what; how to fix".
func YAMLError(file string, err error) error {
	m := lineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Errorf(file, 0, "not valid YAML: %v", err)
	}
	line, _ := strconv.Atoi(m[1])
	msg := m[2]
	if f := unknownRE.FindStringSubmatch(msg); f != nil {
		msg = fmt.Sprintf("unknown key %q", f[1])
		if s := diag.Suggest(f[1], knownKeys); s != "" {
			msg += fmt.Sprintf(" — did you mean %q?", s)
		} else {
			msg += "; the README lists the keys"
		}
	} else if strings.Contains(msg, "cannot unmarshal") {
		msg = "wrong type: " + msg
	}
	return diag.Errorf(file, line, "%s", msg)
}
