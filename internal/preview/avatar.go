package preview

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// asset is a file served from memory.
type asset struct {
	data  []byte
	ctype string
	etag  string
}

func newAsset(data []byte, ctype string) *asset {
	sum := sha256.Sum256(data)
	return &asset{data: data, ctype: ctype, etag: hex.EncodeToString(sum[:8])}
}

// maxAvatar bounds the logo read into memory.
const maxAvatar = 4 << 20

// loadAvatar reads the project's logo for the profile picture: the brand
// kit's brand.logo, else assets/logo.{png,jpg,jpeg,webp}. It is nil when
// there is none, when it is not a picture, or when it is a link out of the
// project.
func loadAvatar(root, brandLogo string) *asset {
	paths := []string{filepath.Join(root, filepath.FromSlash(brandLogo))}
	if brandLogo == "" {
		paths = nil
		for _, name := range []string{"logo.png", "logo.jpg", "logo.jpeg", "logo.webp"} {
			paths = append(paths, filepath.Join(root, "assets", name))
		}
	}
	for _, path := range paths {
		st, err := os.Stat(path)
		if err != nil || !st.Mode().IsRegular() || st.Size() > maxAvatar || !insideReal(root, path) {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		ctype := http.DetectContentType(data)
		if ctype == "image/png" || ctype == "image/jpeg" || ctype == "image/webp" {
			return newAsset(data, ctype)
		}
	}
	return nil
}

// insideReal says whether path, links resolved, is inside root.
func insideReal(root, path string) bool {
	rr, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	rp, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(rr, rp)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
