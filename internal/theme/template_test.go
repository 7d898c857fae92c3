package theme

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

func TestLoadBuiltIns(t *testing.T) {
	names := Names("")
	if strings.Join(names, ",") != "edukasi,kegiatan,pengumuman,umkm" {
		t.Fatalf("built-ins = %v", names)
	}
	for _, name := range names {
		tm, err := Load("", name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tm.Source != BuiltIn || tm.Description == "" || tm.Name != name {
			t.Errorf("%s: %+v", name, tm)
		}
		for _, k := range Kinds {
			if tm.Layouts.base(k) == nil {
				t.Errorf("%s leaves out the %s layout; built-ins lay out every kind", name, k)
			}
		}
		for _, size := range SizeNames {
			if _, _, _, ok := tm.Canvas(size); !ok {
				t.Errorf("%s has no %s canvas", name, size)
			}
		}
	}
}

// The built-ins look different: no two share their cover and content
// backgrounds, their title treatment and their chrome.
func TestBuiltInsDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, name := range Names("") {
		tm, _ := Load("", name)
		cover, content := tm.Look("cover"), tm.Look("content")
		key := hex(cover.Background.From) + hex(content.Background.From) + string(tm.Type["title"].Case) + string(cover.Align) + strings.Join(tm.Footer.Right, "+")
		if other, dup := seen[key]; dup {
			t.Errorf("%s looks like %s", name, other)
		}
		seen[key] = name
	}
}

// parse loads templates/x.yaml, which extends a minimal complete template
// with the given lines (so the first of them is line 2).
func parse(t *testing.T, patch string) error {
	t.Helper()
	dir := writeProject(t, map[string]string{"templates/base.yaml": minimal, "templates/x.yaml": "extends: base\n" + patch})
	_, err := Load(dir, "x")
	return err
}

const minimal = `name: base
palette: {background: "#FFFFFF", surface: "#FFFFFF", text: "#111111", muted: "#444444", primary: "#0A645B", primary_dark: "#063F3A", on_primary: "#FFFFFF", accent: "#FFCF70", rule: "#DDDDDD"}
type:
  title: {max: 100, min: 60}
  heading: {max: 70, min: 46}
  body: {max: 54, min: 34}
  quote: {max: 60, min: 40}
  small: {max: 28, min: 28}
layouts:
  cover: {background: {color: primary}, text: on_primary}
  content: {background: {color: background}}
  closing: {background: {linear: [primary_dark, primary], angle: 90}, text: on_primary}
`

func TestParseMinimalFillsDefaults(t *testing.T) {
	tm, err := Parse("templates/base.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if tm.Type["body"].Font != "regular" || tm.Type["title"].Font != "display" || tm.Type["body"].LineHeight != 1.38 {
		t.Errorf("type defaults: %+v", tm.Type)
	}
	if w, h, _, _ := tm.Canvas("landscape"); w != 1080 || h != 566 {
		t.Errorf("landscape = %d×%d", w, h)
	}
	// A kind left out takes the content layout.
	if q := tm.Look("quote"); q.Background.From != tm.Color("background") || q.Text != tm.Color("text") {
		t.Errorf("quote look = %+v", q)
	}
	if c := tm.Look("closing"); !c.Background.Gradient || c.Background.Angle != 90 || c.VAlign != "middle" {
		t.Errorf("closing look = %+v", c)
	}
}

