package config

import (
	"strings"
	"testing"
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
		{"defaults: 3\n", `pkpm.yaml:1: wrong type`},
	} {
		_, err := Parse("pkpm.yaml", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want prefix %q", tt.src, err, tt.want)
		}
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
		{"brand:\n  primary: #0A645B\n", `pkpm.yaml:2: brand.primary is empty; write the colour in quotes`},
		{"brand:\n  logo: logo.svg\n", `pkpm.yaml:2: brand.logo "logo.svg" is an SVG`},
		{"brand:\n  logo: https://x.id/l.png\n", `pkpm.yaml:2: brand.logo "https://x.id/l.png" is on the web`},
		{"brand:\n  logoo: a.png\n", `pkpm.yaml:2: unknown key "logoo" — did you mean "logo"?`},
	} {
		_, err := Parse("pkpm.yaml", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want prefix %q", tt.src, err, tt.want)
		}
	}
}
