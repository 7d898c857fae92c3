package theme

import (
	"errors"
	"fmt"
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pkpm-btn3/pkpm/assets"
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
		return diag.Errorf(t.File, lb.Background.Line, "background image %q: %v", p, err)
	}
	return nil
}

// ReadAsset reads a file a template or the brand kit names: from the
// project folder, else, for a path under assets/, from the assets built
// into pkpm.
func ReadAsset(projectDir, p string) ([]byte, error) {
	if projectDir != "" {
		data, err := os.ReadFile(filepath.Join(projectDir, filepath.FromSlash(p)))
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if rest, ok := strings.CutPrefix(p, "assets/"); ok {
		if data, err := assets.FS.ReadFile(rest); err == nil {
			return data, nil
		}
	}
	return nil, fmt.Errorf("not found; paths are relative to the project folder")
}
