package theme

import (
	"errors"
	"fmt"
	"image"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/pkpm-btn3/pkpm/assets"
	"github.com/pkpm-btn3/pkpm/internal/confine"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/photo"
)

// loadImages reads the background images the layouts name. A path is
// relative to the project folder; one under assets/ that the project does
// not have is looked up in the assets built into pkpm.
func (t *Template) loadImages(projectDir string, leaf *sourceFile) error {
	t.images = map[string]image.Image{}
	for _, k := range Kinds {
		lb := t.Layouts.base(k)
		if lb == nil || lb.Background.Image == "" {
			continue
		}
		p := lb.Background.Image
		if _, done := t.images[p]; done {
			continue
		}
		data, err := ReadAsset(projectDir, p)
		if err == nil {
			var img image.Image
			img, _, err = photo.Decode(data, photo.WorkingSide)
			if err == nil {
				t.images[p] = img
				continue
			}
		}
		if errors.Is(err, confine.ErrOutside) || errors.Is(err, confine.ErrLinksOutside) {
			err = errors.New("must be a file inside the project, like assets/latar.jpg")
		}
		return diag.Errorf(t.File, lb.Background.Line, "background image %q: %v", p, err)
	}
	return nil
}

// ReadAsset reads a file a template or the brand kit names: from the
// project folder, else, for a path under assets/, from the assets built
// into pkpm.
//
// The file may not leave the project, by its name or through a link: the
// error is then confine.ErrOutside or confine.ErrLinksOutside.
func ReadAsset(projectDir, p string) ([]byte, error) {
	if projectDir != "" {
		data, err := confine.ReadFile(projectDir, p)
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	} else if !filepath.IsLocal(filepath.FromSlash(p)) {
		return nil, confine.ErrOutside
	}
	if rest, ok := strings.CutPrefix(p, "assets/"); ok {
		if data, err := assets.FS.ReadFile(rest); err == nil {
			return data, nil
		}
	}
	return nil, fmt.Errorf("not found; paths are relative to the project folder")
}
