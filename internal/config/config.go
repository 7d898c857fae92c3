// Package config owns pkpm.yaml: the project's settings, their defaults,
// and strict decoding that names the file and line of every mistake.
// It imports no other internal package.
package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Jakarta must resolve on machines without zoneinfo

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// FileName is the project file looked for upwards from the working folder.
const FileName = "pkpm.yaml"

// Project is pkpm.yaml.
type Project struct {
	// Handle is the Instagram account, with its '@'.
	Handle string `yaml:"handle"`
	// Name is the account's display name.
	Name     string `yaml:"name"`
	Timezone string `yaml:"timezone"`
	// Language is the language of the pages people read (the export
	// page, the preview, report headers): "id" (default) or "en".
	Language string   `yaml:"language"`
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
		Language: "id",
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
	if p.Language == "" {
		p.Language = "id"
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

// Sizes are the canvas sizes a post or the project may choose.
var Sizes = []string{"portrait", "square", "landscape"}

// Languages are the languages the pages people read can speak.
var Languages = []string{"id", "en"}

// Parse decodes pkpm.yaml strictly: unknown keys and wrong values are
// errors naming the line, every one of the file at once (a diag.List).
func Parse(file string, src []byte) (Project, error) {
	var p Project
	doc, err := yamlfile.Read(file, FileName, src)
	if err != nil {
		return p, err
	}
	if doc.Top != nil {
		doc.Decode(doc.Top, &p, "")
	}
	p.fill()
	if loc, err := time.LoadLocation(p.Timezone); err != nil || p.Timezone == "Local" {
		k, _ := doc.Lookup("timezone")
		doc.Errorf(k, "unknown timezone %q; use an IANA name such as \"Asia/Jakarta\"", p.Timezone)
	} else {
		p.Location = loc
	}
	if !slices.Contains(Sizes, p.Defaults.Size) {
		k, _ := doc.Lookup("defaults", "size")
		msg := fmt.Sprintf("defaults.size %q is not one of %s", p.Defaults.Size, strings.Join(Sizes, ", "))
		if s := diag.Suggest(p.Defaults.Size, Sizes); s != "" {
			msg += fmt.Sprintf(" — did you mean %q?", s)
		}
		doc.Errorf(k, "%s", msg)
	}
	if !slices.Contains(Languages, p.Language) {
		k, _ := doc.Lookup("language")
		doc.Errorf(k, "language %q is not one of id (Indonesian), en (English)", p.Language)
	}
	p.Brand.check(doc)
	if p.Location == nil {
		p.Location = time.UTC // keeps callers that go on despite the error safe
	}
	return p, doc.Err()
}

var hexColor = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// check validates the brand kit's values; whether the logo file exists
// and decodes is checked when it is read.
func (b *Brand) check(doc *yamlfile.Doc) {
	for _, c := range []struct{ key, value string }{{"primary", b.Primary}, {"accent", b.Accent}} {
		k, _ := doc.Lookup("brand", c.key)
		if k != nil && c.value == "" && k.LineComment == "" {
			doc.Errorf(k, "brand.%s is empty; write the colour in quotes, like \"#0A645B\"", c.key)
		}
		if c.value != "" && !hexColor.MatchString(c.value) {
			doc.Errorf(k, "brand.%s %q must be a colour written #RRGGBB, like \"#0A645B\" (quoted: YAML reads # as a comment)", c.key, c.value)
		}
	}
	if b.Logo == "" {
		return
	}
	k, _ := doc.Lookup("brand", "logo")
	b.LogoLine = doc.Line(k)
	l := strings.ToLower(b.Logo)
	switch {
	case strings.Contains(b.Logo, "://"):
		doc.Errorf(k, "brand.logo %q is on the web; save the file in the project, like assets/logo.png", b.Logo)
	case strings.HasSuffix(l, ".svg"):
		doc.Errorf(k, "brand.logo %q is an SVG; pkpm reads PNG and JPEG logos — export it as a PNG of at least 512 pixels", b.Logo)
	}
}
