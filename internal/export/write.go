package export

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/pkpm-btn3/pkpm/internal/build"
)

// Write writes one bundle folder and its zip under dir (dist/bundles).
// It stops before starting when ctx is done; what it has written is
// always whole.
func Write(ctx context.Context, dir string, p Post, version string) (Manifest, error) {
	if err := ctx.Err(); err != nil {
		return Manifest{}, err
	}
	name := Name(p.Article)
	folder := filepath.Join(dir, name)
	if !inside(dir, folder) || filepath.Base(folder) != name {
		return Manifest{}, fmt.Errorf("bundle name %q would leave %s", name, dir)
	}
	files, m := Files(p, version)
	z, err := Zip(name, files)
	if err != nil {
		return m, err
	}
	if err := build.WriteDirAtomic(folder, files); err != nil {
		return m, err
	}
	if err := ctx.Err(); err != nil {
		return m, err
	}
	return m, build.WriteFileAtomic(folder+".zip", z)
}
