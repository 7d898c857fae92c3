package build

import (
	"context"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

var update = flag.Bool("update", false, "rewrite golden images")

// composeFixture composes testdata/golden.md as a build would.
func composeFixture(t testing.TB) []deck.Slide {
	t.Helper()
	root, _ := filepath.Abs("testdata")
	j := composeJob(t, Options{Root: root, Project: config.Default()}, "golden.md")
	return j.slides
}

// composeJob takes one post through the steps up to compose.
func composeJob(t testing.TB, opts Options, file string) *job {
	t.Helper()
	b := newBuilder(context.Background(), opts)
	j := &job{file: file}
	steps := append(append([]step(nil), prepare...), produce[:4]...)
	if steps[len(steps)-1].name != "compose" {
		t.Fatalf("the steps up to compose end with %q", steps[len(steps)-1].name)
	}
	b.run(0, j, steps)
	if j.res.Err != nil {
		t.Fatal(j.res.Err)
	}
	return j
}

// Golden images are compared per channel with a tolerance, so a change
// in antialiasing passes and a moved word or wrong colour fails.
const (
	channelTolerance = 24   // per-channel difference ignored
	maxBadFraction   = .002 // fraction of pixels allowed past it
)

func TestGoldenImages(t *testing.T) {
	slides := composeFixture(t)
	r := render.New()
	cases := map[string]int{"cover": 0, "list": 1, "emoji": 2, "continuation": 4}
	if slides[4].Warnings == nil {
		t.Fatalf("slide 5 should continue the long text; slides: %d", len(slides))
	}
	for name, i := range cases {
		t.Run(name, func(t *testing.T) {
			matchGolden(t, filepath.Join("testdata", "golden", name+".png"), r.Draw(slides[i]))
		})
	}
}

// matchGolden compares an image with a golden file within the tolerance,
// writing a diff image on failure, or rewrites the file with -update.
func matchGolden(t *testing.T, file string, got *image.RGBA) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		writePNG(t, file, got)
		return
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatalf("%v (run `go test ./internal/build -run Golden -update`)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	bad, diff := compare(got, want)
	if total := got.Bounds().Dx() * got.Bounds().Dy(); float64(bad) > maxBadFraction*float64(total) {
		out := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(file), ".png")+"-diff.png")
		writePNG(t, out, diff)
		t.Errorf("%s: %d of %d pixels differ by more than %d; diff image: %s", file, bad, total, channelTolerance, out)
	}
}

// compare counts pixels whose channels differ past the tolerance and
// returns an image marking them in red.
func compare(got *image.RGBA, want image.Image) (int, *image.RGBA) {
	b := got.Bounds()
	diff := image.NewRGBA(b)
	if want.Bounds() != b {
		return b.Dx() * b.Dy(), diff
	}
	bad := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := got.RGBAAt(x, y)
			wr, wg, wb, _ := want.At(x, y).RGBA()
			w := color.RGBA{uint8(wr >> 8), uint8(wg >> 8), uint8(wb >> 8), 255}
			if absDiff(g.R, w.R) > channelTolerance || absDiff(g.G, w.G) > channelTolerance || absDiff(g.B, w.B) > channelTolerance {
				bad++
				diff.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
			} else {
				diff.SetRGBA(x, y, color.RGBA{g.R / 4, g.G / 4, g.B / 4, 255})
			}
		}
	}
	return bad, diff
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func writePNG(t *testing.T, file string, img image.Image) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
