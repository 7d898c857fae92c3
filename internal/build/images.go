package build

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for post images
	_ "image/png"
	"os"
	"path/filepath"
	"strings"

	_ "golang.org/x/image/webp"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// MaxPixels is the largest image accepted, by its declared size: larger
// ones would take gigabytes to decode and are refused before decoding.
const MaxPixels = 50_000_000

// imageRef is an image a post uses and the line that names it.
type imageRef struct {
	src  string
	line int
}

// imageRefs lists the images of an article: the cover and lone images.
func imageRefs(a *content.Article) []imageRef {
	var refs []imageRef
	if a.Meta.Cover != "" {
		refs = append(refs, imageRef{a.Meta.Cover, a.Meta.Lines["cover"]})
	}
	add := func(bs []content.Block) {
		for _, b := range bs {
			if b.Kind == content.Image {
				refs = append(refs, imageRef{b.Src, b.Line})
			}
		}
	}
	add(a.Intro)
	for _, s := range a.Sections {
		add(s.Blocks)
	}
	return refs
}

// loadImages reads and decodes every image a post uses. Paths are relative
// to the post's folder and may not leave the project.
func loadImages(root, postFile string, a *content.Article) (map[string]image.Image, error) {
	out := map[string]image.Image{}
	for _, r := range imageRefs(a) {
		if _, ok := out[r.src]; ok {
			continue
		}
		img, err := loadImage(root, filepath.Dir(filepath.Join(root, postFile)), r.src)
		if err != nil {
			return nil, diag.Errorf(a.File, r.line, "%v", err)
		}
		out[r.src] = img
	}
	return out, nil
}

func loadImage(root, dir, src string) (image.Image, error) {
	switch {
	case strings.Contains(src, "://"):
		return nil, fmt.Errorf("image %q is on the web; pkpm does not download images — save it next to the post and use its file name", src)
	case filepath.IsAbs(src) || strings.HasPrefix(src, "/"):
		return nil, fmt.Errorf("image %q is an absolute path; write it relative to the post, like foto.jpg", src)
	}
	path := filepath.Join(dir, filepath.FromSlash(src))
	if !inside(root, path) {
		return nil, fmt.Errorf("image %q is outside the project; copy it into the post's folder", src)
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		if rroot, err := filepath.EvalSymlinks(root); err == nil && !inside(rroot, real) {
			return nil, fmt.Errorf("image %q links outside the project; copy it into the post's folder", src)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("image %q not found; check the file name (paths are relative to the post)", src)
		}
		return nil, fmt.Errorf("reading image %q: %v", src, err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("image %q is not a JPEG, PNG or WebP image pkpm can read", src)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("image %q is %d×%d pixels, over the %d-megapixel limit; resize it to at most 4000 pixels on its long side", src, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("image %q (%s) is damaged: %v", src, format, err)
	}
	return img, nil
}

// inside reports whether path is root or below it.
func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
