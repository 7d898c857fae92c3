package build

import (
	"errors"
	"fmt"
	"image"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/confine"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/photo"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// MaxPixels is the largest image accepted, by its declared size: larger
// ones would take gigabytes to decode and are refused before decoding.
const MaxPixels = photo.MaxPixels

// imageRef is an image a post uses and the line that names it.
type imageRef struct {
	src  string
	line int
}

// imageRefs lists the images of an article: the cover, lone images and
// the slides' <!-- background: ... --> photos.
func imageRefs(a *content.Article) []imageRef {
	var refs []imageRef
	if a.Meta.Cover != "" {
		refs = append(refs, imageRef{a.Meta.Cover, a.Meta.Lines["cover"]})
	}
	add := func(bs []content.Block, dirs map[string]string, line int) {
		if bg := dirs["background"]; bg != "" {
			refs = append(refs, imageRef{bg, line})
		}
		for _, b := range bs {
			if b.Kind == content.Image {
				refs = append(refs, imageRef{b.Src, b.Line})
			}
		}
	}
	introLine := 0
	if len(a.Intro) > 0 {
		introLine = a.Intro[0].Line
	}
	add(a.Intro, a.IntroDirectives, introLine)
	for _, s := range a.Sections {
		add(s.Blocks, s.Directives, s.Line)
	}
	return refs
}

// photoFile is an image file a post uses, read but not decoded.
type photoFile struct {
	data []byte
	hash string
	line int // where the post (or pkpm.yaml, for the logo) names it
}

// readImages reads every image a post uses. Paths are relative to the
// post's folder and may not leave the project.
func readImages(root, postFile string, a *content.Article) (map[string]photoFile, error) {
	out := map[string]photoFile{}
	for _, r := range imageRefs(a) {
		if _, ok := out[r.src]; ok {
			continue
		}
		data, err := readImage(root, filepath.Dir(filepath.Join(root, postFile)), r.src)
		if err != nil {
			return nil, diag.Errorf(a.File, r.line, "%v", err)
		}
		out[r.src] = photoFile{data: data, hash: fileHash(data), line: r.line}
	}
	return out, nil
}

// readBrandLogo reads the project's logo, relative to the project; nil
// when the project names none.
func readBrandLogo(root string, p config.Project) (*photoFile, error) {
	if p.Brand.Logo == "" {
		return nil, nil
	}
	data, err := readLogo(root, p.Brand.Logo)
	if err != nil {
		return nil, diag.Errorf(config.FileName, p.Brand.LogoLine, "brand.logo %q: %v", p.Brand.Logo, err)
	}
	return &photoFile{data: data, hash: fileHash(data), line: p.Brand.LogoLine}, nil
}

// decodeImages decodes the files readImages read, photos at the working
// size and the logo at its own. The logo, the same file in every post,
// is decoded once per build through logos, so every slide draws the
// same image and the renderers' resampled copies of it are reused.
func decodeImages(files map[string]photoFile, a *content.Article, p config.Project, logos *logoCache) (map[string]image.Image, error) {
	out := make(map[string]image.Image, len(files))
	for _, r := range imageRefs(a) {
		f, ok := files[r.src]
		if _, done := out[r.src]; done || !ok {
			continue
		}
		img, _, err := photo.Decode(f.data, photo.WorkingSide)
		if err != nil {
			return nil, diag.Errorf(a.File, f.line, "image %q %v", r.src, describe(err))
		}
		out[r.src] = img
	}
	if f, ok := files[deck.LogoKey]; ok {
		img, err := logos.decode(f)
		if err != nil {
			return nil, diag.Errorf(config.FileName, p.Brand.LogoLine, "brand.logo %q: %v", p.Brand.Logo, describe(err))
		}
		out[deck.LogoKey] = img
	}
	return out, nil
}

// logoCache holds decoded logos by their files' hashes.
type logoCache struct {
	mu   sync.Mutex
	byID map[string]image.Image
}

func (c *logoCache) decode(f photoFile) (image.Image, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if img, ok := c.byID[f.hash]; ok {
		return img, nil
	}
	img, _, err := photo.Decode(f.data, logoSide)
	if err != nil {
		return nil, err
	}
	if c.byID == nil {
		c.byID = map[string]image.Image{}
	}
	c.byID[f.hash] = img
	return img, nil
}

// logoSide is the size a logo is kept at: it is drawn at most about 150
// pixels tall.
const logoSide = 400

// loadLogo reads and decodes the brand logo.
func loadLogo(root, src string) (image.Image, error) {
	data, err := readLogo(root, src)
	if err != nil {
		return nil, err
	}
	img, _, err := photo.Decode(data, logoSide)
	if err != nil {
		return nil, describe(err)
	}
	return img, nil
}

func readLogo(root, src string) ([]byte, error) {
	data, err := theme.ReadAsset(root, filepath.ToSlash(src))
	if errors.Is(err, confine.ErrOutside) || errors.Is(err, confine.ErrLinksOutside) {
		return nil, fmt.Errorf("must be a file inside the project, like assets/logo.png")
	}
	return data, err
}

func readImage(root, dir, src string) ([]byte, error) {
	switch {
	case strings.Contains(src, "://"):
		return nil, fmt.Errorf("image %q is on the web; pkpm does not download images — save it next to the post and use its file name", src)
	case filepath.IsAbs(src) || strings.HasPrefix(src, "/"):
		return nil, fmt.Errorf("image %q is an absolute path; write it relative to the post, like foto.jpg", src)
	}
	data, err := confine.ReadFile(root, confine.Rel(root, filepath.Join(dir, filepath.FromSlash(src))))
	switch {
	case errors.Is(err, confine.ErrOutside):
		return nil, fmt.Errorf("image %q is outside the project; copy it into the post's folder", src)
	case errors.Is(err, confine.ErrLinksOutside):
		return nil, fmt.Errorf("image %q links outside the project; copy it into the post's folder", src)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("image %q not found; check the file name (paths are relative to the post)", src)
	case err != nil:
		return nil, fmt.Errorf("reading image %q: %v", src, err)
	}
	return data, nil
}

// describe words a decoding error for a message that starts with the
// image's name.
func describe(err error) error {
	var big *photo.TooLargeError
	var dmg *photo.DamagedError
	var other *photo.UnsupportedError
	switch {
	case errors.As(err, &big):
		return fmt.Errorf("is %d×%d pixels, over the %d-megapixel limit; resize it to at most 4000 pixels on its long side", big.Width, big.Height, MaxPixels/1_000_000)
	case errors.As(err, &dmg):
		return fmt.Errorf("(%s) is damaged: %v", dmg.Format, dmg.Err)
	case errors.As(err, &other):
		return fmt.Errorf("%s", howToJPEG(other.Kind))
	case errors.Is(err, photo.ErrFormat):
		return fmt.Errorf("is not a JPEG, PNG or WebP image pkpm can read")
	}
	return err
}

// howToJPEG says what a file in a format pkpm does not read is, and how
// to get a JPEG from it.
func howToJPEG(kind string) string {
	switch kind {
	case "heic":
		return "is a HEIC photo (the iPhone's own format), which pkpm cannot read; " +
			"save it as JPEG: export this one as JPEG (e.g. email it to yourself, or open it on a computer and export as JPEG), " +
			"and for new photos set the iPhone to Settings → Camera → Formats → Most Compatible"
	case "avif":
		return "is an AVIF image, which pkpm cannot read; open it and export or save it as JPEG"
	case "svg":
		return "is an SVG drawing, not a photo, which pkpm cannot read; export it as JPEG or PNG from the program that made it (e.g. Export → PNG)"
	case "pdf":
		return "is a PDF document, not a photo; export the page as JPEG or PNG, or take a screenshot of it"
	}
	return fmt.Sprintf("is a %s image, which pkpm cannot read; save it as JPEG or PNG", strings.ToUpper(kind))
}