// Mistakes name the file and the line, and say how to fix them.
func TestParseErrorsNameFileAndLine(t *testing.T) {
	for _, tt := range []struct{ patch, want string }{
		{"paletet: {}\n", `templates/x.yaml:2: unknown key "paletet" — did you mean "palette"?`},
		{"layouts:\n  cover: {background: {colour: primary}}\n", `templates/x.yaml:3: unknown key "colour" in background — did you mean "color"?`},
		{"layouts:\n  cover: {background: {color: primery}}\n", `templates/x.yaml:3: colour "primery" is not in the palette — did you mean "primary"?`},
		{"layouts:\n  cover:\n    align: centre\n", `templates/x.yaml:4: align "centre" is not one of left, center — did you mean "center"?`},
		{"layouts:\n  quote:\n    background: {color: primary}\n    mark: maybe\n", `templates/x.yaml:5: mark "maybe" must be true or false`},
		{"layouts:\n  content:\n    decorations:\n      - {shape: star, w: 10, color: accent}\n", `templates/x.yaml:5: shape "star" is not one of rect, circle, ring, dots`},
		{"layouts:\n  content:\n    background: {color: background, linear: [primary, accent]}\n", `templates/x.yaml:4: a background takes one of color, linear or radial`},
		{"layouts:\n  content:\n    background: {linear: [primary]}\n", `templates/x.yaml:4: a gradient takes two colours`},
		{"layouts:\n  content:\n    background: {image: x.jpg, opacity: 1.5}\n", `templates/x.yaml:4: opacity "1.5" must be a number from 0 to 1`},
		{"layouts:\n  content:\n    background: {color: background, fit: cover}\n", `templates/x.yaml:4: fit, focus, overlay and opacity belong to an image background`},
		{"layouts:\n  content:\n    background: {image: ../../x.jpg}\n", `templates/x.yaml:4: background image "../../x.jpg" must be a path inside the project`},
		{"palette:\n  accent: \"#FFF\"\n", `templates/x.yaml:3: colour "#FFF" must be written #RRGGBB`},
		{"type:\n  body: {max: 30, min: 40}\n", `templates/x.yaml:3: type.body needs max and min sizes in pixels with 0 < min <= max`},
		{"sizes:\n  portrait: {width: 1080, height: 1920}\n", `templates/x.yaml:3: sizes.portrait is 1080×1920; Instagram takes shapes from 4:5`},
		{"sizes:\n  story: {width: 1080, height: 1920}\n", `templates/x.yaml:3: unknown key "story" in sizes; the keys in sizes are portrait, square, landscape`},
		{"header:\n  left: [logo, clock]\n", `templates/x.yaml:3: slot item "clock" is not one of logo, handle, name, page, dots, bar, none`},
		{"layouts:\n  content:\n    decorations:\n      - {shape: dots, w: 100, color: accent}\n", `templates/x.yaml:4: layouts.content.decorations[0]: dots need a dot diameter`},
		{"slides: {}\n", `templates/x.yaml:2: the "slides" section is now called "layouts"`},
		{"layouts:\n  closingg: {}\n", `templates/x.yaml:3: unknown key "closingg" in layouts — did you mean "closing"?`},
		{"layouts:\n  cover:\n    title_min: big\n", `templates/x.yaml:4: title_min "big" must be a number`},
		{"layouts:\n  cover:\n    title_min: 140\n", `templates/x.yaml:4: layouts.cover.title_min is 140 px; use a size from 12 to 100 (type.title.max)`},
		{"layouts:\n  content:\n    title_min: 8\n", `templates/x.yaml:4: layouts.content.title_min is 8 px; use a size from 12 to 70 (type.heading.max)`},
		{"layouts:\n  content:\n    short: {size: 66, place: middle}\n", `templates/x.yaml:4: place "middle" is not one of top, center, centre`},
		{"layouts:\n  content:\n    short: {size: 66, place: cnter}\n", `templates/x.yaml:4: place "cnter" is not one of top, center, centre — did you mean "center"?`},
		{"layouts:\n  content:\n    short: {sise: 66}\n", `templates/x.yaml:4: unknown key "sise" in short — did you mean "size"?`},
		{"layouts:\n  content:\n    short: {size: 40, place: top}\n", `templates/x.yaml:4: layouts.content.short.size is 40 px; give the size short slides may grow to, larger than type.body.max (54)`},
		{"layouts:\n  content:\n    short: {place: top}\n", `templates/x.yaml:4: layouts.content.short.size is 0 px`},
		{"layouts:\n  list:\n    short: {size: 66}\n", `templates/x.yaml:4: unknown key "short" in list`},
	} {
		err := parse(t, tt.patch)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q:\n got  %v\n want %s…", tt.patch, err, tt.want)
		}
	}
	if _, err := Parse("templates/y.yaml", []byte(strings.Replace(minimal, `rule: "#DDDDDD"`, `rul: "#DDDDDD"`, 1))); err == nil || !strings.HasPrefix(err.Error(), "templates/y.yaml:2: palette.rule is missing") {
		t.Errorf("missing colour: %v", err)
	}
}

