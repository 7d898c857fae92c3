// Command examplestrip makes docs/example.jpg, the picture at the top of
// the README: one slide of each kind a built post has (cover, content,
// list, quote, stat, closing, at most five), side by side on a light
// band, read from the post's folder as `pkpm build --format png` left it.
//
//	go run ./scripts/examplestrip dist/slides/laporan-pembagian-masker docs/example.jpg
package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// The strip: each slide 432 px wide (two fifths of 1080), 16 px apart.
const (
	slideW = 432
	gap    = 16
	most   = 5
)

var (
	band  = color.RGBA{0xE9, 0xEB, 0xEE, 0xFF}
	kinds = []string{"cover", "content", "list", "quote", "stat", "closing"}
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: examplestrip <built post folder> <out.jpg>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "examplestrip:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	files, err := pick(dir)
	if err != nil {
		return err
	}
	var slides []image.Image
	for _, f := range files {
		img, err := load(filepath.Join(dir, f))
		if err != nil {
			return err
		}
		slides = append(slides, img)
	}
	return save(out, strip(slides))
}

// pick chooses the first slide of each kind, in the order of kinds.
func pick(dir string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "slides.json"))
	if err != nil {
		return nil, err
	}
	var m struct {
		Slides []struct {
			File string `json:"file"`
			Kind string `json:"kind"`
		} `json:"slides"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", dir, err)
	}
	var files []string
	for _, k := range kinds {
		for _, s := range m.Slides {
			if s.Kind == k && len(files) < most {
				files = append(files, s.File)
				break
			}
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no slides", dir)
	}
	return files, nil
}

func load(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v (build with --format png)", path, err)
	}
	return img, nil
}

// strip scales the slides to slideW and sets them in a row with gap
// around each.
func strip(slides []image.Image) *image.RGBA {
	b := slides[0].Bounds()
	h := b.Dy() * slideW / b.Dx()
	out := image.NewRGBA(image.Rect(0, 0, gap+len(slides)*(slideW+gap), h+2*gap))
	draw.Draw(out, out.Bounds(), &image.Uniform{band}, image.Point{}, draw.Src)
	for i, s := range slides {
		x := gap + i*(slideW+gap)
		draw.CatmullRom.Scale(out, image.Rect(x, gap, x+slideW, gap+h), s, s.Bounds(), draw.Src, nil)
	}
	return out
}

// save writes a JPEG beside the target and renames it into place.
func save(path string, img image.Image) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 88}); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
