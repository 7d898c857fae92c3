package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// The incremental build must never keep a stale slide. Each case below
// changes one kind of input after a build and shows that the slides it
// shapes are drawn again, that the rest are kept, and that the folder
// ends byte-identical to a cold build of the changed project.

const incPost = `---
title: Cuci Tangan Pakai Sabun
template: anak
size: landscape
---

Cuci tangan melindungi keluarga.

---

## Kapan?

Sebelum makan dan sesudah dari luar rumah.

---

![Warga mencuci tangan](foto.png)
`

// incProject writes a small project: a post (on landscape slides, the
// smallest to draw) with a photo, a template
// that extends a project template that extends a built-in one, and a
// logo.
func incProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"posts/cuci/index.md":  incPost,
		"templates/induk.yaml": "extends: edukasi\nname: induk\npalette:\n  accent: \"#FFCF70\"\n",
		"templates/anak.yaml":  "extends: induk\nname: anak\n",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(root, name), []byte(data))
	}
	writeFile(t, filepath.Join(root, "posts/cuci/foto.png"), testPNG(t, color.RGBA{200, 60, 40, 255}))
	writeFile(t, filepath.Join(root, "assets/logo.png"), testPNG(t, color.RGBA{20, 90, 160, 255}))
	return root
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// testPNG is a small two-colour picture.
func testPNG(t *testing.T, c color.RGBA) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			if x < 32 {
				img.Set(x, y, c)
			} else {
				img.Set(x, y, color.RGBA{240, 240, 230, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func incOptions(root, out string) Options {
	p := config.Default()
	p.Brand.Logo = "assets/logo.png"
	return Options{Root: root, Project: p, Posts: []string{"posts/cuci/index.md"}, Out: out, Format: render.JPEG, Workers: 2, Renderer: "test-renderer-1"}
}

// runBuild builds and returns how many slides were drawn and kept.
func runBuild(t *testing.T, opts Options) (drawn, reused int) {
	t.Helper()
	results, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.File, r.Err)
		}
		drawn += r.Drawn
		reused += r.Reused
	}
	return drawn, reused
}

// How many slides a change must redraw, besides a number.
const (
	all  = -1 // every slide
	some = -2 // at least one: the template's change shows on some kinds only
)

func TestIncrementalRedrawsWhatChanged(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, root string, o *Options)
		drawn  int // or some, or all
	}{
		{"text", func(t *testing.T, root string, o *Options) {
			edit(t, filepath.Join(root, "posts/cuci/index.md"), "Sebelum makan", "Sebelum memasak")
		}, 1},
		{"template", func(t *testing.T, root string, o *Options) {
			writeFile(t, filepath.Join(root, "templates/anak.yaml"), []byte("extends: induk\nname: anak\npalette:\n  background: \"#FFF4E0\"\n"))
		}, some},
		{"parent template", func(t *testing.T, root string, o *Options) {
			edit(t, filepath.Join(root, "templates/induk.yaml"), "#FFCF70", "#F08A5D")
		}, some},
		{"brand colour", func(t *testing.T, root string, o *Options) { o.Project.Brand.Primary = "#7A1F5C" }, all},
		{"logo", func(t *testing.T, root string, o *Options) {
			writeFile(t, filepath.Join(root, "assets/logo.png"), testPNG(t, color.RGBA{230, 120, 0, 255}))
		}, all},
		{"photo", func(t *testing.T, root string, o *Options) {
			writeFile(t, filepath.Join(root, "posts/cuci/foto.png"), testPNG(t, color.RGBA{30, 160, 60, 255}))
		}, 1},
		{"size", func(t *testing.T, root string, o *Options) {
			edit(t, filepath.Join(root, "posts/cuci/index.md"), "size: landscape", "size: square")
		}, all},
		{"format", func(t *testing.T, root string, o *Options) { o.Format = render.PNG }, all},
		{"renderer or fonts", func(t *testing.T, root string, o *Options) { o.Renderer = "test-renderer-2" }, all},
		{"force", func(t *testing.T, root string, o *Options) { o.Force = true }, all},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root := incProject(t)
			out := filepath.Join(root, "dist")
			opts := incOptions(root, out)
			total, _ := runBuild(t, opts)
			if d, r := runBuild(t, opts); d != 0 || r != total {
				t.Fatalf("a second build with nothing changed drew %d slides and kept %d; want 0 and %d", d, r, total)
			}
			tc.change(t, root, &opts)
			drawn, reused := runBuild(t, opts)
			want := tc.drawn
			switch want {
			case all:
				want = drawn + reused
			case some:
				want = max(drawn, 1)
			}
			if drawn != want || drawn+reused < 3 {
				t.Errorf("after the change %d slides were drawn and %d kept; want %d drawn", drawn, reused, want)
			}
			cold := incOptions(root, filepath.Join(t.TempDir(), "dist"))
			cold.Project, cold.Format, cold.Renderer = opts.Project, opts.Format, opts.Renderer
			runBuild(t, cold)
			sameTree(t, filepath.Join(out, "slides"), filepath.Join(cold.Out, "slides"))
		})
	}
}

