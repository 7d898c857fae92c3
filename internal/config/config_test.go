package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

func TestParse(t *testing.T) {
	p, err := Parse("pkpm.yaml", []byte("handle: pkpm.btn3\ndefaults:\n  size: square\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Handle != "@pkpm.btn3" || p.Defaults.Size != "square" || p.Defaults.Template != "edukasi" || p.Location.String() != "Asia/Jakarta" {
		t.Errorf("got %+v", p)
	}
	if !strings.Contains(p.Closing.Text, "@pkpm.btn3") {
		t.Errorf("default closing text %q should name the handle", p.Closing.Text)
	}
}

func TestParseEmptyIsDefaults(t *testing.T) {
	p, err := Parse("pkpm.yaml", nil)
	if err != nil || p.Location == nil || p.Defaults.Size != "portrait" {
		t.Fatalf("empty file: %+v, %v", p, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"handle: x\nhandel: y\n", `pkpm.yaml:2: unknown key "handel" — did you mean "handle"?`},
		{"name: x\ntimezone: Asia/Jakrta\n", `pkpm.yaml:2: unknown timezone "Asia/Jakrta"`},
		{"defaults:\n  size: huge\n", `pkpm.yaml:2: defaults.size "huge" is not one of`},
		{"handle: [a\n", `pkpm.yaml:`},
		{"defaults: 3\n", `pkpm.yaml:1: "defaults" must be "key: value" lines below it`},
		{"\xef\xbb\xbfhandle: x\r\nhandel: y\r\n", `pkpm.yaml:2: unknown key "handel" — did you mean "handle"?`},
		{"handle: x\nname: \xff\n", `pkpm.yaml:2: invalid UTF-8`},
		{"instagram:\n  max_hashtags: lima\n", `pkpm.yaml:2: max_hashtags "lima" must be a whole number`},
		{"name: x\nlanguage: fr\n", `pkpm.yaml:2: language "fr" is not one of id (Indonesian), en (English)`},
	} {
		_, err := Parse("pkpm.yaml", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want prefix %q", tt.src, err, tt.want)
		}
	}
}

func TestParseLanguage(t *testing.T) {
	if p, err := Parse("pkpm.yaml", nil); err != nil || p.Language != "id" {
		t.Errorf("default language %q, %v; want id", p.Language, err)
	}
	if p, err := Parse("pkpm.yaml", []byte("language: en\n")); err != nil || p.Language != "en" {
		t.Errorf("language: en gives %q, %v", p.Language, err)
	}
	if Default().Language != "id" {
		t.Errorf("Default().Language = %q", Default().Language)
	}
}

func TestParseBrand(t *testing.T) {
	p, err := Parse("pkpm.yaml", []byte("handle: \"@x\"\nbrand:\n  logo: assets/logo.png\n  primary: \"#0A645B\"\n  accent: \"#FFCF70\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Brand.Logo != "assets/logo.png" || p.Brand.LogoLine != 3 || p.Brand.Primary != "#0A645B" || p.Brand.Accent != "#FFCF70" {
		t.Errorf("brand = %+v", p.Brand)
	}
	for _, tt := range []struct{ src, want string }{
		{"brand:\n  primary: teal\n", `pkpm.yaml:2: brand.primary "teal" must be a colour written #RRGGBB`},
		{"brand:\n  accent: \"#FFF\"\n", `pkpm.yaml:2: brand.accent "#FFF" must be a colour`},
		{"brand:\n  primary: #0A645B\n", `pkpm.yaml:2: primary: "#0A645B" is read as a YAML comment; write primary: "#0A645B"`},
		{"brand:\n  primary:\n", `pkpm.yaml:2: brand.primary is empty; write the colour in quotes`},
		{"brand:\n  logo: logo.svg\n", `pkpm.yaml:2: brand.logo "logo.svg" is an SVG`},
		{"brand:\n  logo: https://x.id/l.png\n", `pkpm.yaml:2: brand.logo "https://x.id/l.png" is on the web`},
		{"brand:\n  logoo: a.png\n", `pkpm.yaml:2: unknown key "logoo" in brand — did you mean "logo"?`},
	} {
		_, err := Parse("pkpm.yaml", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want prefix %q", tt.src, err, tt.want)
		}
	}
}

// Every mistake of the file comes in one run, each on its line.
func TestParseCollectsEveryError(t *testing.T) {
	src := "handel: x\ntimezone: Asia/Jakrta\ndefaults:\n  size: potrait\n  templat: edukasi\nbrand:\n  accent: #FFCF70\n"
	_, err := Parse("pkpm.yaml", []byte(src))
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want a diag.List", err)
	}
	want := []string{
		`pkpm.yaml:1: unknown key "handel" — did you mean "handle"?`,
		`pkpm.yaml:2: unknown timezone "Asia/Jakrta"`,
		`pkpm.yaml:4: defaults.size "potrait" is not one of portrait, square, landscape — did you mean "portrait"?`,
		`pkpm.yaml:5: unknown key "templat" in defaults — did you mean "template"?`,
		`pkpm.yaml:7: accent: "#FFCF70" is read as a YAML comment; write accent: "#FFCF70"`,
	}
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(list[i].String(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, list[i], w)
		}
	}
}
