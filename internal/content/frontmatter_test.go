package content

import (
	"reflect"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

func TestFrontMatterDecodesEveryKey(t *testing.T) {
	src := `---
title: Cara Memakai Masker yang Benar
subtitle: Lindungi diri dan keluarga
date: 2020-08-03 19:00
status: ready
template: edukasi
size: square
pillar: edukasi
hashtags: [pakaimasker, "#covid19"]
caption: |
  Baris satu.
  Baris dua.
sources:
  - "WHO: Advice on the use of masks (2020)"
  - Kemenkes RI
slug: cara-masker
cover: sampul.jpg
cover_alt: Relawan membagikan masker
---
`
	a := mustParse(t, "posts/masker.md", []byte(src))
	want := Meta{
		Title:    "Cara Memakai Masker yang Benar",
		Subtitle: "Lindungi diri dan keluarga",
		Date:     time.Date(2020, 8, 3, 19, 0, 0, 0, wib),
		DateLine: 4,
		Status:   "ready",
		Template: "edukasi",
		Size:     "square",
		Pillar:   "edukasi",
		Hashtags: []string{"pakaimasker", "covid19"},
		Caption:  "Baris satu.\nBaris dua.",
		Sources:  []string{"WHO: Advice on the use of masks (2020)", "Kemenkes RI"},
		Slug:     "cara-masker",
		Cover:    "sampul.jpg",
		CoverAlt: "Relawan membagikan masker",
		Lines: map[string]int{"title": 2, "subtitle": 3, "date": 4, "status": 5, "template": 6, "size": 7, "pillar": 8,
			"hashtags": 9, "caption": 10, "sources": 13, "slug": 16, "cover": 17, "cover_alt": 18},
	}
	if !reflect.DeepEqual(a.Meta, want) {
		t.Errorf("meta =\n%+v\nwant\n%+v", a.Meta, want)
	}
	if a.Slug != "cara-masker" {
		t.Errorf("slug = %q, want the front matter's %q", a.Slug, "cara-masker")
	}
	if len(a.Intro) != 0 || len(a.Sections) != 0 || len(a.Warnings) != 0 {
		t.Errorf("empty body gave intro %v, sections %v, warnings %v", a.Intro, a.Sections, a.Warnings)
	}
}

func TestFrontMatterDefaults(t *testing.T) {
	a := mustParse(t, "posts/x.md", []byte("---\ntitle: T\nsubtitle:\nsize: ~\n---\n"))
	if a.Meta.Status != "draft" {
		t.Errorf("status = %q, want default %q", a.Meta.Status, "draft")
	}
	if !a.Meta.Date.IsZero() || a.Meta.DateLine != 0 || a.Meta.Size != "" || a.Meta.Subtitle != "" {
		t.Errorf("meta = %+v, want zero values for what is not given", a.Meta)
	}
}

func TestFrontMatterScalarsAreText(t *testing.T) {
	a := mustParse(t, "posts/x.md", []byte("---\ntitle: 2020\npillar: true\ncaption: 'ok: yes'\n---\n"))
	if a.Meta.Title != "2020" || a.Meta.Pillar != "true" || a.Meta.Caption != "ok: yes" {
		t.Errorf("meta = %+v, want YAML numbers and booleans kept as the text written", a.Meta)
	}
}

func TestHashtagForms(t *testing.T) {
	tests := []struct {
		yaml string
		want []string
	}{
		{"[masker, covid19]", []string{"masker", "covid19"}},
		{"\n  - '#masker'\n  - covid19", []string{"masker", "covid19"}},
		{"'#masker #covid19'", []string{"masker", "covid19"}},
		{"masker, covid19,5m", []string{"masker", "covid19", "5m"}},
		{"'#masker,#jagajarak  #cucitangan'", []string{"masker", "jagajarak", "cucitangan"}},
		{"[]", nil},
		{"", nil},
		{"[2020]", []string{"2020"}},
	}
	for _, tt := range tests {
		a := mustParse(t, "posts/x.md", []byte("---\ntitle: T\nhashtags: "+tt.yaml+"\n---\n"))
		if !reflect.DeepEqual(a.Meta.Hashtags, tt.want) {
			t.Errorf("hashtags: %s → %q, want %q", tt.yaml, a.Meta.Hashtags, tt.want)
		}
	}
}

func TestSourcesForms(t *testing.T) {
	a := mustParse(t, "posts/x.md", []byte("---\ntitle: T\nsources: WHO 2020\n---\n"))
	if !reflect.DeepEqual(a.Meta.Sources, []string{"WHO 2020"}) {
		t.Errorf("sources = %q, want one source", a.Meta.Sources)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name  string
		fm    string // between the delimiters; the file's line 2 is its first line
		line  int
		parts []string
	}{
		{"unknown key with typo", "title: T\ntitel: x", 3, []string{`unknown key "titel" — did you mean "title"?`}},
		{"unknown key swap", "title: T\nstauts: ready", 3, []string{`did you mean "status"?`}},
		{"unknown key prefix", "title: T\nsub: x", 3, []string{`did you mean "subtitle"?`}},
		{"unknown key missing letter", "title: T\nhashtag: [a]", 3, []string{`did you mean "hashtags"?`}},
		{"unknown key dash", "title: T\ncover-alt: x", 3, []string{`did you mean "cover_alt"?`}},
		{"unknown key case", "Title: T", 2, []string{`did you mean "title"?`}},
		{"unknown key indonesian", "title: T\njudul: x", 3, []string{`did you mean "title"?`}},
		{"unknown key far", "title: T\nfoo: x", 3, []string{`unknown key "foo"`, "title, subtitle, date", "cover_alt"}},
		{"duplicate key", "title: T\nstatus: ready\ntitle: U", 4, []string{`"title" is set twice`, "line 2"}},
		{"title missing", "status: ready", 1, []string{`no "title"`, `"title: `}},
		{"empty front matter", "", 1, []string{`no "title"`}},
		{"title empty", "title:", 2, []string{`"title" is empty`}},
		{"title empty quotes", "title: ''", 2, []string{`"title" is empty`}},
		{"title list", "title: [a, b]", 2, []string{`"title" must be text`}},
		{"subtitle map", "title: T\nsubtitle:\n  a: b", 3, []string{`"subtitle" must be text`}},
		{"hashtags map", "title: T\nhashtags:\n  a: b", 3, []string{`"hashtags" must be a list of words, like [masker, covid19]`}},
		{"hashtags nested list", "title: T\nhashtags:\n  - a\n  - [b]", 5, []string{`"hashtags" must be a list of words`}},
		{"hashtag with space", "title: T\nhashtags:\n  - pakai masker", 4, []string{`hashtag "pakai masker"`, `"pakaimasker"`}},
		{"sources map", "title: T\nsources:\n  who: x", 3, []string{`"sources" must be a list of text`}},
		{"source with colon", "title: T\nsources:\n  - ok\n  - WHO: Advice", 5, []string{"put it in quotes"}},
		{"status typo", "title: T\nstatus: redy", 3, []string{`status "redy" is not one of draft, ready, published — did you mean "ready"?`}},
		{"status case", "title: T\nstatus: Ready", 3, []string{`did you mean "ready"?`}},
		{"status far", "title: T\nstatus: selesai", 3, []string{`status "selesai" is not one of draft, ready, published`}},
		{"size typo", "title: T\nsize: sqare", 3, []string{`size "sqare" is not one of portrait, square, landscape — did you mean "square"?`}},
		{"slug upper", "title: T\nslug: Cara Masker", 3, []string{`slug "Cara Masker"`, `"cara-masker"`}},
		{"slug leading hyphen", "title: T\nslug: -masker", 3, []string{`slug "-masker"`, `"masker"`}},
		{"slug trailing hyphen", "title: T\nslug: masker-", 3, []string{"may not start or end with a hyphen"}},
		{"date list", "title: T\ndate: [2020]", 3, []string{`"date" must be a date`}},
		{"not a mapping", "- a\n- b", 2, []string{`"key: value"`}},
		{"key not a scalar", "title: T\n? [a]\n: b", 3, []string{"keys must be plain words"}},
		{"yaml unclosed bracket", "title: T\nhashtags: [a, b\nstatus: ready", 3, []string{"front matter is not valid YAML: ", "closed"}},
		{"yaml colon in value", "title: COVID-19: apa itu?", 2, []string{"front matter is not valid YAML: mapping values are not allowed", "quotes"}},
		{"yaml colon in value later", "status: ready\ntitle: a: b", 3, []string{"front matter is not valid YAML"}},
		{"yaml tab", "title: T\n\tstatus: ready", 3, []string{"front matter is not valid YAML", "tabs"}},
		{"yaml unterminated quote", "title: 'T\nstatus: ready", 2, []string{"front matter is not valid YAML"}},
		{"yaml error after multi-line list", "title: T\nhashtags: [a,\n  b]\nstatus: a: b", 5, []string{"front matter is not valid YAML"}},
		{"yaml bad indentation", "title: T\nhashtags:\n  - a\n status: ready", 5, []string{"front matter is not valid YAML"}},
		{"yaml unknown anchor", "title: T\npillar: *x", 3, []string{"front matter is not valid YAML", "unknown anchor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\n" + tt.fm + "\n---\n\nBody.\n"
			if tt.fm == "" {
				src = "---\n---\n"
			}
			d := parseError(t, "posts/x.md", []byte(src))
			checkError(t, d, tt.line, tt.parts...)
		})
	}
}

// The front matter may follow blank lines; errors still point at the
// right file line.
func TestFrontMatterAfterBlankLines(t *testing.T) {
	d := parseError(t, "posts/x.md", []byte("\n\n---\ntitle: T\nstatus: redy\n---\n"))
	checkError(t, d, 5, `status "redy"`)
}

func TestAliasesResolve(t *testing.T) {
	a := mustParse(t, "posts/x.md", []byte("---\ntitle: &t Judul\ncover_alt: *t\nhashtags: &h [a]\n---\n"))
	if a.Meta.CoverAlt != "Judul" || len(a.Meta.Hashtags) != 1 {
		t.Errorf("meta = %+v, want aliases followed", a.Meta)
	}
	// A self-referencing anchor must be an error, not a hang.
	d := parseError(t, "posts/x.md", []byte("---\ntitle: T\nhashtags: &a [*a]\n---\n"))
	checkError(t, d, 3, `"hashtags" must be a list of words`)
}

func TestSuggest(t *testing.T) {
	tests := []struct{ word, want string }{
		{"titel", "title"},
		{"ttle", "title"},
		{"hastags", "hashtags"},
		{"dat", "date"},
		{"coverAlt", "cover_alt"},
		{"x", ""},
		{"ti", ""},
		{"", ""},
		{"sizes", "size"},
	}
	for _, tt := range tests {
		if got := suggest(tt.word, frontMatterKeys); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// A front matter without its closing "---" runs on to the body's first
// slide break; the error says what is missing and points at the opening.
func TestFrontMatterNotClosed(t *testing.T) {
	for name, src := range map[string]string{
		"prose":          "---\ntitle: T\nstatus: ready\n\nMasker melindungi kita semua.\n\n---\n\n## Langkah 1\n\nCuci tangan.\n",
		"prose with ':'": "---\ntitle: T\nstatus: ready\n\nCatatan penting: pakai masker.\n\n---\n\nLagi.\n",
		"heading first":  "---\ntitle: T\nstatus: ready\n\n## Kenapa?\nKarena virus menular.\n\n---\n\nLagi.\n",
	} {
		t.Run(name, func(t *testing.T) {
			d := parseError(t, "posts/x.md", []byte(src))
			checkError(t, d, 1, `the front matter starting here has no closing "---"`, `after its last key, line 3`)
		})
	}
	// Without any later "---" the split says the same.
	d := parseError(t, "posts/x.md", []byte("---\ntitle: T\n\nIsi.\n"))
	checkError(t, d, 1, `no closing "---"`)
}

// Every front-matter mistake of a post comes in one run, each with its
// line and the key meant.
func TestFrontMatterEveryError(t *testing.T) {
	src := "---\ntitle: T\nsubtitel: S\ntemplat: edukasi\nhashtag: [a]\nstatus: redy\n---\n\nIsi.\n"
	_, err := Parse("posts/x.md", []byte(src), wib)
	want := []string{
		`posts/x.md:3: unknown key "subtitel" — did you mean "subtitle"?`,
		`posts/x.md:4: unknown key "templat" — did you mean "template"?`,
		`posts/x.md:5: unknown key "hashtag" — did you mean "hashtags"?`,
		`posts/x.md:6: status "redy" is not one of draft, ready, published — did you mean "ready"?`,
	}
	all := diag.All(err, "posts/x.md")
	if len(all) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(all), len(want), err)
	}
	for i, w := range want {
		if all[i].String() != w || all[i].Severity != diag.Error {
			t.Errorf("error %d = %q, want %q", i, all[i], w)
		}
	}
}

// A value after "key: #" is a YAML comment: the key has no value and the
// author loses it silently. Every key says so, with its proper form.
func TestValueReadAsComment(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"hashtags: #pkpm #covid19", `hashtags: "#pkpm #covid19" is read as a YAML comment; write hashtags: [pkpm, covid19]`},
		{"subtitle: #1 di Way Halim", `subtitle: "#1 di Way Halim" is read as a YAML comment; write subtitle: "#1 di Way Halim"`},
		{"sources: #WHO", `sources: "#WHO" is read as a YAML comment; write sources: [WHO]`},
		{"pillar:   # edukasi", `pillar: "# edukasi" is read as a YAML comment; write pillar: "# edukasi"`},
	} {
		src := "---\ntitle: T\nstatus: ready\ndate: 2020-08-05\nsize: square\n" + tt.line + "\n---\n"
		d := parseError(t, "posts/x.md", []byte(src))
		if got := d.String(); got != "posts/x.md:6: "+tt.want {
			t.Errorf("%s:\n got %s\nwant posts/x.md:6: %s", tt.line, got, tt.want)
		}
	}
	// A comment after a value is only a comment.
	a := mustParse(t, "posts/x.md", []byte("---\ntitle: T # judul sementara\nhashtags: [a] # nanti\n---\n"))
	if a.Meta.Title != "T" || len(a.Meta.Hashtags) != 1 {
		t.Errorf("meta = %+v", a.Meta)
	}
}
