package build

import (
	"errors"
	"fmt"
	"image"
	"io/fs"
	"path/filepath"
	"strings"

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

// loadImages reads and decodes every image a post uses, and the brand
// logo under deck.LogoKey. Paths are relative to the post's folder and may
// not leave the project; the logo's is relative to the project.
func loadImages(root, postFile string, a *content.Article, p config.Project) (map[string]image.Image, error) {
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
	if p.Brand.Logo != "" {
		logo, err := loadLogo(root, p.Brand.Logo)
		if err != nil {
			return nil, diag.Errorf(config.FileName, p.Brand.LogoLine, "brand.logo %q: %v", p.Brand.Logo, err)
		}
		out[deck.LogoKey] = logo
	}
	return out, nil
}

// logoSide is the size a logo is kept at: it is drawn at most about 150
// pixels tall.
const logoSide = 400

func loadLogo(root, src string) (image.Image, error) {
	data, err := theme.ReadAsset(root, filepath.ToSlash(src))
	if errors.Is(err, confine.ErrOutside) || errors.Is(err, confine.ErrLinksOutside) {
		return nil, fmt.Errorf("must be a file inside the project, like assets/logo.png")
	}
	if err != nil {
		return nil, err
	}
	img, _, err := photo.Decode(data, logoSide)
	if err != nil {
		return nil, describe(err)
	}
	return img, nil
}

func loadImage(root, dir, src string) (image.Image, error) {
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
	img, _, err := photo.Decode(data, photo.WorkingSide)
	if err != nil {
		return nil, fmt.Errorf("image %q %v", src, describe(err))
	}
	return img, nil
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
