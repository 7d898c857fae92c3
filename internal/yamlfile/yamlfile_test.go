package yamlfile

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

func TestNormalize(t *testing.T) {
	got, err := Normalize("f", []byte("\xef\xbb\xbfa: 1\r\nb: 2\rc: 3\n"))
	if err != nil || string(got) != "a: 1\nb: 2\nc: 3\n" {
		t.Errorf("got %q, %v", got, err)
	}
	_, err = Normalize("f.yaml", []byte("a: 1\r\nb: 2\rc: \xe9t\xe9\n"))
	if err == nil || err.Error() != "f.yaml:3: invalid UTF-8 (byte 0xe9); save the file as UTF-8" {
		t.Errorf("got %v", err)
	}
}

var testKeys = &Keys{
	List:    []Key{{"title", Text}, {"tags", List}, {"count", Number}, {"rules", Section}, {"linear", List}},
	Aliases: map[string]string{"gradient": "linear"},
	Hints:   map[string]string{"judul": "title"},
}

func read(t *testing.T, src string) *Doc {
	t.Helper()
	d, err := Read("f.yaml", "f.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return d
}

func messages(err error) []string {
	var out []string
	for _, d := range diag.All(err, "") {
		out = append(out, d.String())
	}
	return out
}

// Every problem of a mapping is collected, in line order, and the known
// keys still come back.
func TestMapCollectsEveryProblem(t *testing.T) {
	d := read(t, "titel: a\njudul: b\ntitle: c\ntitle: d\ntags: #x #y\ncount: #3\nrules: # later\ngradient: [a, b]\nzzz: 1\n")
	fs := d.Map(d.Top, testKeys)
	want := []string{
		`f.yaml:1: unknown key "titel" — did you mean "title"?`,
		`f.yaml:2: unknown key "judul" — did you mean "title"?`,
		`f.yaml:4: key "title" is set twice (first on line 3); keep only one`,
		`f.yaml:5: tags: "#x #y" is read as a YAML comment; write tags: [x, y]`,
		`f.yaml:6: count: "#3" is read as a YAML comment; write count: 3`,
		`f.yaml:9: unknown key "zzz"; the keys are title, tags, count, rules, linear`,
	}
	if got := messages(d.Err()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var keys []string
	for _, f := range fs {
		keys = append(keys, f.Key)
	}
	if strings.Join(keys, " ") != "title rules linear" {
		t.Errorf("fields = %v", keys)
	}
}

func TestMapFollowsAliasesAndMerges(t *testing.T) {
	d := read(t, "base: &b {title: A, count: 2}\nx:\n  <<: *b\n  count: 3\n  tags: &t [p]\ny:\n  tags: *t\n")
	_, x := d.Lookup("x")
	fs := d.Map(x, testKeys)
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	title, _ := fs.Get("title")
	count, _ := fs.Get("count")
	if title.V.Value != "A" || count.V.Value != "3" || len(fs) != 3 {
		t.Errorf("merged fields = %+v", fs)
	}
	_, y := d.Lookup("y")
	if tags, ok := d.Map(y, testKeys).Get("tags"); !ok || tags.V.Kind != yaml.SequenceNode {
		t.Errorf("alias not followed: %+v", tags)
	}
}

func TestSyntaxErrorKeepsCause(t *testing.T) {
	_, err := ReadAt("posts/x.md", "front matter", []byte("title: a: b\n"), 1)
	var d diag.Diagnostic
	if !errors.As(err, &d) || d.Line != 2 || !strings.Contains(d.Message, "front matter is not valid YAML") {
		t.Fatalf("got %v", err)
	}
	if errors.Unwrap(d) == nil || !strings.Contains(errors.Unwrap(d).Error(), "mapping values") {
		t.Errorf("cause = %v, want yaml.v3's error", errors.Unwrap(d))
	}
}

type inner struct {
	Max float64 `yaml:"max"`
	Min float64 `yaml:"min"`
}

type base struct {
	Align string `yaml:"align"`
}

type outer struct {
	Name   string            `yaml:"name"`
	Width  int               `yaml:"width"`
	On     *bool             `yaml:"on"`
	Type   map[string]inner  `yaml:"type"`
	Sizes  *inner            `yaml:"sizes"`
	List   []inner           `yaml:"list"`
	Colors map[string]string `yaml:"colors"`
	Skip   string            `yaml:"-"`
	base   `yaml:",inline"`
}

func TestDecode(t *testing.T) {
	d := read(t, "name: x\nwidth: 1080\non: yes\nalign: left\ntype:\n  body: {max: 40, min: 20}\nsizes: {max: 1}\nlist: [{max: 2}]\ncolors: {a: b}\n")
	v := outer{Colors: map[string]string{"old": "kept"}}
	d.Decode(d.Top, &v, "")
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if v.Name != "x" || v.Width != 1080 || v.On == nil || !*v.On || v.Align != "left" || v.Type["body"].Min != 20 ||
		v.Sizes.Max != 1 || len(v.List) != 1 || v.List[0].Max != 2 || v.Colors["a"] != "b" || v.Colors["old"] != "kept" {
		t.Errorf("decoded %+v", v)
	}
}

func TestDecodeCollectsEveryProblem(t *testing.T) {
	d := read(t, "nam: x\nwidth: wide\non: maybe\ntype:\n  body: {max: big, mn: 2}\nsizes: [1]\nskip: 1\nlist: #a #b\n")
	var v outer
	d.Decode(d.Top, &v, "")
	want := []string{
		`f.yaml:1: unknown key "nam" — did you mean "name"?`,
		`f.yaml:2: width "wide" must be a whole number, like width: 5`,
		`f.yaml:3: on "maybe" must be true or false`,
		`f.yaml:5: unknown key "mn" in body — did you mean "min"?`,
		`f.yaml:5: max "big" must be a number, like max: 0.5`,
		`f.yaml:6: "sizes" must be "key: value" lines below it, like "max: ..."`,
		`f.yaml:7: unknown key "skip"; the keys are name, width, on, type, sizes, list, colors, align`,
		`f.yaml:8: list: "#a #b" is read as a YAML comment; write list: [a, b]`,
	}
	if got := messages(d.Err()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

type colour struct{ v string }

func (c *colour) UnmarshalYAML(n *yaml.Node) error {
	if !strings.HasPrefix(n.Value, "#") {
		return Errorf(n, "colour %q must be written #RRGGBB", n.Value)
	}
	c.v = n.Value
	return nil
}

func TestDecodeUnmarshalerErrorsKeepTheirLine(t *testing.T) {
	d, err := ReadAt("posts/x.md", "front matter", []byte("a: '#fff'\nb: red\n"), 10)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		A colour `yaml:"a"`
		B colour `yaml:"b"`
	}
	d.Decode(d.Top, &v, "")
	if got := messages(d.Err()); len(got) != 1 || got[0] != `posts/x.md:12: colour "red" must be written #RRGGBB` || v.A.v != "#fff" {
		t.Errorf("got %v, %+v", got, v)
	}
}

func TestWritten(t *testing.T) {
	for _, tt := range []struct {
		text string
		kind Kind
		want string
	}{
		{"#pkpm #covid19", List, "[pkpm, covid19]"},
		{"#a,#b", List, "[a, b]"},
		{"#a:b", List, `["a:b"]`},
		{"#0A645B", Text, `"#0A645B"`},
		{`#say "hi"`, Text, `"#say \"hi\""`},
		{"#5", Number, "5"},
		{"#lima", Number, `"#lima"`},
	} {
		if got := Written(tt.text, tt.kind); got != tt.want {
			t.Errorf("Written(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// A map's entries are keys too: "primary: #0A645B" in a palette loses
// the colour to a comment.
func TestDecodeMapValueReadAsComment(t *testing.T) {
	d := read(t, "colors:\n  primary: #0A645B\n  accent: \"#FFCF70\"\n")
	var v outer
	d.Decode(d.Top, &v, "")
	if got := messages(d.Err()); len(got) != 1 || got[0] != `f.yaml:2: primary: "#0A645B" is read as a YAML comment; write primary: "#0A645B"` || v.Colors["accent"] != "#FFCF70" {
		t.Errorf("got %v, %+v", got, v.Colors)
	}
}