// writeProject makes a project folder with templates.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A child template overrides only the keys it gives; a project template
// of a built-in's name replaces it, and may extend it.
func TestExtendsAndOverride(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"templates/edukasi.yaml": "extends: edukasi\ndescription: Ours\npalette:\n  primary: \"#224488\"\ntype:\n  body: {max: 50}\nlayouts:\n  content:\n    background: {color: surface}\n",
		"templates/anak.yaml":    "extends: edukasi\nname: anak\nmargins: {top: 160, right: 96, bottom: 150, left: 96}\n",
	})
	base, _ := Load("", "edukasi")
	own, err := Load(dir, "edukasi")
	if err != nil {
		t.Fatal(err)
	}
	if own.Source != Project || own.Description != "Ours" || own.File != "templates/edukasi.yaml" {
		t.Errorf("source %q, description %q, file %q", own.Source, own.Description, own.File)
	}
	if own.Color("primary") != (color.RGBA{0x22, 0x44, 0x88, 255}) || own.Color("accent") != base.Color("accent") {
		t.Errorf("palette not merged: primary %v accent %v", own.Color("primary"), own.Color("accent"))
	}
	if b := own.Type["body"]; b.Max != 50 || b.Min != base.Type["body"].Min || b.LineHeight != base.Type["body"].LineHeight {
		t.Errorf("type.body not merged: %+v", b)
	}
	if c := own.Look("content"); c.Background.From != own.Color("surface") || c.Rule != base.Look("content").Rule {
		t.Errorf("content look: %+v", c)
	}
	if own.Look("cover").Decorations == nil {
		t.Error("the parent's cover decorations were lost")
	}
	// anak extends the project's edukasi, which extends the built-in.
	anak, err := Load(dir, "anak")
	if err != nil {
		t.Fatal(err)
	}
	if anak.Margins.Top != 160 || anak.Color("primary") != own.Color("primary") || anak.Name != "anak" {
		t.Errorf("anak: margins %+v primary %v name %q", anak.Margins, anak.Color("primary"), anak.Name)
	}
	infos := List(dir)
	if len(infos) != 5 || infos[0].Name != "anak" || infos[0].Source != Project || !infos[1].Overrides || infos[1].Description != "Ours" {
		t.Errorf("List = %+v", infos)
	}
}

// The smallest title size per kind and the short-slide size are read,
// defaulted and inherited key by key.
func TestTitleMinAndShort(t *testing.T) {
	base, err := Parse("templates/base.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]float64{"cover": 60, "stat": 60, "closing": 60, "content": 46, "list": 46, "quote": 46} {
		if got := base.Look(kind).TitleMin; got != want {
			t.Errorf("default %s title_min = %v, want %v", kind, got, want)
		}
	}
	if base.Look("content").Short != nil {
		t.Error("a template without short: sets short slides larger")
	}
	dir := writeProject(t, map[string]string{
		"templates/base.yaml":  minimal + "  stat: {background: {color: surface}, title_min: 80}\n",
		"templates/mid.yaml":   "extends: base\nlayouts:\n  content:\n    title_min: 50\n    short: {size: 64, place: centre}\n",
		"templates/child.yaml": "extends: mid\nlayouts:\n  content:\n    short: {size: 70}\n  cover:\n    title_min: 72\n",
	})
	child, err := Load(dir, "child")
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]float64{"cover": 72, "stat": 80, "content": 50, "closing": 60} {
		if got := child.Look(kind).TitleMin; got != want {
			t.Errorf("inherited %s title_min = %v, want %v", kind, got, want)
		}
	}
	if s := child.Look("content").Short; s == nil || s.Size != 70 || s.Place != "center" {
		t.Errorf("inherited short = %+v, want size 70 from the child and place center from the parent", s)
	}
	for _, name := range Names("") {
		tm, _ := Load("", name)
		if s := tm.Look("content").Short; s == nil || s.Size <= tm.Type["body"].Max {
			t.Errorf("%s: short = %+v; the built-ins set short slides larger", name, s)
		}
	}
}

func TestExtendsProblems(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"templates/a.yaml":      "extends: b\n",
		"templates/b.yaml":      "extends: a\n",
		"templates/c.yaml":      "extends: tidakada\n",
		"templates/d.yaml":      "name: e\nextends: edukasi\n",
		"templates/kosong.yaml": "",
	})
	for name, want := range map[string]string{
		"a":      "templates/b.yaml:1: templates extend each other in a loop: a → b → a",
		"c":      `templates/c.yaml:1: extends: unknown template "tidakada"`,
		"d":      `templates/d.yaml:1: name "e" does not match the file name d.yaml`,
		"kosong": "templates/kosong.yaml: template is empty",
	} {
		_, err := Load(dir, name)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: got %v, want %s…", name, err, want)
		}
	}
}

