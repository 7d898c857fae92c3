package theme

import (
	"strings"
	"testing"
)

// Shapes decode strictly: each mistake names the file and line and says
// what the kind takes.
func TestShapeErrorsNameFileAndLine(t *testing.T) {
	shapes := func(items ...string) string {
		return "layouts:\n  content:\n    shapes:\n      - " + strings.Join(items, "\n      - ") + "\n"
	}
	for _, tt := range []struct{ patch, want string }{
		{shapes("{kind: star, x: 0, y: 0, r: 10, fill: accent}"), `templates/x.yaml:5: shape kind "star" is not one of circle, ring, rect, polygon, line, path`},
		{shapes("{kind: circel, x: 0, y: 0, r: 10, fill: accent}"), `templates/x.yaml:5: shape kind "circel" is not one of circle, ring, rect, polygon, line, path — did you mean "circle"?`},
		{shapes("{x: 0, y: 0, r: 10, fill: accent}"), `templates/x.yaml:5: a shape needs a kind`},
		{shapes("{kind: circle, x: 0, y: 0, r: 10, fil: accent}"), `templates/x.yaml:5: unknown key "fil" in a shape — did you mean "fill"?`},
		{shapes("{kind: circle, x: 0, y: 0, r: 10, sides: 6, fill: accent}"), `templates/x.yaml:5: a circle takes no "sides"; its keys are kind, x, y, r, fill, stroke, width, opacity`},
		{shapes("{kind: circle, x: 0, y: 0, fill: accent}"), `templates/x.yaml:5: a circle needs x, y, r`},
		{shapes("{kind: circle, x: 0, y: 0, r: 10}"), `templates/x.yaml:5: give the circle a fill or a stroke colour`},
		{shapes("{kind: circle, x: 0, y: 0, r: 10, fill: acent}"), `templates/x.yaml:5: colour "acent" is not in the palette — did you mean "accent"?`},
		{shapes("{kind: circle, x: ten, y: 0, r: 10, fill: accent}"), `templates/x.yaml:5: "ten" is not a number of pixels or a percentage`},
		{shapes("{kind: ring, x: 0, y: 0, r: 10, stroke: accent, width: 0}"), `templates/x.yaml:5: a stroke needs a width above 0`},
		{shapes("{kind: polygon, x: 0, y: 0, r: 10, sides: 2, fill: accent}"), `templates/x.yaml:5: a polygon has 3 to 64 sides`},
		{shapes("{kind: line, from: [0, 0], to: [10], stroke: accent, width: 4}"), `templates/x.yaml:5: a point is [x, y]`},
		{shapes("{kind: line, from: [0, 0], to: [10, 10], stroke: accent, width: 4, cap: flat}"), `templates/x.yaml:5: cap "flat" is not one of butt, round, square`},
		{shapes("kind: path\n        fill: accent\n        path:\n          - line: [0, 0]\n          - close"), `templates/x.yaml:8: a path starts with a move`},
		{shapes("kind: path\n        fill: accent\n        path:\n          - move: [0, 0]\n          - curve: [1, 2]"), `templates/x.yaml:9: unknown path step "curve"`},
		{shapes("kind: path\n        fill: accent\n        path:\n          - move: [0, 0]\n          - quad: [1, 2]"), `templates/x.yaml:9: quad takes 4 numbers`},
		{"layouts:\n  content:\n    shape: []\n", `templates/x.yaml:4: unknown key "shape" in content — did you mean "shapes"?`},
	} {
		err := parse(t, tt.patch)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q:\n got  %v\n want %s…", tt.patch, err, tt.want)
		}
	}
}

// Each kind places in pixels on the canvas it is drawn on: percentages
// of the width for x and sizes, of the height for y, and a box that holds
// the stroke.
func TestShapesPlaceOnEachCanvas(t *testing.T) {
	dir := writeProject(t, map[string]string{"templates/base.yaml": minimal, "templates/x.yaml": `extends: base
layouts:
  content:
    shapes:
      - {kind: circle, x: 50%, y: 10%, r: 100, fill: accent, opacity: 0.5}
      - {kind: ring, x: 0, y: 100%, r: 10%, stroke: primary, width: 20}
      - {kind: rect, x: 5%, y: 90%, w: 90%, h: 12, radius: 6, fill: "#FF0000"}
      - {kind: polygon, x: 900, y: 200, r: 60, sides: 6, rotation: 30, fill: accent}
      - {kind: line, from: [0, 50%], to: [100%, 50%], stroke: accent, width: 8, cap: round}
      - kind: path
        fill: primary
        path:
          - move: [0, 100%]
          - cubic: [20%, 80%, 60%, 95%, 100%, 85%]
          - line: [100%, 100%]
          - close
`})
	tm, err := Load(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	shapes := tm.Look("content").Shapes
	if len(shapes) != 6 {
		t.Fatalf("%d shapes", len(shapes))
	}
	if c := shapes[0].FillColor; c.A != 128 || c.R != 0x80 {
		t.Errorf("accent at half opacity = %v, want premultiplied", c)
	}
	type box struct{ x, y, w, h float64 }
	for _, tt := range []struct {
		i    int
		h    float64
		want box
	}{
		{0, 1350, box{440, 35, 200, 200}},
		{0, 566, box{440, -43.4, 200, 200}},
		{1, 1350, box{-118, 1232, 236, 236}},
		{2, 1350, box{54, 1215, 972, 12}},
		{4, 1080, box{-4, 536, 1088, 8}},
		{5, 1350, box{0, 1080, 1080, 270}},
	} {
		p := shapes[tt.i].Place(1080, tt.h)
		got := box{p.BoxX, p.BoxY, p.BoxW, p.BoxH}
		if !near(got.x, tt.want.x) || !near(got.y, tt.want.y) || !near(got.w, tt.want.w) || !near(got.h, tt.want.h) {
			t.Errorf("shape %d on 1080×%v: box %+v, want %+v", tt.i, tt.h, got, tt.want)
		}
	}
	if p := shapes[5].Place(1080, 1350); len(p.Path) != 4 || p.Path[1].Pts[5] != 0.85*1350 {
		t.Errorf("path = %+v", p.Path)
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
