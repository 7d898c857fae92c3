// Package confine reads files that must stay inside a folder: the photos
// a post names, the brand kit's logo and the templates' backgrounds may
// not leave the project, by their name or through a link. The check is
// os.Root's, made by the system as the file is opened, not a comparison of
// path strings that a link or a race could get around.
package confine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var (
	// ErrOutside is a name that leaves the folder: absolute, or with
	// more ".." than folders.
	ErrOutside = errors.New("outside the folder")
	// ErrLinksOutside is a name inside the folder that is a link to a
	// file outside it, or lies in a linked folder outside it.
	ErrLinksOutside = errors.New("links outside the folder")
)

// ReadFile reads name, slash-separated and relative to dir, without
// leaving dir. Its errors are ErrOutside, ErrLinksOutside, or the
// reading's own (fs.ErrNotExist when there is no such file).
func ReadFile(dir, name string) ([]byte, error) {
	return within(dir, name, (*os.Root).ReadFile)
}

// Rel gives path (inside or not) relative to dir, slash-separated, for
// ReadFile; a path on another volume is left as it is and ReadFile
// refuses it.
func Rel(dir, path string) string {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// escapes recognises os.Root's refusal of a path that resolves outside
// the root. It has no exported error value, so its message is matched.
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes")
}

// Stat describes name, slash-separated and relative to dir, following
// links only as far as they stay inside dir. Its errors are ReadFile's.
func Stat(dir, name string) (fs.FileInfo, error) {
	return within(dir, name, (*os.Root).Stat)
}

// within opens dir as a root and runs do on name inside it, turning a
// name that leaves dir, by its spelling or through a link, into
// ErrOutside or ErrLinksOutside.
func within[T any](dir, name string, do func(*os.Root, string) (T, error)) (T, error) {
	var zero T
	local := filepath.FromSlash(name)
	if !filepath.IsLocal(local) {
		return zero, ErrOutside
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return zero, err
	}
	defer r.Close()
	v, err := do(r, local)
	if err != nil && escapes(err) {
		return zero, ErrLinksOutside
	}
	return v, err
}