// An image background is read from the project (or the built-in assets),
// placed with its focus, and laid under an overlay.
func TestImageBackground(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	dir := writeProject(t, map[string]string{
		"templates/foto.yaml": "extends: edukasi\nname: foto\nlayouts:\n  content:\n    background: {image: assets/latar.png, fit: contain, focus: top left, overlay: primary_dark, opacity: 40%}\n    text: on_primary\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "assets", "latar.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tm, err := Load(dir, "foto")
	if err != nil {
		t.Fatal(err)
	}
	l := tm.Look("content")
	if l.Image == nil || l.Image.Image == nil || !l.Image.Contain || l.Image.FocusX != 0 || l.Image.FocusY != 0 || l.Image.Opacity != 0.4 || l.Image.Overlay != tm.Color("primary_dark") {
		t.Fatalf("image fill = %+v", l.Image)
	}
	if l.Background.From != tm.Color("primary_dark") {
		t.Errorf("the paint under a contained image = %v, want the overlay colour", l.Background.From)
	}
	missing := writeProject(t, map[string]string{"templates/foto.yaml": "extends: edukasi\nname: foto\nlayouts:\n  content:\n    background: {image: assets/tidakada.jpg}\n"})
	if _, err := Load(missing, "foto"); err == nil || !strings.Contains(err.Error(), `background image "assets/tidakada.jpg": not found`) {
		t.Errorf("missing image: %v", err)
	}
}

func TestParseFocus(t *testing.T) {
	for in, want := range map[string][2]float64{
		"center": {0.5, 0.5}, "top": {0.5, 0}, "bottom": {0.5, 1}, "left": {0, 0.5}, "right": {1, 0.5},
		"top left": {0, 0}, "bottom-right": {1, 1}, "30% 70%": {0.3, 0.7}, "0%, 100%": {0, 1},
	} {
		x, y, err := ParseFocus(in)
		if err != nil || x != want[0] || y != want[1] {
			t.Errorf("ParseFocus(%q) = %v, %v, %v; want %v", in, x, y, err, want)
		}
	}
	for _, bad := range []string{"", "atas", "150% 20%", "30%", "top top left"} {
		if _, _, err := ParseFocus(bad); err == nil {
			t.Errorf("ParseFocus(%q) accepted", bad)
		}
	}
}

func TestArchetypes(t *testing.T) {
	src, from, err := Archetype("", "kegiatan")
	if err != nil || from != "templates/archetypes/kegiatan.md (built-in)" || !strings.Contains(string(src), "template: kegiatan") {
		t.Errorf("kegiatan: %q %v", from, err)
	}
	if _, from, _ := Archetype("", "tidakada"); from != "templates/archetypes/default.md (built-in)" {
		t.Errorf("unknown pillar uses %q", from)
	}
	dir := writeProject(t, map[string]string{"templates/archetypes/default.md": "---\ntitle: x\n---\n"})
	if _, from, _ := Archetype(dir, "tidakada"); from != "templates/archetypes/default.md" {
		t.Errorf("project default: %q", from)
	}
	files, err := BuiltInFiles()
	if err != nil || len(files) != 9 {
		t.Errorf("BuiltInFiles = %v, %v", files, err)
	}
}

// Every mistake of a template comes in one run, each on its line.
func TestParseReportsEveryError(t *testing.T) {
	err := parse(t, "paletet: {}\nlayouts:\n  cover:\n    align: centre\n    valign: #top\n  closingg: {}\n")
	var got []string
	for _, d := range diag.All(err, "") {
		got = append(got, d.String())
	}
	want := []string{
		`templates/x.yaml:2: unknown key "paletet" — did you mean "palette"?`,
		`templates/x.yaml:5: align "centre" is not one of left, center — did you mean "center"?`,
		`templates/x.yaml:6: valign: "#top" is read as a YAML comment; write valign: "#top"`,
		`templates/x.yaml:7: unknown key "closingg" in layouts — did you mean "closing"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