// TestIncrementalKeepsPostUntouched shows a post whose inputs did not
// change is not written at all: its files keep their inodes' times.
func TestIncrementalKeepsPostUntouched(t *testing.T) {
	root := incProject(t)
	opts := incOptions(root, filepath.Join(root, "dist"))
	runBuild(t, opts)
	dir := filepath.Join(opts.Out, "slides", "cuci")
	before, err := os.Stat(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	runBuild(t, opts)
	after, err := os.Stat(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("slides.json of an unchanged post was written again")
	}
}

// TestIncrementalRedrawsMissingSlide shows a slide deleted from dist is
// drawn again though its fingerprint is still recorded.
func TestIncrementalRedrawsMissingSlide(t *testing.T) {
	root := incProject(t)
	opts := incOptions(root, filepath.Join(root, "dist"))
	runBuild(t, opts)
	if err := os.Remove(filepath.Join(opts.Out, "slides", "cuci", "02.jpg")); err != nil {
		t.Fatal(err)
	}
	if d, _ := runBuild(t, opts); d != 1 {
		t.Errorf("drew %d slides; want the missing one", d)
	}
	if _, err := os.Stat(filepath.Join(opts.Out, "slides", "cuci", "02.jpg")); err != nil {
		t.Error(err)
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", path, old)
	}
	writeFile(t, path, bytes.Replace(data, []byte(old), []byte(new), 1))
}

// sameTree fails unless two folders hold the same files with the same
// bytes.
func sameTree(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := treeFiles(t, a), treeFiles(t, b)
	if strings.Join(keys(fa), " ") != strings.Join(keys(fb), " ") {
		t.Fatalf("the incremental build holds %v; a cold build %v", keys(fa), keys(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs from a cold build's", name)
		}
	}
}

func treeFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// With Heads, an inspecting build keeps only the beginning of each
// slide's file, drawn or kept, and what check is given still tells each
// file's format, size in pixels and length.
func TestHeadsKeepBeginnings(t *testing.T) {
	root := incProject(t)
	opts := incOptions(root, filepath.Join(root, "dist"))
	for _, built := range []bool{false, true} { // drawn, then kept
		o := opts
		o.Inspect, o.Heads = true, true
		results, err := Run(context.Background(), o)
		if err != nil || results[0].Err != nil {
			t.Fatal(err, results[0].Err)
		}
		r := results[0]
		if built != (r.Drawn == 0) {
			t.Fatalf("drawn %d, reused %d", r.Drawn, r.Reused)
		}
		p := CheckPost(r)
		for i, si := range r.Manifest.Slides {
			whole, err := os.ReadFile(filepath.Join(opts.Out, "slides", r.Slug, si.File))
			if err != nil {
				t.Fatal(err)
			}
			head := p.Images[i]
			if len(whole) <= HeadBytes {
				t.Fatalf("slide %d is %d bytes: too small to show anything is left out", i+1, len(whole))
			}
			if len(head) > HeadBytes || !bytes.HasPrefix(whole, head) || p.ImageBytes[i] != len(whole) {
				t.Errorf("slide %d: %d bytes kept of %d, length %d given", i+1, len(head), len(whole), p.ImageBytes[i])
			}
			if sum := sha256.Sum256(whole); si.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("slide %d: slides.json's hash is not the file's", i+1)
			}
		}
	}
}
